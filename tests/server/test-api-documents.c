/* test-api-documents.c: the PDF of a result: every document type, ETag,
 * ranges, and what opening it changes (F15, F17, F19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "results-fixtures.h"

static HubTestServer *server;
static char *admin;
static char *basic;
static Places places;

static char *
post_of_type (const char *code,
              const char *visit_type)
{
  gboolean injury = g_str_equal (visit_type, "injury");
  ApiFeedPost post = {
    .company_id = "co_1", .location_id = places.location_id,
    .center_id = places.center_ids[0], .first_name = "Renée",
    .last_name = "Vandersloot", .date_of_birth = "1979-11-23",
    .employee_id = "E04711", .visit_date = "2026-02-14", .visit_type = visit_type,
    .claim_number = injury ? "VS-26-771100" : NULL, .document_type = code,
  };

  return api_post_result (server, &post);
}

static GBytes *
download (const char          *id,
          const char * const  *headers,
          ApiResponse        **response_out)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s/content", id);
  ApiResponse *response = api_call_with_headers (server, "GET", path, admin, NULL, headers);

  *response_out = response;
  return g_bytes_ref (response->body);
}

static char *
run_tool (const char *tool,
          const char *file)
{
  const char *argv[] = { tool, file, "-", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);

  return out;
}

/* Every type: a valid PDF of its number of pages, with its name and the
 * patient as real text. */
static void
test_every_type (void)
{
  g_autoptr (ApiResponse) types = api_call (server, "GET", "/api/v1/document-types", admin,
                                            NULL);
  g_autofree char *dir = g_dir_make_tmp ("hubtest-pdf-XXXXXX", NULL);
  JsonArray *items = results_items (types);

  g_assert_cmpuint (json_array_get_length (items), ==, 21);
  for (guint i = 0; i < json_array_get_length (items); i++) {
    JsonObject *type = json_array_get_object_element (items, i);
    const char *code = json_object_get_string_member (type, "code");
    gint64 pages = json_object_get_int_member (type, "pages");
    g_autofree char *id = post_of_type (code, json_object_get_string_member (type,
                                                                              "visit_type"));
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) bytes = download (id, NULL, &response);
    g_autofree char *file = g_build_filename (dir, "document.pdf", NULL);
    g_autofree char *info = NULL;
    g_autofree char *text = NULL;
    g_autoptr (GError) error = NULL;

    g_test_message ("%s", code);
    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (response->content_type, ==, "application/pdf");
    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

    g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         &error);
    g_assert_no_error (error);
    info = run_tool ("pdfinfo", file);
    g_assert_nonnull (strstr (info, "\nPages:"));
    g_assert_cmpint (g_ascii_strtoll (g_strchug (strstr (info, "\nPages:") + 7), NULL, 10),
                     ==, pages);
    text = run_tool ("pdftotext", file);
    g_assert_nonnull (strstr (text, json_object_get_string_member (type, "name")));
    g_assert_nonnull (strstr (text, "Vandersloot"));
    g_assert_nonnull (strstr (text, "HUB Occupational Health"));
    g_unlink (file);
  }

  g_rmdir (dir);
}

static void
test_headers_and_etag (void)
{
  g_autofree char *id = post_of_type ("audiogram", "non_injury");
  g_autoptr (ApiResponse) first = NULL, second = NULL;
  g_autoptr (GBytes) bytes = download (id, NULL, &first);
  g_autoptr (GBytes) again = download (id, NULL, &second);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", sha256);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"result-%s.pdf\"", id);
  SoupMessageHeaders *headers = first->headers;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "ETag"), ==, etag);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Accept-Ranges"), ==, "bytes");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Cache-Control"), ==, "no-store");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Disposition"), ==,
                   disposition);
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_cmpstr (soup_message_headers_get_one (second->headers, "ETag"), ==, etag);

  /* The current ETag, alone, weak or in a list: 304 without a body. */
  {
    g_autofree char *weak = g_strdup_printf ("W/%s", etag);
    g_autofree char *list = g_strdup_printf ("\"0000\", %s", etag);
    const char *matching[] = { etag, weak, list, "*" };

    for (guint i = 0; i < G_N_ELEMENTS (matching); i++) {
      const char *request[] = { "If-None-Match", matching[i], NULL };
      g_autoptr (ApiResponse) response = NULL;
      g_autoptr (GBytes) body = download (id, request, &response);

      g_assert_cmpuint (response->status, ==, 304);
      g_assert_cmpuint (g_bytes_get_size (body), ==, 0);
      g_assert_cmpstr (soup_message_headers_get_one (response->headers, "ETag"), ==, etag);
    }
  }

  {
    const char *request[] = { "If-None-Match", "\"0123\"", NULL };
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) body = download (id, request, &response);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_true (g_bytes_equal (body, bytes));
  }

  /* Drawn again after its kept copy is lost: the same bytes. */
  {
    g_autofree char *name = g_strdup_printf ("%s.pdf", id);
    g_autofree char *kept = g_build_filename (hub_test_server_get_data_dir (server),
                                              "documents", name, NULL);
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) redrawn = NULL;

    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_unlink (kept), ==, 0);
    redrawn = download (id, NULL, &response);
    g_assert_true (g_bytes_equal (redrawn, bytes));
    g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  }
}

