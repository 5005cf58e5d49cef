/* hubd-error.h: the error domains of hubd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HUBD_ERROR (hubd_error_quark ())
#define HUBD_STORE_ERROR (hubd_store_error_quark ())

/* The errors a client sees: each has a stable code string (the contract's
 * Error.code) and an HTTP status. */
typedef enum {
  HUBD_ERROR_INVALID_REQUEST,
  HUBD_ERROR_INVALID_JSON,
  HUBD_ERROR_INVALID_FIELD,
  HUBD_ERROR_INVALID_CREDENTIALS,
  HUBD_ERROR_TOO_MANY_ATTEMPTS,
  HUBD_ERROR_UNAUTHENTICATED,
  HUBD_ERROR_SESSION_EXPIRED,
  HUBD_ERROR_FORBIDDEN,
  HUBD_ERROR_NOT_FOUND,
  HUBD_ERROR_CONFLICT,
  HUBD_ERROR_INVALID_TOKEN,
  HUBD_ERROR_WEAK_PASSWORD,
  HUBD_ERROR_PAYLOAD_TOO_LARGE,
  HUBD_ERROR_METHOD_NOT_ALLOWED,
  HUBD_ERROR_INTERNAL,
  HUBD_ERROR_RANGE_NOT_SATISFIABLE,
} HubdError;

/* The errors of a storage backend. */
typedef enum {
  HUBD_STORE_ERROR_FAILED,
  HUBD_STORE_ERROR_NOT_FOUND,
  HUBD_STORE_ERROR_CONFLICT,
} HubdStoreError;

GQuark      hubd_error_quark       (void);
GQuark      hubd_store_error_quark (void);
const char *hubd_error_to_code     (HubdError error);
guint       hubd_error_to_status   (HubdError error);

G_END_DECLS
