/* test-api-password.c: password reset and invitation, through the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "api-client.h"

#define NEW_PASSWORD "a brand new passphrase"
#define NORTHWIND_CONTACTS "/api/v1/companies/co_1/contacts/"

static ApiResponse *
forgot (HubTestServer *server,
        const char    *email)
{
  g_autofree char *body = g_strdup_printf ("{\"email\": \"%s\"}", email);

  return api_call (server, "POST", "/api/v1/password/forgot", NULL, body);
}

static ApiResponse *
reset (HubTestServer *server,
       const char    *token,
       const char    *password)
{
  g_autofree char *body = g_strdup_printf ("{\"token\": \"%s\", \"password\": \"%s\"}",
                                           token, password);

  return api_call (server, "POST", "/api/v1/password/reset", NULL, body);
}

static guint
outbox_size (HubTestServer *server)
{
  g_auto (GStrv) mails = hub_test_server_read_outbox (server);

  return g_strv_length (mails);
}

/* The mail is a well-formed RFC 5322 message to that address. */
static void
assert_mail (const char *mail,
             const char *to,
             const char *subject)
{
  g_autofree char *to_line = g_strdup_printf ("\r\nTo: <%s>\r\n", to);
  g_autofree char *subject_line = g_strdup_printf ("\r\nSubject: %s\r\n", subject);
  g_autofree char *token = api_token_from_mail (mail);
  g_autofree char *web_link = g_strdup_printf ("https://hub.example/set-password?token=%s",
                                               token);
  const char *body = strstr (mail, "\r\n\r\n");

  g_assert_true (g_str_has_prefix (mail, "From: "));
  g_assert_nonnull (strstr (mail, to_line));
  g_assert_nonnull (strstr (mail, subject_line));
  g_assert_nonnull (strstr (mail, "\r\nDate: "));
  g_assert_nonnull (strstr (mail, "\r\nMessage-ID: <"));
  g_assert_nonnull (strstr (mail, "\r\nMIME-Version: 1.0\r\n"));
  g_assert_nonnull (strstr (mail, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, web_link));
}

static void
test_forgot_and_reset (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *old_session = api_sign_in (server, "basic@northwind.example",
                                              DEMO_PASSWORD);
  g_autoptr (ApiResponse) accepted = forgot (server, "Basic@Northwind.example");
  g_autoptr (ApiResponse) weak = NULL;
  g_autoptr (ApiResponse) done = NULL;
  g_autoptr (ApiResponse) twice = NULL;
  g_autoptr (ApiResponse) old_password = NULL;
  g_autoptr (ApiResponse) revoked = NULL;
  g_autofree char *token = NULL;
  g_autofree char *new_session = NULL;
  g_auto (GStrv) mails = NULL;

  g_assert_cmpuint (accepted->status, ==, 202);
  mails = hub_test_server_read_outbox (server);
  g_assert_cmpuint (g_strv_length (mails), ==, 1);
  assert_mail (mails[0], "basic@northwind.example", "Reset your HUB password");
  g_assert_null (strstr (mails[0], "Blake"));
  token = api_token_from_mail (mails[0]);

  weak = reset (server, token, "short");
  api_assert_error (weak, 400, "weak_password", "password");

  done = reset (server, token, NEW_PASSWORD);
  g_assert_cmpuint (done->status, ==, 204);

  /* The link works once. */
  twice = reset (server, token, "yet another passphrase");
  api_assert_error (twice, 400, "invalid_token", "token");

  old_password = api_post_session (server, "basic@northwind.example", DEMO_PASSWORD);
  api_assert_error (old_password, 401, "invalid_credentials", NULL);
  new_session = api_sign_in (server, "basic@northwind.example", NEW_PASSWORD);

  /* Setting a password signs the user out everywhere. */
  revoked = api_call (server, "GET", "/api/v1/me", old_session, NULL);
  api_assert_error (revoked, 401, "session_expired", NULL);
}

