/* test-api-feed.c: clinics posting results, what changed since, the
 * notices, and the 90-day archive boundary (F23, R8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "results-fixtures.h"

static HubTestServer *server;
static char *admin;
static char *harper;
static Places places;

static ApiFeedPost
a_post (void)
{
  ApiFeedPost post = {
    .company_id = "co_1", .location_id = places.location_id,
    .center_id = places.center_ids[0], .first_name = "Marisol",
    .last_name = "Etxeberria", .date_of_birth = "1983-07-19", .employee_id = "E55501",
    .visit_date = "2026-03-03", .visit_type = "injury", .claim_number = "EX-26-334455",
    .document_type = "work_status_report",
  };

  return post;
}

static void
test_feed_off (void)
{
  g_autoptr (HubTestServer) plain = api_start_server (NULL);
  ApiFeedPost post = a_post ();
  g_autoptr (ApiResponse) with_key = api_post_feed (plain, API_FEED_KEY, &post);
  g_autoptr (ApiResponse) without = api_post_feed (plain, NULL, &post);

  api_assert_error (with_key, 404, "not_found", NULL);
  api_assert_error (without, 404, "not_found", NULL);
}

static void
test_key_required (void)
{
  ApiFeedPost post = a_post ();
  g_autoptr (ApiResponse) without = api_post_feed (server, NULL, &post);
  g_autoptr (ApiResponse) wrong = api_post_feed (server, "not-the-key", &post);
  g_autoptr (ApiResponse) longer = api_post_feed (server, API_FEED_KEY "x", &post);

  api_assert_error (without, 403, "forbidden", NULL);
  api_assert_error (wrong, 403, "forbidden", NULL);
  api_assert_error (longer, 403, "forbidden", NULL);
}

static void
test_refused_posts (void)
{
  g_autofree char *harbor_location = NULL;
  ApiFeedPost posts[12];
  const char *fields[12];
  guint n = 0;
  gint64 harbor;

  harbor = api_query_int (server, "SELECT min(id) FROM locations WHERE company_id = 2");
  harbor_location = g_strdup_printf ("lo_%" G_GINT64_FORMAT, harbor);

  posts[n] = a_post (); posts[n].company_id = "ct_1"; fields[n++] = "company_id";
  posts[n] = a_post (); posts[n].location_id = harbor_location; fields[n++] = "visit.location_id";
  posts[n] = a_post (); posts[n].center_id = "ce_99999"; fields[n++] = "visit.location_id";
  posts[n] = a_post (); posts[n].document_type = "audiogram"; fields[n++] = "document_type";
  posts[n] = a_post (); posts[n].document_type = "drug_screen"; fields[n++] = "document_type";
  posts[n] = a_post (); posts[n].visit_type = "non_injury"; posts[n].document_type = "audiogram";
  fields[n++] = "visit.claim_number";
  posts[n] = a_post (); posts[n].date_of_birth = "1983-02-30";
  fields[n++] = "visit.employee.date_of_birth";
  posts[n] = a_post (); posts[n].visit_date = "03/03/2026"; fields[n++] = "visit.visit_date";
  posts[n] = a_post (); posts[n].visit_type = "checkup"; fields[n++] = "visit.visit_type";
  posts[n] = a_post (); posts[n].posted_at = g_get_real_time () / G_USEC_PER_SEC + 3600;
  fields[n++] = "posted_at";
  posts[n] = a_post (); posts[n].last_name = NULL; fields[n++] = "visit.employee.last_name";
  posts[n] = a_post (); posts[n].center_id = "xyz"; fields[n++] = "visit.center_id";

  for (guint i = 0; i < n; i++) {
    g_autoptr (ApiResponse) response = api_post_feed (server, API_FEED_KEY, &posts[i]);

    g_test_message ("refused post %u", i);
    api_assert_error (response, 400, "invalid_field", fields[i]);
  }

  {
    const char *headers[] = { "X-Feed-Key", API_FEED_KEY, NULL };
    g_autoptr (ApiResponse) extra = api_call_with_headers (server, "POST",
                                                           "/api/v1/feed/results", NULL,
                                                           "{\"company_id\": \"co_1\","
                                                           " \"surprise\": 1}", headers);

    api_assert_error (extra, 400, "invalid_field", "surprise");
  }
}

static char *
changes (const char  *token,
         const char  *company,
         const char  *since,
         JsonArray  **results,
         gboolean    *more,
         ApiResponse **response)
{
  g_autofree char *path = since != NULL
    ? fixture_path ("/api/v1/companies/%s/results/changes?since=%s", company, since)
    : fixture_path ("/api/v1/companies/%s/results/changes", company);
  JsonObject *object;

  *response = api_call (server, "GET", path, token, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  object = api_response_object (*response);
  *results = json_object_get_array_member (object, "new_results");
  *more = json_object_get_boolean_member (object, "more");
  return g_strdup (json_object_get_string_member (object, "token"));
}

static void
test_changes (void)
{
  g_autoptr (ApiResponse) r0 = NULL, r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autofree char *t0 = NULL, *t1 = NULL, *t2 = NULL, *harbor0 = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *results;
  gboolean more;

  t0 = changes (admin, "co_1", NULL, &results, &more, &r0);
  g_assert_cmpuint (json_array_get_length (results), ==, 0);
  g_assert_false (more);
  harbor0 = changes (harper, "co_2", NULL, &results, &more, &r3);

  for (guint i = 0; i < 3; i++) {
    ApiFeedPost post = a_post ();

    g_ptr_array_add (ids, api_post_result (server, &post));
  }

  /* Each exactly once, newest first. */
  t1 = changes (admin, "co_1", t0, &results, &more, &r1);
  g_assert_false (more);
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  for (guint i = 0; i < 3; i++) {
    JsonObject *result = json_array_get_object_element (results, i);

    g_assert_cmpstr (json_object_get_string_member (result, "id"), ==,
                     g_ptr_array_index (ids, 2 - i));
    g_assert_true (json_object_get_boolean_member (result, "new"));
  }

  t2 = changes (admin, "co_1", t1, &results, &more, &r2);
  g_assert_cmpuint (json_array_get_length (results), ==, 0);
  g_assert_cmpstr (t2, ==, t1);

  /* Harbor saw none of Northwind's. */
  g_free (changes (harper, "co_2", harbor0, &results, &more, &r4));
  g_assert_cmpuint (json_array_get_length (results), ==, 0);

  {
    g_autoptr (ApiResponse) bad = api_call (server, "GET",
                                            "/api/v1/companies/co_1/results/changes?since=abc",
                                            admin, NULL);
    g_autoptr (ApiResponse) other = api_call (server, "GET",
                                              "/api/v1/companies/co_1/results/changes?x=1",
                                              admin, NULL);

    api_assert_error (bad, 400, "invalid_field", "since");
    api_assert_error (other, 400, "invalid_field", "x");
  }

  /* More than a call returns: walked over several calls, each once. */
  {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *token = g_strdup (t2);
    guint calls = 0;

    api_exec_sql (server, "UPDATE contacts SET notify_new_results = 0");
    for (guint i = 0; i < 130; i++) {
      ApiFeedPost post = a_post ();

      g_free (api_post_result (server, &post));
    }
    api_exec_sql (server, "UPDATE contacts SET notify_new_results = 1");

    do {
      g_autoptr (ApiResponse) response = NULL;
      char *next = changes (admin, "co_1", token, &results, &more, &response);

      g_free (token);
      token = next;
      for (guint i = 0; i < json_array_get_length (results); i++) {
        JsonObject *result = json_array_get_object_element (results, i);

        g_assert_true (g_hash_table_add (seen,
                                         g_strdup (json_object_get_string_member (result, "id"))));
      }
      calls++;
    } while (more);

    g_assert_cmpuint (calls, ==, 2);
    g_assert_cmpuint (g_hash_table_size (seen), ==, 130);
  }
}

