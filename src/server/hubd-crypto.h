/* hubd-crypto.h: password hashes and bearer tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Passwords shorter than this are refused as weak. */
#define HUBD_PASSWORD_MIN_LENGTH 10
#define HUBD_PASSWORD_MAX_LENGTH 1024

gboolean hubd_crypto_init             (GError     **error);
char    *hubd_password_hash           (const char  *password,
                                       GError     **error);
gboolean hubd_password_verify         (const char  *hash,
                                       const char  *password);
void     hubd_password_verify_nothing (const char  *password);
char    *hubd_token_new               (void);
char    *hubd_token_hash              (const char  *token);

G_END_DECLS