static void
test_forgot_unknown_email (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autoptr (ApiResponse) unknown = forgot (server, "nobody@northwind.example");
  g_autoptr (ApiResponse) malformed = forgot (server, "not an email");
  g_autoptr (ApiResponse) bogus = reset (server, "no-such-token", NEW_PASSWORD);

  /* The same answer as for a known email, and no mail. */
  g_assert_cmpuint (unknown->status, ==, 202);
  g_assert_cmpuint (g_bytes_get_size (unknown->body), ==, 0);
  g_assert_cmpuint (outbox_size (server), ==, 0);

  api_assert_error (malformed, 400, "invalid_field", "email");
  api_assert_error (bogus, 400, "invalid_token", "token");
}

static void
test_reset_expired (void)
{
  const char *args[] = { "--reset-token-lifetime=1", NULL };
  g_autoptr (HubTestServer) server = api_start_server (args);
  g_autoptr (ApiResponse) accepted = forgot (server, "activity@northwind.example");
  g_autoptr (ApiResponse) expired = NULL;
  g_autofree char *token = NULL;
  g_auto (GStrv) mails = hub_test_server_read_outbox (server);

  g_assert_cmpuint (accepted->status, ==, 202);
  g_assert_cmpuint (g_strv_length (mails), ==, 1);
  g_assert_nonnull (strstr (mails[0], "expires in 1 second."));
  token = api_token_from_mail (mails[0]);

  g_usleep (2 * G_USEC_PER_SEC + G_USEC_PER_SEC / 2);
  expired = reset (server, token, NEW_PASSWORD);
  api_assert_error (expired, 400, "invalid_token", "token");
}

static char *
invitation_path (HubTestServer *server,
                 const char    *company_id,
                 const char    *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM contacts WHERE %s", where);

  return g_strdup_printf ("/api/v1/companies/%s/contacts/ct_%" G_GINT64_FORMAT
                          "/invitation", company_id, api_query_int (server, sql));
}

static gint64
pending_invitations (HubTestServer *server,
                     const char    *token)
{
  g_autoptr (ApiResponse) summary = api_call (server, "GET",
                                              "/api/v1/companies/co_1/summary",
                                              token, NULL);

  g_assert_cmpuint (summary->status, ==, 200);
  return json_object_get_int_member (api_response_object (summary),
                                     "pending_invitations");
}

static void
test_invitation (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_autofree char *path = invitation_path (server, "co_1", "first_name = 'Emery'");
  g_autoptr (ApiResponse) before = api_post_session (server, "emery.evans@northwind.example",
                                            NEW_PASSWORD);
  g_autoptr (ApiResponse) invited = NULL;
  g_autoptr (ApiResponse) set = NULL;
  g_autoptr (ApiResponse) again = NULL;
  g_autoptr (ApiResponse) me = NULL;
  g_autofree char *emery = NULL;
  g_autofree char *token = NULL;
  g_auto (GStrv) mails = NULL;
  gint64 pending = pending_invitations (server, admin);
  JsonObject *invitation, *membership;
  JsonArray *companies;

  api_assert_error (before, 401, "invalid_credentials", NULL);

  invited = api_call (server, "POST", path, admin, NULL);
  g_assert_cmpuint (invited->status, ==, 202);
  invitation = api_response_object (invited);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (invitation,
                                                                  "contact_id"),
                                   "ct_"));
  g_assert_nonnull (json_object_get_string_member (invitation, "expires_at"));
  g_assert_cmpint (pending_invitations (server, admin), ==, pending + 1);

  /* Recorded in Recent Changes, by whom. */
  g_assert_cmpint (api_query_int (server, "SELECT count(*) FROM changes"
                                          " WHERE action = 'invite' AND actor_user_id ="
                                          " (SELECT id FROM users WHERE email ="
                                          "  'admin@northwind.example')"),
                   ==, 1);

  mails = hub_test_server_read_outbox (server);
  g_assert_cmpuint (g_strv_length (mails), ==, 1);
  assert_mail (mails[0], "emery.evans@northwind.example", "You are invited to the HUB");
  g_assert_nonnull (strstr (mails[0], "Northwind Logistics"));
  g_assert_nonnull (strstr (mails[0], "7 days"));
  token = api_token_from_mail (mails[0]);

  set = reset (server, token, NEW_PASSWORD);
  g_assert_cmpuint (set->status, ==, 204);
  emery = api_sign_in (server, "emery.evans@northwind.example", NEW_PASSWORD);

  /* A contact without portal access becomes a Basic user. */
  me = api_call (server, "GET", "/api/v1/me", emery, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  companies = json_object_get_array_member (api_response_object (me), "companies");
  g_assert_cmpuint (json_array_get_length (companies), ==, 1);
  membership = json_array_get_object_element (companies, 0);
  g_assert_cmpstr (json_object_get_string_member (membership, "role"), ==, "basic");

  /* Active now: a second invitation conflicts. */
  again = api_call (server, "POST", path, admin, NULL);
  api_assert_error (again, 409, "conflict", NULL);
  g_assert_cmpint (pending_invitations (server, admin), ==, pending);
}

