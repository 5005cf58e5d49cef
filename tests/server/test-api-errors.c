/* test-api-errors.c: malformed requests get the error shape, never a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "api-client.h"

static HubTestServer *server;

static void
assert_still_serving (void)
{
  g_autoptr (ApiResponse) health = api_call (server, "GET", "/api/v1/health", NULL, NULL);

  g_assert_cmpuint (health->status, ==, 200);
}

static void
test_malformed_json (void)
{
  const char *bodies[] = {
    "{\"email\": ",
    "not json at all",
    "[\"admin@northwind.example\", \"" DEMO_PASSWORD "\"]",
    "\"just a string\"",
    "",
    "{\"email\": \"admin@northwind.example\", \"password\": \"x\"} trailing",
    "\xff\xfe{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++) {
    g_autoptr (ApiResponse) sign_in = api_call (server, "POST", "/api/v1/session", NULL,
                                                bodies[i]);
    g_autoptr (ApiResponse) forgot = api_call (server, "POST", "/api/v1/password/forgot",
                                               NULL, bodies[i]);
    g_autoptr (ApiResponse) reset = api_call (server, "POST", "/api/v1/password/reset",
                                              NULL, bodies[i]);

    g_test_message ("body %u", i);
    api_assert_error (sign_in, 400, "invalid_json", NULL);
    api_assert_error (forgot, 400, "invalid_json", NULL);
    api_assert_error (reset, 400, "invalid_json", NULL);
  }

  assert_still_serving ();
}

static void
test_wrong_fields (void)
{
  const struct {
    const char *path;
    const char *body;
    const char *field;
  } cases[] = {
    { "/api/v1/session", "{\"email\": 42, \"password\": \"x\"}", "email" },
    { "/api/v1/session", "{\"email\": null, \"password\": \"x\"}", "email" },
    { "/api/v1/session", "{\"password\": \"x\"}", "email" },
    { "/api/v1/session", "{\"email\": \"a@b.example\"}", "password" },
    { "/api/v1/session", "{\"email\": \"a@b.example\", \"password\": [1]}", "password" },
    { "/api/v1/session", "{\"email\": \"a@b.example\", \"password\": {}}", "password" },
    { "/api/v1/session", "{\"email\": \"a@b.example\", \"password\": true}", "password" },
    { "/api/v1/session", "{\"email\": \"no-at-sign\", \"password\": \"x\"}", "email" },
    { "/api/v1/session", "{\"email\": \"a@b.example\", \"password\": \"x\", \"admin\": true}",
      "admin" },
    { "/api/v1/password/forgot", "{\"email\": 1.5}", "email" },
    { "/api/v1/password/forgot", "{}", "email" },
    { "/api/v1/password/reset", "{\"token\": 1, \"password\": \"long enough password\"}",
      "token" },
    { "/api/v1/password/reset", "{\"token\": \"t\"}", "password" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (ApiResponse) response = api_call (server, "POST", cases[i].path, NULL,
                                                 cases[i].body);

    g_test_message ("%s %s", cases[i].path, cases[i].body);
    api_assert_error (response, 400, "invalid_field", cases[i].field);
  }

  assert_still_serving ();
}

static void
test_too_long_fields (void)
{
  g_autofree char *long_email = g_strnfill (300, 'a');
  g_autofree char *long_password = g_strnfill (2000, 'p');
  g_autofree char *email_body = g_strdup_printf ("{\"email\": \"%s@example.com\", "
                                                 "\"password\": \"x\"}", long_email);
  g_autofree char *password_body = g_strdup_printf ("{\"email\": \"a@example.com\", "
                                                    "\"password\": \"%s\"}", long_password);
  g_autoptr (ApiResponse) email = api_call (server, "POST", "/api/v1/session", NULL,
                                            email_body);
  g_autoptr (ApiResponse) password = api_call (server, "POST", "/api/v1/session", NULL,
                                               password_body);

  api_assert_error (email, 400, "invalid_field", "email");
  api_assert_error (password, 400, "invalid_field", "password");
}

static GBytes *
big_body (gsize size)
{
  GString *body = g_string_new ("{\"email\": \"a@b.example\", \"password\": \"");

  while (body->len < size - 2)
    g_string_append_c (body, 'x');
  g_string_append (body, "\"}");

  return g_string_free_to_bytes (body);
}

static void
test_oversized (void)
{
  const gsize sizes[] = { 64 * 1024 + 1, 200 * 1024, 4 * 1024 * 1024 };
  g_autoptr (GBytes) fits = big_body (60 * 1024);
  g_autoptr (ApiResponse) fitting = api_call_raw (server, "POST", "/api/v1/session",
                                                  NULL, fits, FALSE);

  /* Just under the limit: read, then refused for what it says. */
  api_assert_error (fitting, 400, "invalid_field", "password");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++) {
    for (guint chunked = 0; chunked <= 1; chunked++) {
      g_autoptr (GBytes) body = big_body (sizes[i]);
      g_autoptr (ApiResponse) response = NULL;

      g_test_message ("%" G_GSIZE_FORMAT " bytes, %s", sizes[i],
                      chunked ? "chunked" : "with Content-Length");
      response = api_call_raw (server, "POST", "/api/v1/session", NULL, body, chunked);
      api_assert_error (response, 413, "payload_too_large", NULL);
      assert_still_serving ();
    }
  }
}

