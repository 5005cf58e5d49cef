/* test-api-session.c: signing in and out, rate limits, session expiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "api-client.h"

static const char *const authenticated_paths[][2] = {
  { "DELETE", "/api/v1/session" },
  { "GET", "/api/v1/me" },
  { "GET", "/api/v1/companies" },
  { "GET", "/api/v1/companies/co_1" },
  { "GET", "/api/v1/companies/co_1/summary" },
  { "POST", "/api/v1/companies/co_1/contacts/ct_1/invitation" },
};

static void
test_sign_in (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autoptr (ApiResponse) response = NULL;
  g_autoptr (GDateTime) expires = NULL;
  gint64 logins_before;
  JsonObject *session, *user;
  JsonArray *companies;

  logins_before = api_query_int (server, "SELECT sum(login_count) FROM contacts"
                                         " JOIN users ON users.id = contacts.user_id"
                                         " WHERE users.email = 'admin@northwind.example'");

  /* Emails are matched whatever their case. */
  response = api_post_session (server, "Admin@Northwind.example", DEMO_PASSWORD);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Cache-Control"),
                   ==, "no-store");
  session = api_response_object (response);
  g_assert_cmpuint (strlen (json_object_get_string_member (session, "token")), ==, 43);
  g_assert_cmpint (json_object_get_int_member (session, "idle_timeout_seconds"), ==, 1800);

  /* 12 hours from now. */
  expires = g_date_time_new_from_iso8601 (json_object_get_string_member (session,
                                                                         "expires_at"),
                                          NULL);
  g_assert_nonnull (expires);
  g_assert_cmpint (g_date_time_to_unix (expires) - g_get_real_time () / G_USEC_PER_SEC,
                   >, 12 * 3600 - 60);

  user = json_object_get_object_member (session, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==,
                   "admin@northwind.example");
  g_assert_cmpstr (json_object_get_string_member (user, "first_name"), ==, "Avery");
  companies = json_object_get_array_member (user, "companies");
  g_assert_cmpuint (json_array_get_length (companies), ==, 2);

  /* Each sign-in counts in every company the user belongs to. */
  g_assert_cmpint (api_query_int (server, "SELECT sum(login_count) FROM contacts"
                                          " JOIN users ON users.id = contacts.user_id"
                                          " WHERE users.email = 'admin@northwind.example'"),
                   ==, logins_before + 2);
  g_assert_cmpint (api_query_int (server, "SELECT min(last_login_at) FROM contacts"
                                          " JOIN users ON users.id = contacts.user_id"
                                          " WHERE users.email = 'admin@northwind.example'"),
                   >=, g_get_real_time () / G_USEC_PER_SEC - 60);
}

static void
test_sign_out (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *token = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autofree char *other = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autoptr (ApiResponse) me = api_call (server, "GET", "/api/v1/me", token, NULL);
  g_autoptr (ApiResponse) out = NULL;
  g_autoptr (ApiResponse) after = NULL;
  g_autoptr (ApiResponse) again = NULL;
  g_autoptr (ApiResponse) still = NULL;

  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (api_response_object (me), "email"),
                   ==, "basic@northwind.example");

  out = api_call (server, "DELETE", "/api/v1/session", token, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (out->body), ==, 0);

  after = api_call (server, "GET", "/api/v1/me", token, NULL);
  api_assert_error (after, 401, "session_expired", NULL);
  g_assert_nonnull (soup_message_headers_get_one (after->headers, "WWW-Authenticate"));
  again = api_call (server, "DELETE", "/api/v1/session", token, NULL);
  api_assert_error (again, 401, "session_expired", NULL);

  /* Only the token of the request is revoked. */
  still = api_call (server, "GET", "/api/v1/me", other, NULL);
  g_assert_cmpuint (still->status, ==, 200);
}

/* Wrong password, unknown email and not-yet-activated user give the very
 * same answer. */
static void
test_wrong_credentials (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  const char *attempts[][2] = {
    { "admin@northwind.example", "not the password" },
    { "nobody@northwind.example", DEMO_PASSWORD },
    { "invited@northwind.example", DEMO_PASSWORD },
    { "invited@northwind.example", "" },
  };
  g_autofree char *first_body = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++) {
    g_autoptr (ApiResponse) response = api_post_session (server, attempts[i][0],
                                                    attempts[i][1]);
    g_autofree char *body = NULL;

    if (*attempts[i][1] == '\0') {
      /* An empty password is a malformed request, for any email. */
      api_assert_error (response, 400, "invalid_field", "password");
      continue;
    }

    api_assert_error (response, 401, "invalid_credentials", NULL);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers,
                                                   "WWW-Authenticate"),
                     ==, "Bearer realm=\"HUB\"");
    body = g_strndup (g_bytes_get_data (response->body, NULL),
                      g_bytes_get_size (response->body));
    if (first_body == NULL)
      first_body = g_steal_pointer (&body);
    else
      g_assert_cmpstr (body, ==, first_body);
  }
}

static void
assert_locked (ApiResponse *response)
{
  JsonObject *error;
  gint64 retry;

  api_assert_error (response, 429, "too_many_attempts", NULL);
  error = api_response_object (response);
  retry = json_object_get_int_member (error, "retry_after_seconds");
  g_assert_cmpint (retry, >, 800);
  g_assert_cmpint (retry, <=, 900);
  g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                   "Too many failed sign-ins. Try again in 15 minutes.");
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (response->headers,
                                                                  "Retry-After"),
                                    NULL, 10), ==, retry);
}