static void
test_invitation_resend (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_autofree char *path = invitation_path (server, "co_1",
                                           "email = 'invited@northwind.example'");
  g_autoptr (ApiResponse) first = api_call (server, "POST", path, admin, NULL);
  g_autoptr (ApiResponse) second = api_call (server, "POST", path, admin, NULL);
  g_autoptr (ApiResponse) set = NULL;
  g_autofree char *token = NULL;
  g_autofree char *session = NULL;
  g_auto (GStrv) mails = NULL;

  /* A user who has not set a password yet can be invited again. */
  g_assert_cmpuint (first->status, ==, 202);
  g_assert_cmpuint (second->status, ==, 202);
  mails = hub_test_server_read_outbox (server);
  g_assert_cmpuint (g_strv_length (mails), ==, 2);

  token = api_token_from_mail (mails[1]);
  set = reset (server, token, NEW_PASSWORD);
  g_assert_cmpuint (set->status, ==, 204);
  session = api_sign_in (server, "invited@northwind.example", NEW_PASSWORD);
}

static void
test_invitation_refused (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_autofree char *basic = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autofree char *harbor = api_sign_in (server, "admin@harbor.example", DEMO_PASSWORD);
  g_autofree char *emery = invitation_path (server, "co_1", "first_name = 'Emery'");
  g_autofree char *finley = invitation_path (server, "co_1", "first_name = 'Finley'");
  g_autofree char *blake = invitation_path (server, "co_1",
                                            "email = 'basic@northwind.example'");
  g_autofree char *wrong_company = invitation_path (server, "co_2", "first_name = 'Emery'");
  g_autoptr (ApiResponse) by_basic = api_call (server, "POST", emery, basic, NULL);
  g_autoptr (ApiResponse) by_outsider = api_call (server, "POST", emery, harbor, NULL);
  g_autoptr (ApiResponse) no_email = api_call (server, "POST", finley, admin, NULL);
  g_autoptr (ApiResponse) active = api_call (server, "POST", blake, admin, NULL);
  g_autoptr (ApiResponse) other_company = api_call (server, "POST", wrong_company,
                                                    admin, NULL);
  g_autoptr (ApiResponse) missing = api_call (server, "POST", NORTHWIND_CONTACTS
                                              "ct_999999/invitation", admin, NULL);
  g_autoptr (ApiResponse) garbage = api_call (server, "POST", NORTHWIND_CONTACTS
                                              "xyz/invitation", admin, NULL);

  api_assert_error (by_basic, 403, "forbidden", NULL);
  api_assert_error (by_outsider, 403, "forbidden", NULL);
  api_assert_error (no_email, 409, "conflict", NULL);
  api_assert_error (active, 409, "conflict", NULL);
  /* A contact of Northwind does not exist in Harbor Foods. */
  api_assert_error (other_company, 404, "not_found", NULL);
  api_assert_error (missing, 404, "not_found", NULL);
  api_assert_error (garbage, 404, "not_found", NULL);

  g_assert_cmpuint (outbox_size (server), ==, 0);
  g_assert_cmpint (api_query_int (server, "SELECT count(*) FROM changes"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  api_init (&argc, &argv);

  g_test_add_func ("/api/password/forgot-and-reset", test_forgot_and_reset);
  g_test_add_func ("/api/password/forgot-unknown-email", test_forgot_unknown_email);
  g_test_add_func ("/api/password/reset-expired", test_reset_expired);
  g_test_add_func ("/api/invitation/flow", test_invitation);
  g_test_add_func ("/api/invitation/resend", test_invitation_resend);
  g_test_add_func ("/api/invitation/refused", test_invitation_refused);

  return api_run ();
}
