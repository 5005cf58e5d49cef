/* api-client.c: calling hubd from the API tests, and checking what it
 * answered against the contract
 *
 * Every response is recorded; the last test of each program hands the
 * records to tests/contract/check-responses.mjs, which fails on any status
 * the contract does not document and any body that does not match its
 * schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "api-client.h"

#include <sqlite3.h>
#include <string.h>

static SoupSession *session;
static GString *records;
static GTlsCertificate *trusted;

static void
record_response (const char  *method,
                 const char  *path,
                 ApiResponse *response)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *line = NULL;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gsize length;
  const char *data = g_bytes_get_data (response->body, &length);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, response->status);
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, response->content_type);
  json_builder_set_member_name (builder, "headers");
  json_builder_begin_object (builder);
  soup_message_headers_iter_init (&iter, response->headers);
  while (soup_message_headers_iter_next (&iter, &name, &value)) {
    g_autofree char *lower = g_ascii_strdown (name, -1);

    json_builder_set_member_name (builder, lower);
    json_builder_add_string_value (builder, value);
  }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "body");
  if (data != NULL && g_utf8_validate (data, length, NULL)) {
    g_autofree char *text = g_strndup (data, length);
    json_builder_add_string_value (builder, text);
  } else {
    json_builder_add_string_value (builder, "");
  }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  line = json_to_string (root, FALSE);
  g_string_append_printf (records, "%s\n", line);
}

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return trusted != NULL && g_tls_certificate_is_same (trusted, certificate);
}

void
api_trust_certificate (GTlsCertificate *certificate)
{
  g_set_object (&trusted, certificate);
}

static ApiResponse *
call (HubTestServer      *server,
      const char         *method,
      const char         *path,
      const char         *token,
      GBytes             *body,
      gboolean            chunked,
      const char * const *headers);

ApiResponse *
api_call_raw (HubTestServer *server,
              const char    *method,
              const char    *path,
              const char    *token,
              GBytes        *body,
              gboolean       chunked)
{
  return call (server, method, path, token, body, chunked, NULL);
}

/* headers: name and value pairs, NULL-terminated. */
ApiResponse *
api_call_with_headers (HubTestServer      *server,
                       const char         *method,
                       const char         *path,
                       const char         *token,
                       const char         *json_body,
                       const char * const *headers)
{
  g_autoptr (GBytes) body = NULL;

  if (json_body != NULL)
    body = g_bytes_new (json_body, strlen (json_body));

  return call (server, method, path, token, body, FALSE, headers);
}

static ApiResponse *
call (HubTestServer      *server,
      const char         *method,
      const char         *path,
      const char         *token,
      GBytes             *body,
      gboolean            chunked,
      const char * const *headers)
{
  g_autofree char *url = g_strconcat (hub_test_server_get_base_url (server),
                                      path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  g_autoptr (GError) error = NULL;
  g_autofree char *path_only = g_strdup (path);
  ApiResponse *response;
  const char *content_type;

  g_assert_nonnull (msg);
  g_signal_connect (msg, "accept-certificate",
                    G_CALLBACK (on_accept_certificate), NULL);

  if (token != NULL) {
    g_autofree char *value = g_strdup_printf ("Bearer %s", token);
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", value);
  }

  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  headers[i], headers[i + 1]);

  if (body != NULL && chunked) {
    g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
    soup_message_set_request_body (msg, "application/json", stream, -1);
  } else if (body != NULL) {
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  }

  response = g_new0 (ApiResponse, 1);
  response->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  content_type = soup_message_headers_get_content_type (response->headers, NULL);
  response->content_type = g_strdup (content_type != NULL ? content_type : "");

  if (g_str_equal (response->content_type, "application/json")) {
    g_autoptr (JsonParser) parser = json_parser_new ();
    gsize length;
    const char *data = g_bytes_get_data (response->body, &length);

    json_parser_load_from_data (parser, data, length, &error);
    g_assert_no_error (error);
    response->json = json_node_ref (json_parser_get_root (parser));
  }

  if (strchr (path_only, '?') != NULL)
    *strchr (path_only, '?') = '\0';
  record_response (method, path_only, response);

  return response;
}

ApiResponse *
api_call (HubTestServer *server,
          const char    *method,
          const char    *path,
          const char    *token,
          const char    *json_body)
{
  g_autoptr (GBytes) body = NULL;

  if (json_body != NULL)
    body = g_bytes_new (json_body, strlen (json_body));

  return api_call_raw (server, method, path, token, body, FALSE);
}

void
api_response_free (ApiResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->content_type);
  g_bytes_unref (response->body);
  g_clear_pointer (&response->json, json_node_unref);
  soup_message_headers_unref (response->headers);
  g_free (response);
}

JsonObject *
api_response_object (ApiResponse *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));

  return json_node_get_object (response->json);
}

/* The one error shape: code, a message for a person, and the field at
 * fault when there is one. */
void
api_assert_error (ApiResponse *response,
                  guint        status,
                  const char  *code,
                  const char  *field)
{
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (response->content_type, ==, "application/json");
  object = api_response_object (response);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "message")), >, 10);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "field", NULL),
                   ==, field);
}

