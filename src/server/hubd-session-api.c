/* hubd-session-api.c: signing in and out, and setting passwords
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include "hubd-crypto.h"

static const char *const sign_in_fields[] = { "email", "password", NULL };
static const char *const forgot_fields[] = { "email", NULL };
static const char *const reset_fields[] = { "token", "password", NULL };

/* Checks the password of an active user; an unknown email or a user
 * without a password costs the same time as a real check. */
static HubdUser *
check_credentials (HubdRequest  *req,
                   const char   *email,
                   const char   *password,
                   GError      **error)
{
  g_autoptr (HubdUser) user = NULL;
  g_autoptr (GError) local_error = NULL;

  user = hubd_store_find_user_by_email (req->server->store, email, &local_error);
  if (user == NULL) {
    if (!g_error_matches (local_error, HUBD_STORE_ERROR,
                          HUBD_STORE_ERROR_NOT_FOUND)) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
    hubd_password_verify_nothing (password);
  } else if (user->status != HUBD_USER_STATUS_ACTIVE) {
    hubd_password_verify_nothing (password);
    g_clear_pointer (&user, hubd_user_free);
  } else if (!hubd_password_verify (user->password_hash, password)) {
    g_clear_pointer (&user, hubd_user_free);
  }

  if (user == NULL)
    g_set_error_literal (error, HUBD_ERROR, HUBD_ERROR_INVALID_CREDENTIALS,
                         "The email or password is not correct.");

  return g_steal_pointer (&user);
}

void
hubd_api_sign_in (HubdRequest *req)
{
  HubdServer *self = req->server;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (HubdUser) user = NULL;
  g_autoptr (GPtrArray) memberships = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires = NULL;
  const char *email, *password, *client;
  gint64 locked, expires_at;

  if (!(body = hubd_request_parse_object (req, sign_in_fields)) ||
      !(email = hubd_request_get_email (req, body)) ||
      !(password = hubd_request_get_string (req, body, "password",
                                            HUBD_PASSWORD_MAX_LENGTH)))
    return;

  account = g_utf8_casefold (email, -1);
  client = hubd_request_get_client (req);
  locked = MAX (hubd_rate_limiter_check (self->account_limiter, account, req->now),
                hubd_rate_limiter_check (self->address_limiter, client, req->now));
  if (locked > 0) {
    hubd_request_respond_locked (req, locked);
    return;
  }

  user = check_credentials (req, email, password, &error);
  if (user == NULL) {
    if (g_error_matches (error, HUBD_ERROR, HUBD_ERROR_INVALID_CREDENTIALS)) {
      hubd_rate_limiter_record (self->account_limiter, account, req->now);
      hubd_rate_limiter_record (self->address_limiter, client, req->now);
      g_debug ("Refused a sign-in from %s", client);
    }
    hubd_request_respond_gerror (req, error);
    return;
  }

  hubd_rate_limiter_forget (self->account_limiter, account);
  token = hubd_token_new ();
  token_hash = hubd_token_hash (token);
  expires_at = req->now + self->session_lifetime;
  if (!hubd_store_create_session (self->store, token_hash, user->id, req->now,
                                  expires_at, &error) ||
      !hubd_store_record_sign_in (self->store, user->id, req->now, &error) ||
      !(memberships = hubd_list_all_memberships (self, user, &error))) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  expires = hubd_time_format (expires_at);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "idle_timeout_seconds");
  json_builder_add_int_value (builder, self->session_idle_timeout);
  json_builder_set_member_name (builder, "user");
  hubd_build_user (builder, user, memberships);
  json_builder_end_object (builder);

  g_debug ("User %" G_GINT64_FORMAT " signed in", user->id);
  hubd_request_respond_json (req, SOUP_STATUS_CREATED, builder);
}

void
hubd_api_sign_out (HubdRequest *req)
{
  g_autoptr (GError) error = NULL;

  if (!hubd_store_revoke_session (req->server->store, req->token_hash,
                                  req->now, &error)) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  hubd_request_respond_empty (req, SOUP_STATUS_NO_CONTENT);
}

char *
hubd_format_lifetime (gint64 seconds)
{
  if (seconds % 86400 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", seconds / 86400,
                            seconds == 86400 ? "day" : "days");
  if (seconds % 3600 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", seconds / 3600,
                            seconds == 3600 ? "hour" : "hours");
  if (seconds % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", seconds / 60,
                            seconds == 60 ? "minute" : "minutes");
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", seconds,
                          seconds == 1 ? "second" : "seconds");
}