/* One notice per active portal user of the company with notifications
 * on, and nothing in it about the patient or the document. */
static void
test_notices (void)
{
  g_auto (GStrv) before = hub_test_server_read_outbox (server);
  g_auto (GStrv) after = NULL;
  g_auto (GStrv) after_opt_out = NULL;
  ApiFeedPost post = a_post ();
  g_autofree char *id = NULL;
  gint64 recipients;
  const char *secret[] = {
    "Marisol", "Etxeberria", "1983-07-19", "07/19/1983", "EX-26-334455", "E55501",
    "Work Status", "work_status_report", "HUB Occupational Health –", "2026-03-03",
  };

  recipients = api_query_int (server,
                              "SELECT count(DISTINCT u.id) FROM contacts ct"
                              " JOIN users u ON u.id = ct.user_id"
                              " WHERE ct.company_id = 1 AND ct.role <> 'none'"
                              "   AND u.status = 'active'");
  g_assert_cmpint (recipients, >=, 4);

  id = api_post_result (server, &post);
  after = hub_test_server_read_outbox (server);
  g_assert_cmpint (g_strv_length (after) - g_strv_length (before), ==, recipients);

  for (guint i = g_strv_length (before); after[i] != NULL; i++) {
    g_assert_nonnull (strstr (after[i], "hubdesk://results"));
    g_assert_nonnull (strstr (after[i], "https://"));
    g_assert_nonnull (strstr (after[i], "Northwind Logistics"));
    g_assert_null (strstr (after[i], id));
    for (guint j = 0; j < G_N_ELEMENTS (secret); j++)
      g_assert_null (strstr (after[i], secret[j]));
  }
  {
    gboolean to_admin = FALSE;

    for (guint i = g_strv_length (before); after[i] != NULL; i++)
      to_admin |= strstr (after[i], "To: <admin@northwind.example>") != NULL;
    g_assert_true (to_admin);
  }

  /* Notifications off: no notice. */
  api_exec_sql (server, "UPDATE contacts SET notify_new_results = 0 WHERE user_id ="
                        " (SELECT id FROM users WHERE email = 'basic@northwind.example')");
  g_free (api_post_result (server, &post));
  after_opt_out = hub_test_server_read_outbox (server);
  g_assert_cmpint (g_strv_length (after_opt_out) - g_strv_length (after), ==, recipients - 1);
  for (guint i = g_strv_length (after); after_opt_out[i] != NULL; i++)
    g_assert_null (strstr (after_opt_out[i], "basic@northwind.example"));
  api_exec_sql (server, "UPDATE contacts SET notify_new_results = 1");
}

