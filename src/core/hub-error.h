/* hub-error.h: the error domain of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HUB_ERROR (hub_error_quark ())

/**
 * HubError:
 * @HUB_ERROR_FAILED: anything not covered below
 * @HUB_ERROR_NETWORK: the server cannot be reached (DNS, refused, timeout)
 * @HUB_ERROR_TLS: the server's certificate is not trusted, or TLS failed
 * @HUB_ERROR_INVALID_CREDENTIALS: the email or password is wrong
 * @HUB_ERROR_TOO_MANY_ATTEMPTS: sign-in is locked for a while
 * @HUB_ERROR_UNAUTHENTICATED: the token is missing, expired or revoked
 * @HUB_ERROR_FORBIDDEN: the user may not do this
 * @HUB_ERROR_NOT_FOUND: there is no such thing
 * @HUB_ERROR_CONFLICT: the request conflicts with the current state
 * @HUB_ERROR_INVALID_INPUT: the server refused a field of the request
 * @HUB_ERROR_INVALID_TOKEN: a password link token expired or was used
 * @HUB_ERROR_WEAK_PASSWORD: the new password is too weak
 * @HUB_ERROR_SERVER: a server error, or an answer that breaks the contract
 * @HUB_ERROR_KEYRING: the system keyring is unavailable or locked
 * @HUB_ERROR_CANCELLED: the caller cancelled the operation
 *
 * Every error the core library reports is in this domain, cancellation
 * included, and its message is a sentence a person can act on.
 */
typedef enum {
  HUB_ERROR_FAILED,
  HUB_ERROR_NETWORK,
  HUB_ERROR_TLS,
  HUB_ERROR_INVALID_CREDENTIALS,
  HUB_ERROR_TOO_MANY_ATTEMPTS,
  HUB_ERROR_UNAUTHENTICATED,
  HUB_ERROR_FORBIDDEN,
  HUB_ERROR_NOT_FOUND,
  HUB_ERROR_CONFLICT,
  HUB_ERROR_INVALID_INPUT,
  HUB_ERROR_INVALID_TOKEN,
  HUB_ERROR_WEAK_PASSWORD,
  HUB_ERROR_SERVER,
  HUB_ERROR_KEYRING,
  HUB_ERROR_CANCELLED,
} HubError;

GQuark hub_error_quark (void);

gboolean hub_error_is_cancelled (const GError *error);

G_END_DECLS
