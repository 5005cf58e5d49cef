/* hubd-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-error.h"

G_DEFINE_QUARK (hubd-error-quark, hubd_error)
G_DEFINE_QUARK (hubd-store-error-quark, hubd_store_error)

static const struct {
  const char *code;
  guint status;
} errors[] = {
  [HUBD_ERROR_INVALID_REQUEST] = { "invalid_request", 400 },
  [HUBD_ERROR_INVALID_JSON] = { "invalid_json", 400 },
  [HUBD_ERROR_INVALID_FIELD] = { "invalid_field", 400 },
  [HUBD_ERROR_INVALID_CREDENTIALS] = { "invalid_credentials", 401 },
  [HUBD_ERROR_TOO_MANY_ATTEMPTS] = { "too_many_attempts", 429 },
  [HUBD_ERROR_UNAUTHENTICATED] = { "unauthenticated", 401 },
  [HUBD_ERROR_SESSION_EXPIRED] = { "session_expired", 401 },
  [HUBD_ERROR_FORBIDDEN] = { "forbidden", 403 },
  [HUBD_ERROR_NOT_FOUND] = { "not_found", 404 },
  [HUBD_ERROR_CONFLICT] = { "conflict", 409 },
  [HUBD_ERROR_INVALID_TOKEN] = { "invalid_token", 400 },
  [HUBD_ERROR_WEAK_PASSWORD] = { "weak_password", 400 },
  [HUBD_ERROR_PAYLOAD_TOO_LARGE] = { "payload_too_large", 413 },
  [HUBD_ERROR_METHOD_NOT_ALLOWED] = { "method_not_allowed", 405 },
  [HUBD_ERROR_INTERNAL] = { "internal", 500 },
  [HUBD_ERROR_RANGE_NOT_SATISFIABLE] = { "range_not_satisfiable", 416 },
};

const char *
hubd_error_to_code (HubdError error)
{
  g_return_val_if_fail (error < G_N_ELEMENTS (errors), "internal");

  return errors[error].code;
}

guint
hubd_error_to_status (HubdError error)
{
  g_return_val_if_fail (error < G_N_ELEMENTS (errors), 500);

  return errors[error].status;
}