/* R8: exactly 90 days after posting a result is archived; an hour
 * earlier it is not. */
static void
test_archive_boundary (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  ApiFeedPost at_boundary = a_post ();
  ApiFeedPost just_before = a_post ();
  g_autofree char *archived_id = NULL, *current_id = NULL;
  g_autoptr (ApiResponse) current_list = NULL, all_list = NULL;
  g_autoptr (ApiResponse) one = NULL, two = NULL;
  g_autofree char *one_path = NULL, *two_path = NULL;

  at_boundary.last_name = "Boundaryton";
  at_boundary.posted_at = now - 90 * DAY;
  just_before.last_name = "Boundaryton";
  just_before.posted_at = now - 90 * DAY + 3600;
  archived_id = api_post_result (server, &at_boundary);
  current_id = api_post_result (server, &just_before);

  one_path = fixture_path ("/api/v1/companies/co_1/results/%s", archived_id);
  two_path = fixture_path ("/api/v1/companies/co_1/results/%s", current_id);
  one = api_call (server, "GET", one_path, admin, NULL);
  two = api_call (server, "GET", two_path, admin, NULL);
  g_assert_true (json_object_get_boolean_member (api_response_object (one), "archived"));
  g_assert_false (json_object_get_boolean_member (api_response_object (two), "archived"));

  current_list = api_call (server, "GET", "/api/v1/companies/co_1/results?name=boundaryton",
                           admin, NULL);
  all_list = api_call (server, "GET",
                       "/api/v1/companies/co_1/results?name=boundaryton&include_archived=true",
                       admin, NULL);
  g_assert_cmpint (results_total (current_list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     results_items (current_list), 0), "id"), ==, current_id);
  g_assert_cmpint (results_total (all_list), ==, 2);
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
  harper = api_sign_in (server, "admin@harbor.example", DEMO_PASSWORD);
  places_find (server, admin, &places);

  g_test_add_func ("/api/feed/off", test_feed_off);
  g_test_add_func ("/api/feed/key-required", test_key_required);
  g_test_add_func ("/api/feed/refused-posts", test_refused_posts);
  g_test_add_func ("/api/feed/changes", test_changes);
  g_test_add_func ("/api/feed/notices", test_notices);
  g_test_add_func ("/api/feed/archive-boundary", test_archive_boundary);

  rc = api_run ();
  places_clear (&places);
  g_free (admin);
  g_free (harper);
  hub_test_server_free (server);
  return rc;
}