ApiResponse *
api_post_session (HubTestServer *server,
                  const char    *email,
                  const char    *password)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  return api_call (server, "POST", "/api/v1/session", NULL, body);
}

char *
api_sign_in (HubTestServer *server,
             const char    *email,
             const char    *password)
{
  g_autoptr (ApiResponse) response = api_post_session (server, email, password);
  JsonObject *session_object;

  g_assert_cmpuint (response->status, ==, 201);
  session_object = api_response_object (response);

  return g_strdup (json_object_get_string_member (session_object, "token"));
}

/* The token of the hubdesk:// link of a reset or invitation mail. */
char *
api_token_from_mail (const char *mail)
{
  const char *start = strstr (mail, "hubdesk://set-password?token=");
  gsize length;

  g_assert_nonnull (start);
  start += strlen ("hubdesk://set-password?token=");
  length = strspn (start, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                          "0123456789-_");
  g_assert_cmpuint (length, ==, 43);

  return g_strndup (start, length);
}

/* A white-box look at the server's database, for what the API does not
 * show (yet): ids of contacts, login counts. */
gint64
api_query_int (HubTestServer *server,
               const char    *sql)
{
  g_autofree char *path = g_build_filename (hub_test_server_get_data_dir (server),
                                            "hubd.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* A white-box change to the server's database, for states the API cannot
 * reach yet (a contact's role). */
void
api_exec_sql (HubTestServer *server,
              const char    *sql)
{
  g_autofree char *path = g_build_filename (hub_test_server_get_data_dir (server),
                                            "hubd.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
api_feed_body (const ApiFeedPost *post)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_member (builder, "company_id", post->company_id);
  add_member (builder, "document_type", post->document_type);
  if (post->posted_at != 0) {
    g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (post->posted_at);
    g_autofree char *text = g_date_time_format_iso8601 (time);

    add_member (builder, "posted_at", text);
  }
  json_builder_set_member_name (builder, "visit");
  json_builder_begin_object (builder);
  add_member (builder, "location_id", post->location_id);
  add_member (builder, "center_id", post->center_id);
  add_member (builder, "visit_date", post->visit_date);
  add_member (builder, "visit_type", post->visit_type);
  add_member (builder, "claim_number", post->claim_number);
  json_builder_set_member_name (builder, "employee");
  json_builder_begin_object (builder);
  add_member (builder, "first_name", post->first_name);
  add_member (builder, "last_name", post->last_name);
  add_member (builder, "date_of_birth", post->date_of_birth);
  add_member (builder, "employee_id", post->employee_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

ApiResponse *
api_post_feed (HubTestServer     *server,
               const char        *feed_key,
               const ApiFeedPost *post)
{
  g_autofree char *body = api_feed_body (post);
  const char *headers[] = { "X-Feed-Key", feed_key, NULL };

  return api_call_with_headers (server, "POST", "/api/v1/feed/results", NULL, body,
                                feed_key != NULL ? headers : NULL);
}

/* Posts through the feed and returns the new result's id. */
char *
api_post_result (HubTestServer     *server,
                 const ApiFeedPost *post)
{
  g_autoptr (ApiResponse) response = api_post_feed (server, API_FEED_KEY, post);

  g_assert_cmpuint (response->status, ==, 201);
  return g_strdup (json_object_get_string_member (api_response_object (response), "id"));
}

HubTestServer *
api_start_server (const char * const *extra_args)
{
  g_autoptr (GError) error = NULL;
  HubTestServer *server = hub_test_server_new ("small", extra_args, &error);

  g_assert_no_error (error);
  g_assert_nonnull (server);

  return server;
}

static void
check_contract (void)
{
  const char *tools = g_getenv ("HUB_NPM_TOOLS");
  const char *output = g_getenv ("HUB_TEST_OUTPUT");
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (tools == NULL || *tools == '\0') {
    g_test_skip ("HUB_NPM_TOOLS is empty: no schema validator to check with");
    return;
  }

  g_assert_nonnull (output);
  dir = g_build_filename (output, "contract", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strdup_printf ("%s/%s.jsonl", dir, program);
  g_file_set_contents (file, records->str, records->len, &error);
  g_assert_no_error (error);

  script = g_build_filename (g_getenv ("HUB_SOURCE_ROOT"), "tests", "contract",
                             "check-responses.mjs", NULL);
  {
    const char *argv[] = { "node", script, g_getenv ("HUB_OPENAPI"), file, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_fail_printf ("responses do not match the contract:\n%s%s", out, err);
}

void
api_init (int    *argc,
          char ***argv)
{
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  records = g_string_new (NULL);
  /* Loopback only: no proxy, and no proxy settings to look up. */
  session = soup_session_new_with_options ("timeout", 30, "proxy-resolver", NULL,
                                           NULL);
}

/* Runs the tests, then checks every recorded response against the
 * contract. */
int
api_run (void)
{
  int rc;

  g_test_add_func ("/contract/responses", check_contract);
  rc = g_test_run ();

  g_clear_object (&session);
  g_clear_object (&trusted);
  g_string_free (records, TRUE);
  return rc;
}