static void
test_unknown_path_and_method (void)
{
  const char *missing[] = {
    "/api/v1/nothing",
    "/api/v1/companies/co_1/nothing",
    "/api/v2/health",
    "/",
    "/api/v1/",
    "/api/v1/session/extra",
    "/api/v1/companies//summary",
  };
  g_autoptr (ApiResponse) put = api_call (server, "PUT", "/api/v1/session", NULL, "{}");
  g_autoptr (ApiResponse) post = api_call (server, "POST", "/api/v1/health", NULL, "{}");

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++) {
    g_autoptr (ApiResponse) response = api_call (server, "GET", missing[i], NULL, NULL);

    g_test_message ("GET %s", missing[i]);
    api_assert_error (response, 404, "not_found", NULL);
  }

  api_assert_error (put, 405, "method_not_allowed", NULL);
  g_assert_cmpstr (soup_message_headers_get_one (put->headers, "Allow"), ==,
                   "POST, DELETE");
  api_assert_error (post, 405, "method_not_allowed", NULL);
  g_assert_cmpstr (soup_message_headers_get_one (post->headers, "Allow"), ==, "GET");
}

/* A company id that tries to climb out of its path segment names nothing. */
static void
test_dot_segments (void)
{
  const char *paths[] = {
    "/api/v1/companies/..%2Fsession",
    "/api/v1/companies/..%2F..%2Fhealth%3Fx%3D1%23y",
    "/api/v1/companies/co_1/..%2F..%2Fme",
  };
  g_autofree char *token = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++) {
    g_autoptr (ApiResponse) response = api_call (server, "GET", paths[i], token, NULL);

    g_test_message ("GET %s", paths[i]);
    api_assert_error (response, 404, "not_found", NULL);
  }

  assert_still_serving ();
}

static void
test_odd_tokens (void)
{
  const char *tokens[] = {
    "x",
    "a b c",
    "\xc3\xa9\xc3\xa9",
  };
  g_autofree char *huge = g_strnfill (4000, 'A');

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++) {
    g_autoptr (ApiResponse) response = api_call (server, "GET", "/api/v1/me", tokens[i],
                                                 NULL);
    api_assert_error (response, 401, "unauthenticated", NULL);
  }

  {
    g_autoptr (ApiResponse) response = api_call (server, "GET", "/api/v1/me", huge, NULL);
    api_assert_error (response, 401, "unauthenticated", NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  api_init (&argc, &argv);
  server = api_start_server (NULL);

  g_test_add_func ("/api/errors/malformed-json", test_malformed_json);
  g_test_add_func ("/api/errors/wrong-fields", test_wrong_fields);
  g_test_add_func ("/api/errors/too-long-fields", test_too_long_fields);
  g_test_add_func ("/api/errors/oversized", test_oversized);
  g_test_add_func ("/api/errors/unknown-path-and-method", test_unknown_path_and_method);
  g_test_add_func ("/api/errors/dot-segments", test_dot_segments);
  g_test_add_func ("/api/errors/odd-tokens", test_odd_tokens);

  rc = api_run ();
  hub_test_server_free (server);
  return rc;
}