static void
test_rate_limit_account (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autoptr (ApiResponse) locked = NULL;
  g_autoptr (ApiResponse) unknown_locked = NULL;
  g_autofree char *other = NULL;

  for (guint i = 0; i < 5; i++) {
    g_autoptr (ApiResponse) response = api_post_session (server, "basic@northwind.example",
                                                    "guess");
    api_assert_error (response, 401, "invalid_credentials", NULL);
  }

  /* Now even the right password is refused, with how long to wait. */
  locked = api_post_session (server, "BASIC@northwind.example", DEMO_PASSWORD);
  assert_locked (locked);

  /* Unknown emails lock the same way, so that locking tells nothing. */
  for (guint i = 0; i < 5; i++) {
    g_autoptr (ApiResponse) response = api_post_session (server, "ghost@northwind.example",
                                                    "guess");
    api_assert_error (response, 401, "invalid_credentials", NULL);
  }
  unknown_locked = api_post_session (server, "ghost@northwind.example", "guess");
  assert_locked (unknown_locked);

  /* Other accounts are not affected. */
  other = api_sign_in (server, "activity@northwind.example", DEMO_PASSWORD);
  g_assert_nonnull (other);
}

static void
test_rate_limit_success_resets (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autofree char *token = NULL;

  for (guint round = 0; round < 2; round++) {
    for (guint i = 0; i < 4; i++) {
      g_autoptr (ApiResponse) response = api_post_session (server, "basic@northwind.example",
                                                      "guess");
      api_assert_error (response, 401, "invalid_credentials", NULL);
    }
    g_free (token);
    token = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  }
}

static void
test_rate_limit_address (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autoptr (ApiResponse) locked = NULL;
  g_autoptr (ApiResponse) forgot = NULL;

  /* 20 failures from one address, each on its own account. */
  for (guint i = 0; i < 20; i++) {
    g_autofree char *email = g_strdup_printf ("guess%u@northwind.example", i);
    g_autoptr (ApiResponse) response = api_post_session (server, email, "guess");

    api_assert_error (response, 401, "invalid_credentials", NULL);
  }

  locked = api_post_session (server, "admin@northwind.example", DEMO_PASSWORD);
  assert_locked (locked);

  forgot = api_call (server, "POST", "/api/v1/password/forgot", NULL,
                     "{\"email\": \"admin@northwind.example\"}");
  api_assert_error (forgot, 429, "too_many_attempts", NULL);
}

static void
test_no_token (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (authenticated_paths); i++) {
    const char *method = authenticated_paths[i][0];
    const char *path = authenticated_paths[i][1];
    g_autoptr (ApiResponse) none = api_call (server, method, path, NULL, NULL);
    g_autoptr (ApiResponse) unknown = api_call (server, method, path,
                                                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                NULL);

    g_test_message ("%s %s", method, path);
    api_assert_error (none, 401, "unauthenticated", NULL);
    g_assert_cmpstr (soup_message_headers_get_one (none->headers, "WWW-Authenticate"),
                     ==, "Bearer realm=\"HUB\"");
    api_assert_error (unknown, 401, "unauthenticated", NULL);
    g_assert_cmpstr (soup_message_headers_get_one (unknown->headers, "WWW-Authenticate"),
                     ==, "Bearer realm=\"HUB\", error=\"invalid_token\"");
  }
}

static void
test_session_lifetime (void)
{
  const char *args[] = { "--session-lifetime=2", NULL };
  g_autoptr (HubTestServer) server = api_start_server (args);
  g_autofree char *token = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autoptr (ApiResponse) fresh = api_call (server, "GET", "/api/v1/me", token, NULL);
  g_autoptr (ApiResponse) expired = NULL;

  g_assert_cmpuint (fresh->status, ==, 200);
  g_usleep (3 * G_USEC_PER_SEC);

  expired = api_call (server, "GET", "/api/v1/companies", token, NULL);
  api_assert_error (expired, 401, "session_expired", NULL);
}

static void
test_session_idle (void)
{
  const char *args[] = { "--session-idle-timeout=2", NULL };
  g_autoptr (HubTestServer) server = api_start_server (args);
  g_autofree char *token = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autoptr (ApiResponse) idle = NULL;

  /* Requests keep the session alive past the idle timeout... */
  for (guint i = 0; i < 3; i++) {
    g_autoptr (ApiResponse) response = NULL;

    g_usleep (G_USEC_PER_SEC);
    response = api_call (server, "GET", "/api/v1/me", token, NULL);
    g_assert_cmpuint (response->status, ==, 200);
  }

  /* ...and a pause longer than it ends the session. */
  g_usleep (4 * G_USEC_PER_SEC);
  idle = api_call (server, "GET", "/api/v1/me", token, NULL);
  api_assert_error (idle, 401, "session_expired", NULL);
}

static void
test_stops_cleanly (void)
{
  g_autoptr (HubTestServer) server = api_start_server (NULL);
  g_autoptr (GError) error = NULL;
  gboolean stopped;

  stopped = hub_test_server_stop (server, &error);
  g_assert_no_error (error);
  g_assert_true (stopped);
}

int
main (int   argc,
      char *argv[])
{
  api_init (&argc, &argv);

  g_test_add_func ("/api/session/sign-in", test_sign_in);
  g_test_add_func ("/api/session/sign-out", test_sign_out);
  g_test_add_func ("/api/session/wrong-credentials", test_wrong_credentials);
  g_test_add_func ("/api/session/rate-limit-account", test_rate_limit_account);
  g_test_add_func ("/api/session/rate-limit-success-resets", test_rate_limit_success_resets);
  g_test_add_func ("/api/session/rate-limit-address", test_rate_limit_address);
  g_test_add_func ("/api/session/no-token", test_no_token);
  g_test_add_func ("/api/session/lifetime", test_session_lifetime);
  g_test_add_func ("/api/session/idle-timeout", test_session_idle);
  g_test_add_func ("/api/session/stops-cleanly", test_stops_cleanly);

  return api_run ();
}