/* The two ways of following a set-password link: the app's own URI, and a
 * web page for a mail read on another device. No names or other personal
 * data go into these mails. */
char *
hubd_password_links (HubdServer *self,
                     const char *token)
{
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);

  return g_strdup_printf ("  hubdesk://set-password?token=%s\n"
                          "\n"
                          "or, in a web browser:\n"
                          "\n"
                          "  %s/set-password?token=%s\n",
                          escaped, self->public_url, escaped);
}

static gboolean
send_reset_mail (HubdRequest  *req,
                 HubdUser     *user,
                 GError      **error)
{
  HubdServer *self = req->server;
  g_autofree char *token = hubd_token_new ();
  g_autofree char *token_hash = hubd_token_hash (token);
  g_autofree char *links = NULL;
  g_autofree char *lifetime = NULL;
  g_autofree char *body = NULL;

  if (!hubd_store_create_password_token (self->store, token_hash, user->id,
                                         HUBD_TOKEN_KIND_RESET, req->now,
                                         req->now + self->reset_token_lifetime,
                                         error))
    return FALSE;

  links = hubd_password_links (self, token);
  lifetime = hubd_format_lifetime (self->reset_token_lifetime);
  body = g_strdup_printf ("Hello,\n"
                          "\n"
                          "Someone asked to reset the password of your HUB "
                          "account. To choose a new\n"
                          "password, open this link in HUB Desk:\n"
                          "\n"
                          "%s"
                          "\n"
                          "The link works once and expires in %s. If you did "
                          "not ask for this,\n"
                          "ignore this message: your password stays as it is.\n",
                          links, lifetime);

  return hubd_outbox_send (self->outbox, user->email,
                           "Reset your HUB password", body, error);
}

void
hubd_api_forgot_password (HubdRequest *req)
{
  HubdServer *self = req->server;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (HubdUser) user = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *account = NULL;
  const char *email, *client;
  gint64 locked;

  if (!(body = hubd_request_parse_object (req, forgot_fields)) ||
      !(email = hubd_request_get_email (req, body)))
    return;

  client = hubd_request_get_client (req);
  locked = hubd_rate_limiter_check (self->address_limiter, client, req->now);
  if (locked > 0) {
    hubd_request_respond_locked (req, locked);
    return;
  }

  /* Whatever happens next, the answer is the same 202. */
  account = g_utf8_casefold (email, -1);
  user = hubd_store_find_user_by_email (self->store, email, &error);
  if (user != NULL &&
      hubd_rate_limiter_check (self->mail_limiter, account, req->now) == 0) {
    hubd_rate_limiter_record (self->mail_limiter, account, req->now);
    if (!send_reset_mail (req, user, &error)) {
      hubd_request_respond_gerror (req, error);
      return;
    }
  } else if (user == NULL &&
             !g_error_matches (error, HUBD_STORE_ERROR,
                               HUBD_STORE_ERROR_NOT_FOUND)) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  hubd_request_respond_empty (req, SOUP_STATUS_ACCEPTED);
}

void
hubd_api_set_password (HubdRequest *req)
{
  HubdServer *self = req->server;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *password_hash = NULL;
  g_autofree char *token_hash = NULL;
  const char *token, *password;

  if (!(body = hubd_request_parse_object (req, reset_fields)) ||
      !(token = hubd_request_get_string (req, body, "token", 256)) ||
      !(password = hubd_request_get_string (req, body, "password",
                                            HUBD_PASSWORD_MAX_LENGTH)))
    return;

  if (g_utf8_strlen (password, -1) < HUBD_PASSWORD_MIN_LENGTH) {
    hubd_request_respond_error (req, HUBD_ERROR_WEAK_PASSWORD, "password",
                                "Choose a password of at least 10 characters.");
    return;
  }

  password_hash = hubd_password_hash (password, &error);
  if (password_hash == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  token_hash = hubd_token_hash (token);
  if (!hubd_store_set_password_with_token (self->store, token_hash,
                                           password_hash, req->now, &error)) {
    if (g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND))
      hubd_request_respond_error (req, HUBD_ERROR_INVALID_TOKEN, "token",
                                  "This link has expired or was already used. "
                                  "Ask for a new one.");
    else
      hubd_request_respond_gerror (req, error);
    return;
  }

  hubd_request_respond_empty (req, SOUP_STATUS_NO_CONTENT);
}