static void
assert_range (const char *id,
              GBytes     *whole,
              const char *range,
              gsize       start,
              gsize       end)
{
  const char *request[] = { "Range", range, NULL };
  g_autoptr (ApiResponse) response = NULL;
  g_autoptr (GBytes) part = download (id, request, &response);
  gsize length = g_bytes_get_size (whole);
  g_autofree char *content_range = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%"
                                                    G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                                                    start, end, length);

  g_test_message ("Range: %s", range);
  g_assert_cmpuint (response->status, ==, 206);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Content-Range"), ==,
                   content_range);
  g_assert_cmpmem (g_bytes_get_data (part, NULL), g_bytes_get_size (part),
                   (const char *) g_bytes_get_data (whole, NULL) + start, end - start + 1);
}

static void
test_ranges (void)
{
  g_autofree char *id = post_of_type ("pre_placement_physical", "non_injury");
  g_autoptr (ApiResponse) full = NULL;
  g_autoptr (GBytes) whole = download (id, NULL, &full);
  gsize length = g_bytes_get_size (whole);
  g_autofree char *etag = g_strdup (soup_message_headers_get_one (full->headers, "ETag"));
  g_autofree char *middle = g_strdup_printf ("bytes=100-%" G_GSIZE_FORMAT, length / 2);
  g_autofree char *past_end = g_strdup_printf ("bytes=0-%" G_GSIZE_FORMAT, length + 500);
  g_autofree char *last_byte = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", length - 1);

  assert_range (id, whole, "bytes=0-99", 0, 99);
  assert_range (id, whole, middle, 100, length / 2);
  assert_range (id, whole, "bytes=1000-", 1000, length - 1);
  assert_range (id, whole, "bytes=-50", length - 50, length - 1);
  assert_range (id, whole, past_end, 0, length - 1);
  assert_range (id, whole, last_byte, length - 1, length - 1);

  /* Starting past the end: 416, in the error shape. */
  {
    g_autofree char *range = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", length);
    g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, length);
    const char *request[] = { "Range", range, NULL };
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) body = download (id, request, &response);

    api_assert_error (response, 416, "range_not_satisfiable", NULL);
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Content-Range"), ==,
                     content_range);
  }

  /* Several ranges, a malformed one, or an If-Range of another version:
   * the whole document. */
  {
    const char *other[][5] = {
      { "Range", "bytes=0-9,20-29", NULL, },
      { "Range", "bytes=9-2", NULL, },
      { "Range", "lines=1-2", NULL, },
      { "Range", "bytes=0-9", "If-Range", "\"0123\"", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (other); i++) {
      g_autoptr (ApiResponse) response = NULL;
      g_autoptr (GBytes) body = download (id, other[i], &response);

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_true (g_bytes_equal (body, whole));
    }
  }

  /* An If-Range of this version keeps the range. */
  {
    const char *request[] = { "Range", "bytes=0-9", "If-Range", etag, NULL };
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) body = download (id, request, &response);

    g_assert_cmpuint (response->status, ==, 206);
    g_assert_cmpuint (g_bytes_get_size (body), ==, 10);
  }

  /* JSON is never cut to a range. */
  {
    const char *request[] = { "Range", "bytes=0-9", NULL };
    g_autoptr (ApiResponse) response = api_call_with_headers (server, "GET",
                                                              "/api/v1/document-types",
                                                              admin, NULL, request);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (response->body), >, 10);
  }
}

static gboolean
is_new (const char *id,
        const char *token)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s", id);
  g_autoptr (ApiResponse) response = api_call (server, "GET", path, token, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return json_object_get_boolean_member (api_response_object (response), "new");
}

static gint64
count_new (const char *token)
{
  g_autoptr (ApiResponse) summary = api_call (server, "GET", "/api/v1/companies/co_1/summary",
                                              token, NULL);

  g_assert_cmpuint (summary->status, ==, 200);
  return json_object_get_int_member (api_response_object (summary), "results_new");
}

/* Opening marks the result as seen by that user only. */
static void
test_opening (void)
{
  g_autofree char *id = post_of_type ("fit_test", "non_injury");
  gint64 admin_new = count_new (admin), basic_new = count_new (basic);
  g_autoptr (ApiResponse) response = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_assert_true (is_new (id, admin));
  g_assert_true (is_new (id, basic));

  bytes = download (id, NULL, &response);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_false (is_new (id, admin));
  g_assert_true (is_new (id, basic));
  g_assert_cmpint (count_new (admin), ==, admin_new - 1);
  g_assert_cmpint (count_new (basic), ==, basic_new);
}

static void
test_missing_and_malformed (void)
{
  const char *ids[] = { "re_999999999", "re_0", "xyz", "ct_1" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++) {
    g_autoptr (ApiResponse) response = NULL;
    g_autoptr (GBytes) body = download (ids[i], NULL, &response);

    api_assert_error (response, 404, "not_found", NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--feed-key", API_FEED_KEY, NULL };
  int rc;

  api_init (&argc, &argv);
  server = api_start_server (args);
  admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  basic = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  places_find (server, admin, &places);

  g_test_add_func ("/api/documents/every-type", test_every_type);
  g_test_add_func ("/api/documents/headers-and-etag", test_headers_and_etag);
  g_test_add_func ("/api/documents/ranges", test_ranges);
  g_test_add_func ("/api/documents/opening", test_opening);
  g_test_add_func ("/api/documents/missing-and-malformed", test_missing_and_malformed);

  rc = api_run ();
  places_clear (&places);
  g_free (admin);
  g_free (basic);
  hub_test_server_free (server);
  return rc;
}
