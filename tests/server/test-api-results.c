/* test-api-results.c: searching, sorting, paging and marking results
 * (F15, F16, F18, R8)
 *
 * Known results are posted through the feed with a last name no demo
 * employee has, and with visit dates long before the demo's, so that
 * exact counts can be checked next to the demo data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "results-fixtures.h"

static HubTestServer *server;
static char *admin;  /* Avery: User Admin of Northwind and Harbor */
static char *basic;  /* Blake: Basic user of Northwind */
static char *harper; /* User Admin of Harbor only */
static Places places;
static char *fixture_ids[5];

/* Four current results and one archived one. */
static void
post_fixtures (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  ApiFeedPost posts[] = {
    { .first_name = "José", .last_name = "Quillfeather", .date_of_birth = "1971-02-03",
      .visit_date = "2024-03-01", .visit_type = "injury", .claim_number = "QF-24-000101",
      .document_type = "work_status_report", .employee_id = "E00001" },
    { .first_name = "Jose", .last_name = "Quillfeather", .date_of_birth = "1971-02-03",
      .visit_date = "2024-03-02", .visit_type = "injury", .claim_number = "QF-24-000102",
      .document_type = "first_notice_of_injury" },
    { .first_name = "Zoë", .last_name = "Quillfeather", .date_of_birth = "1985-06-07",
      .visit_date = "2024-04-10", .visit_type = "non_injury",
      .document_type = "audiogram" },
    { .first_name = "Ana", .last_name = "Quillfeather-Núñez", .date_of_birth = "1990-09-09",
      .visit_date = "2024-05-15", .visit_type = "non_injury",
      .document_type = "pre_placement_physical" },
    { .first_name = "Otto", .last_name = "Quillfeather", .date_of_birth = "1960-01-01",
      .visit_date = "2024-01-05", .visit_type = "non_injury",
      .document_type = "fit_test", .posted_at = now - 120 * DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++) {
    posts[i].company_id = "co_1";
    posts[i].location_id = places.location_id;
    posts[i].center_id = places.center_ids[i == 0 || i == 2 ? 0 : 1];
    fixture_ids[i] = api_post_result (server, &posts[i]);
  }
}

static ApiResponse *
search (const char *token,
        const char *query)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results?%s", query);

  return api_call (server, "GET", path, token, NULL);
}

static char *
escape (const char *value)
{
  return g_uri_escape_string (value, NULL, FALSE);
}

static gboolean
has_id (JsonArray  *items,
        const char *id)
{
  for (guint i = 0; i < json_array_get_length (items); i++) {
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, i),
                                                    "id"), id))
      return TRUE;
  }

  return FALSE;
}

static JsonObject *
visit_of (JsonObject *result)
{
  return json_object_get_object_member (result, "visit");
}

/* --- criteria alone ------------------------------------------------------ */

static void
test_names (void)
{
  const struct { const char *name; gint64 total; } cases[] = {
    { "jose quillfeather", 2 },
    { "Quillfeather José", 2 },
    { "JOSÉ QUILL", 2 },
    { "quill jo", 2 },
    { "quillfeather", 4 },
    { "nunez", 1 },
    { "Núñez ana", 1 },
    { "zoe", 1 },
    { "quillfeatherx", 0 },
    { "jose quillfeather zzz", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *name = escape (cases[i].name);
    g_autofree char *query = g_strdup_printf ("name=%s&from=2024-01-01&to=2024-12-31", name);
    g_autoptr (ApiResponse) response = search (admin, query);

    g_test_message ("name %s", cases[i].name);
    g_assert_cmpint (results_total (response), ==, cases[i].total);
    g_assert_cmpuint (json_array_get_length (results_items (response)), ==, cases[i].total);
  }

  /* Zoë is found as Zoe, and shown as Zoë. */
  {
    g_autoptr (ApiResponse) response = search (admin, "name=zoe%20quillfeather");
    JsonObject *employee;

    g_assert_cmpint (results_total (response), ==, 1);
    employee = json_object_get_object_member (
      visit_of (json_array_get_object_element (results_items (response), 0)), "employee");
    g_assert_cmpstr (json_object_get_string_member (employee, "first_name"), ==, "Zoë");
  }
}

typedef gboolean (*Check) (JsonObject *result,
                           gconstpointer data);

/* Every item of the first page meets the check, the fixtures expected
 * are there, and the criterion narrows the list. */
static void
assert_criterion (const char   *query,
                  Check         check,
                  gconstpointer data,
                  const guint  *expected,
                  guint         n_expected)
{
  g_autoptr (ApiResponse) all = search (admin, "limit=1");
  g_autofree char *full_query = g_strdup_printf ("%s&limit=200", query);
  g_autoptr (ApiResponse) response = search (admin, full_query);
  JsonArray *items = results_items (response);

  g_test_message ("criterion %s", query);
  g_assert_cmpint (results_total (response), <, results_total (all));
  g_assert_cmpint (results_total (response), >=, n_expected);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_true (check (json_array_get_object_element (items, i), data));
  for (guint i = 0; i < n_expected; i++)
    g_assert_true (has_id (items, fixture_ids[expected[i]]));
}

static gboolean
check_dob (JsonObject   *result,
           gconstpointer data)
{
  JsonObject *employee = json_object_get_object_member (visit_of (result), "employee");

  return g_str_equal (json_object_get_string_member (employee, "date_of_birth"), data);
}

static gboolean
check_state (JsonObject   *result,
             gconstpointer data)
{
  return g_str_equal (json_object_get_string_member (visit_of (result), "state"), data);
}

static gboolean
check_center (JsonObject   *result,
              gconstpointer data)
{
  JsonObject *center = json_object_get_object_member (visit_of (result), "center");

  return g_str_equal (json_object_get_string_member (center, "id"), data);
}

static gboolean
check_visit_type (JsonObject   *result,
                  gconstpointer data)
{
  return g_str_equal (json_object_get_string_member (visit_of (result), "visit_type"), data);
}

static gboolean
check_claim_prefix (JsonObject   *result,
                    gconstpointer data)
{
  const char *claim = json_object_get_string_member_with_default (visit_of (result),
                                                                  "claim_number", "");

  return g_str_has_prefix (claim, data);
}

static gboolean
check_document (JsonObject   *result,
                gconstpointer data)
{
  const char *type = json_object_get_string_member (json_object_get_object_member (result,
                                                                                   "document"),
                                                    "type");

  return g_strv_contains (data, type);
}

static gboolean
check_member (JsonObject   *result,
              gconstpointer data)
{
  return json_object_get_boolean_member (result, data);
}

static gboolean
check_not_member (JsonObject   *result,
                  gconstpointer data)
{
  return !json_object_get_boolean_member (result, data);
}

static gboolean
check_march_2024 (JsonObject   *result,
                  gconstpointer data)
{
  const char *date = json_object_get_string_member (visit_of (result), "visit_date");

  return strcmp (date, "2024-03-01") >= 0 && strcmp (date, "2024-03-31") <= 0;
}

static void
test_criteria (void)
{
  static const char *const work_status[] = { "work_status_report", NULL };
  static const char *const physicals[] = { "pre_placement_physical", "other_physical", NULL };
  static const char *const audiogram[] = { "audiogram", NULL };
  const guint jose[] = { 0, 1 }, center0[] = { 0, 2 }, injuries[] = { 0, 1 };
  const guint non_injuries[] = { 2, 3 }, first[] = { 0 }, pre_placement[] = { 3 };
  const guint zoe[] = { 2 };
  g_autofree char *state_query = g_strdup_printf ("state=%s", places.center_states[0]);
  g_autofree char *lower_state = g_ascii_strdown (state_query, -1);
  g_autofree char *center_query = g_strdup_printf ("center_id=%s", places.center_ids[0]);

  assert_criterion ("dob=1971-02-03", check_dob, "1971-02-03", jose, 2);
  assert_criterion (state_query, check_state, places.center_states[0], center0, 2);
  assert_criterion (lower_state, check_state, places.center_states[0], center0, 2);
  assert_criterion (center_query, check_center, places.center_ids[0], center0, 2);
  assert_criterion ("visit_type=injury", check_visit_type, "injury", injuries, 2);
  assert_criterion ("visit_type=non_injury", check_visit_type, "non_injury", non_injuries, 2);
  assert_criterion ("claim=QF-24", check_claim_prefix, "QF-24", jose, 2);
  assert_criterion ("claim=QF-24-000101", check_claim_prefix, "QF-24-000101", first, 1);
  assert_criterion ("document=work_status_report", check_document, work_status, first, 1);
  assert_criterion ("document=Work%20Status", check_document, work_status, first, 1);
  assert_criterion ("document=physical", check_document, physicals, pre_placement, 1);
  assert_criterion ("document=audio", check_document, audiogram, zoe, 1);
  assert_criterion ("reviewed=false", check_not_member, "reviewed", jose, 2);
  assert_criterion ("reviewed=true", check_member, "reviewed", NULL, 0);
  assert_criterion ("flagged=false", check_not_member, "flagged", jose, 2);
  assert_criterion ("from=2024-03-01&to=2024-03-31", check_march_2024, NULL, jose, 2);

  /* Exact counts where only the fixtures can match. */
  {
    g_autoptr (ApiResponse) claim = search (admin, "claim=QF-24");
    g_autoptr (ApiResponse) one_day = search (admin, "from=2024-03-02&to=2024-03-02");
    g_autoptr (ApiResponse) no_document = search (admin, "document=xyzzy");

    g_assert_cmpint (results_total (claim), ==, 2);
    g_assert_cmpint (results_total (one_day), ==, 1);
    g_assert_true (has_id (results_items (one_day), fixture_ids[1]));
    g_assert_cmpint (results_total (no_document), ==, 0);
  }
}

static void
test_combined (void)
{
  g_autofree char *query = NULL;
  g_autoptr (ApiResponse) injured_jose = search (admin, "name=quillfeather&visit_type=injury"
                                                 "&dob=1971-02-03");
  g_autoptr (ApiResponse) by_center = NULL;
  g_autoptr (ApiResponse) none = search (admin, "name=zoe%20quill&visit_type=injury");

  g_assert_cmpint (results_total (injured_jose), ==, 2);
  g_assert_cmpint (results_total (none), ==, 0);

  query = g_strdup_printf ("name=quillfeather&center_id=%s&visit_type=non_injury"
                           "&document=audiogram&from=2024-04-01&reviewed=false",
                           places.center_ids[0]);
  by_center = search (admin, query);
  g_assert_cmpint (results_total (by_center), ==, 1);
  g_assert_true (has_id (results_items (by_center), fixture_ids[2]));
}

/* R8: the archived result is out of the default list and in with
 * include_archived. */
static void
test_archived (void)
{
  g_autoptr (ApiResponse) current = search (admin, "name=quillfeather");
  g_autoptr (ApiResponse) all = search (admin, "name=quillfeather&include_archived=true");
  g_autoptr (ApiResponse) not_all = search (admin, "name=quillfeather&include_archived=false");
  g_autoptr (ApiResponse) demo = search (admin, "limit=1");
  g_autoptr (ApiResponse) demo_all = search (admin, "limit=1&include_archived=true");
  JsonArray *items = results_items (all);

  g_assert_cmpint (results_total (current), ==, 4);
  g_assert_cmpint (results_total (not_all), ==, 4);
  g_assert_false (has_id (results_items (current), fixture_ids[4]));
  g_assert_cmpint (results_total (all), ==, 5);
  for (guint i = 0; i < json_array_get_length (items); i++) {
    JsonObject *result = json_array_get_object_element (items, i);
    gboolean archived = g_str_equal (json_object_get_string_member (result, "id"),
                                     fixture_ids[4]);

    g_assert_cmpint (json_object_get_boolean_member (result, "archived"), ==, archived);
  }

  /* The demo spans 200 days: some of it is archived. */
  g_assert_cmpint (results_total (demo_all), >, results_total (demo));
}

/* --- sorting and paging -------------------------------------------------- */

static char *
sort_key (JsonObject *result,
          const char *sort)
{
  JsonObject *visit = visit_of (result);

  if (g_str_equal (sort, "visit_date"))
    return g_strdup (json_object_get_string_member (visit, "visit_date"));
  if (g_str_equal (sort, "employee")) {
    JsonObject *employee = json_object_get_object_member (visit, "employee");
    g_autofree char *name = NULL;
    g_autofree char *ascii = NULL;

    name = g_strdup_printf ("%s %s", json_object_get_string_member (employee, "last_name"),
                            json_object_get_string_member (employee, "first_name"));
    ascii = g_str_to_ascii (name, "C");
    return g_ascii_strdown (ascii, -1);
  }
  if (g_str_equal (sort, "document"))
    return g_strdup (json_object_get_string_member (json_object_get_object_member (result,
                                                                                   "document"),
                                                    "name"));
  if (g_str_equal (sort, "center"))
    return g_strdup (json_object_get_string_member (json_object_get_object_member (visit,
                                                                                   "center"),
                                                    "name"));
  if (g_str_equal (sort, "state"))
    return g_strdup (json_object_get_string_member (visit, "state"));
  if (g_str_equal (sort, "visit_type"))
    return g_strdup (json_object_get_string_member (visit, "visit_type"));
  if (g_str_equal (sort, "claim"))
    return g_strdup (json_object_get_string_member_with_default (visit, "claim_number", ""));
  if (g_str_equal (sort, "posted_at"))
    return g_strdup (json_object_get_string_member (result, "posted_at"));

  g_assert_not_reached ();
}

/* Small pages walk every match exactly once, in order. */
static void
walk (const char *filters,
      const char *sort,
      guint       limit)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *previous = NULL;
  gboolean descending = sort[0] == '-';
  gint64 total = -1;

  do {
    g_autofree char *query = cursor != NULL
      ? g_strdup_printf ("%s&sort=%s&limit=%u&cursor=%s", filters, sort, limit, cursor)
      : g_strdup_printf ("%s&sort=%s&limit=%u", filters, sort, limit);
    g_autoptr (ApiResponse) page = search (admin, query);
    JsonObject *object = api_response_object (page);
    JsonArray *items = results_items (page);

    if (total < 0)
      total = results_total (page);
    g_assert_cmpint (results_total (page), ==, total);
    g_assert_cmpuint (json_array_get_length (items), <=, limit);

    for (guint i = 0; i < json_array_get_length (items); i++) {
      JsonObject *result = json_array_get_object_element (items, i);
      g_autofree char *key = sort_key (result, sort + descending);

      g_assert_true (g_hash_table_add (seen,
                                       g_strdup (json_object_get_string_member (result, "id"))));
      if (previous != NULL) {
        if (descending)
          g_assert_cmpstr (previous, >=, key);
        else
          g_assert_cmpstr (previous, <=, key);
      }
      g_free (previous);
      previous = g_steal_pointer (&key);
    }

    g_clear_pointer (&cursor, g_free);
    cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor",
                                                                   NULL));
    if (cursor != NULL)
      g_assert_cmpuint (json_array_get_length (items), ==, limit);
  } while (cursor != NULL);

  g_assert_cmpint (g_hash_table_size (seen), ==, total);
}

static void
test_sort_and_pages (void)
{
  const char *sorts[] = {
    "visit_date", "-visit_date", "employee", "-employee", "document", "-document",
    "center", "-center", "state", "-state", "visit_type", "-visit_type", "claim",
    "-claim", "posted_at", "-posted_at",
  };

  /* Every sort over a filtered set, with pages of 3. */
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++) {
    g_test_message ("sort %s", sorts[i]);
    walk ("name=quillfeather&include_archived=true", sorts[i], 2);
    walk ("visit_type=injury", sorts[i], 40);
  }

  /* The default order is the newest visit first, over everything. */
  walk ("include_archived=true", "-visit_date", 37);
}

static void
test_cursor_misuse (void)
{
  g_autoptr (ApiResponse) first = search (admin, "name=quillfeather&limit=1");
  const char *cursor = json_object_get_string_member (api_response_object (first),
                                                      "next_cursor");
  const char *other_searches[] = {
    "name=zoe&limit=1", "name=quillfeather&limit=1&sort=employee",
    "name=quillfeather&limit=1&include_archived=true", "limit=1",
    "name=quillfeather&limit=1&flagged=true",
  };
  const char *garbage[] = { "abc", "!!!", "", "MTIz", "YWJjfGRlZnwxMg" };

  g_assert_nonnull (cursor);
  for (guint i = 0; i < G_N_ELEMENTS (other_searches); i++) {
    g_autofree char *query = g_strdup_printf ("%s&cursor=%s", other_searches[i], cursor);
    g_autoptr (ApiResponse) response = search (admin, query);

    g_test_message ("cursor with %s", other_searches[i]);
    api_assert_error (response, 400, "invalid_field", "cursor");
  }

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++) {
    g_autofree char *query = g_strdup_printf ("name=quillfeather&limit=1&cursor=%s",
                                              garbage[i]);
    g_autoptr (ApiResponse) response = search (admin, query);

    api_assert_error (response, 400, "invalid_field", "cursor");
  }

  /* A different page size continues the same search. */
  {
    g_autofree char *query = g_strdup_printf ("name=quillfeather&limit=10&cursor=%s", cursor);
    g_autoptr (ApiResponse) response = search (admin, query);

    g_assert_cmpuint (json_array_get_length (results_items (response)), ==, 3);
  }
}

static void
test_bad_values (void)
{
  const struct { const char *query; const char *field; } cases[] = {
    { "dob=1971-13-01", "dob" }, { "dob=03/02/1971", "dob" },
    { "state=Texas", "state" }, { "state=T1", "state" },
    { "center_id=12", "center_id" }, { "center_id=co_1", "center_id" },
    { "visit_type=other", "visit_type" }, { "reviewed=yes", "reviewed" },
    { "flagged=1", "flagged" }, { "include_archived=maybe", "include_archived" },
    { "from=2024-02-30", "from" }, { "to=yesterday", "to" },
    { "from=2024-05-01&to=2024-04-01", "to" }, { "sort=name", "sort" },
    { "sort=-", "sort" }, { "limit=0", "limit" }, { "limit=201", "limit" },
    { "limit=ten", "limit" }, { "name=%21%21%21", "name" }, { "name=", "name" },
    { "colour=blue", "colour" }, { "claim=", "claim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (ApiResponse) response = search (admin, cases[i].query);

    g_test_message ("query %s", cases[i].query);
    api_assert_error (response, 400, "invalid_field", cases[i].field);
  }
}

/* --- marks --------------------------------------------------------------- */

static JsonObject *
mark (const char *method,
      const char *what,
      const char *token,
      ApiResponse **response)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s/%s",
                                        fixture_ids[3], what);

  *response = api_call (server, method, path, token, NULL);
  g_assert_cmpuint ((*response)->status, ==, 200);
  return api_response_object (*response);
}

static void
test_flag_and_review (void)
{
  g_autoptr (ApiResponse) flag = NULL, again = NULL, by_other = NULL;
  g_autoptr (ApiResponse) unflag = NULL, unflag_again = NULL;
  g_autoptr (ApiResponse) review = NULL, review_again = NULL, flagged_list = NULL;
  g_autoptr (ApiResponse) me = api_call (server, "GET", "/api/v1/me", admin, NULL);
  const char *admin_id = json_object_get_string_member (api_response_object (me), "id");
  JsonObject *object, *result;

  object = mark ("PUT", "flag", admin, &flag);
  result = json_object_get_object_member (object, "result");
  g_assert_true (json_object_get_boolean_member (object, "changed"));
  g_assert_true (json_object_get_boolean_member (result, "flagged"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "flagged_by"),
                                                  "id"), ==, admin_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "flagged_by"),
                                                  "name"), ==, "Avery Admin");
  g_assert_true (json_object_has_member (result, "flagged_at"));

  /* Again, by the same user or another: nothing changes, the first
   * flag stays. */
  object = mark ("PUT", "flag", admin, &again);
  g_assert_false (json_object_get_boolean_member (object, "changed"));
  object = mark ("PUT", "flag", basic, &by_other);
  g_assert_false (json_object_get_boolean_member (object, "changed"));
  result = json_object_get_object_member (object, "result");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "flagged_by"),
                                                  "id"), ==, admin_id);

  flagged_list = search (basic, "flagged=true&name=quillfeather");
  g_assert_cmpint (results_total (flagged_list), ==, 1);
  g_assert_true (has_id (results_items (flagged_list), fixture_ids[3]));

  object = mark ("DELETE", "flag", basic, &unflag);
  g_assert_true (json_object_get_boolean_member (object, "changed"));
  result = json_object_get_object_member (object, "result");
  g_assert_false (json_object_get_boolean_member (result, "flagged"));
  g_assert_false (json_object_has_member (result, "flagged_by"));
  g_assert_false (json_object_has_member (result, "flagged_at"));
  object = mark ("DELETE", "flag", basic, &unflag_again);
  g_assert_false (json_object_get_boolean_member (object, "changed"));

  object = mark ("PUT", "review", basic, &review);
  g_assert_true (json_object_get_boolean_member (object, "changed"));
  result = json_object_get_object_member (object, "result");
  g_assert_true (json_object_get_boolean_member (result, "reviewed"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "reviewed_by"),
                                                  "name"), ==, "Blake Basic");
  g_assert_true (json_object_has_member (result, "reviewed_at"));
  object = mark ("PUT", "review", admin, &review_again);
  g_assert_false (json_object_get_boolean_member (object, "changed"));
  result = json_object_get_object_member (object, "result");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result,
                                                                                 "reviewed_by"),
                                                  "name"), ==, "Blake Basic");

  /* Reviewing is for good: there is no DELETE. */
  {
    g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s/review",
                                          fixture_ids[3]);
    g_autoptr (ApiResponse) undo = api_call (server, "DELETE", path, admin, NULL);

    api_assert_error (undo, 405, "method_not_allowed", NULL);
  }
}

/* --- who sees what ------------------------------------------------------- */

static const char *const result_paths[] = {
  "", "/flag", "/review", "/content",
};

static void
test_other_company (void)
{
  const char *methods[] = { "GET", "PUT", "PUT", "GET" };

  /* Harper is not in Northwind: every results address of it is 403. */
  for (guint i = 0; i < G_N_ELEMENTS (result_paths); i++) {
    g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s%s",
                                          fixture_ids[0], result_paths[i]);
    g_autoptr (ApiResponse) response = api_call (server, methods[i], path, harper, NULL);

    g_test_message ("%s %s", methods[i], path);
    api_assert_error (response, 403, "forbidden", NULL);
  }

  {
    g_autofree char *unflag = fixture_path ("/api/v1/companies/co_1/results/%s/flag",
                                            fixture_ids[0]);
    const char *lists[] = {
      "/api/v1/companies/co_1/results", "/api/v1/companies/co_1/results/changes",
      "/api/v1/companies/co_1/centers", "/api/v1/companies/co_1/results/re_999999999",
      "/api/v1/companies/co_999/results", "/api/v1/companies/xyz/results/re_1",
    };
    g_autoptr (ApiResponse) response = api_call (server, "DELETE", unflag, harper, NULL);

    api_assert_error (response, 403, "forbidden", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (lists); i++) {
      g_autoptr (ApiResponse) list = api_call (server, "GET", lists[i], harper, NULL);

      api_assert_error (list, 403, "forbidden", NULL);
    }
  }

  /* In her own company, a Northwind result does not exist. */
  for (guint i = 0; i < G_N_ELEMENTS (result_paths); i++) {
    g_autofree char *path = fixture_path ("/api/v1/companies/co_2/results/%s%s",
                                          fixture_ids[0], result_paths[i]);
    g_autoptr (ApiResponse) response = api_call (server, methods[i], path, harper, NULL);

    api_assert_error (response, 404, "not_found", NULL);
  }

  /* And Harbor's own list has none of Northwind's. */
  {
    g_autoptr (ApiResponse) harbor = api_call (server, "GET",
                                               "/api/v1/companies/co_2/results?limit=200"
                                               "&include_archived=true",
                                               harper, NULL);
    JsonArray *items = results_items (harbor);

    g_assert_cmpuint (json_array_get_length (items), >, 0);
    for (guint i = 0; i < json_array_get_length (items); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i),
                                                      "company_id"), ==, "co_2");
  }
}

static void
test_not_signed_in (void)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s", fixture_ids[0]);
  const char *paths[] = {
    "/api/v1/companies/co_1/results", path, "/api/v1/document-types",
    "/api/v1/companies/co_1/centers",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++) {
    g_autoptr (ApiResponse) response = api_call (server, "GET", paths[i], NULL, NULL);

    api_assert_error (response, 401, "unauthenticated", NULL);
  }
}

/* A contact without portal access in the company sees nothing of it. */
static void
test_role_none (void)
{
  g_autoptr (ApiResponse) before = search (basic, "limit=1");
  g_autoptr (ApiResponse) refused = NULL;
  g_autoptr (ApiResponse) after = NULL;

  g_assert_cmpuint (before->status, ==, 200);
  api_exec_sql (server, "UPDATE contacts SET role = 'none' WHERE user_id ="
                        " (SELECT id FROM users WHERE email = 'basic@northwind.example')");
  refused = search (basic, "limit=1");
  api_assert_error (refused, 403, "forbidden", NULL);
  api_exec_sql (server, "UPDATE contacts SET role = 'basic' WHERE user_id ="
                        " (SELECT id FROM users WHERE email = 'basic@northwind.example')");
  after = search (basic, "limit=1");
  g_assert_cmpuint (after->status, ==, 200);
}

static void
test_same_for_basic_and_admin (void)
{
  const char *queries[] = {
    "limit=200", "limit=200&include_archived=true&sort=employee", "name=quillfeather",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++) {
    g_autoptr (ApiResponse) as_admin = search (admin, queries[q]);
    g_autoptr (ApiResponse) as_basic = search (basic, queries[q]);
    JsonArray *a = results_items (as_admin), *b = results_items (as_basic);

    g_assert_cmpint (results_total (as_admin), ==, results_total (as_basic));
    g_assert_cmpuint (json_array_get_length (a), ==, json_array_get_length (b));
    for (guint i = 0; i < json_array_get_length (a); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, i), "id"),
                       ==,
                       json_object_get_string_member (json_array_get_object_element (b, i), "id"));
  }
}

static void
test_one_result_and_lookups (void)
{
  g_autofree char *path = fixture_path ("/api/v1/companies/co_1/results/%s", fixture_ids[0]);
  g_autoptr (ApiResponse) one = api_call (server, "GET", path, basic, NULL);
  g_autoptr (ApiResponse) types = api_call (server, "GET", "/api/v1/document-types", basic, NULL);
  g_autoptr (ApiResponse) centers = api_call (server, "GET", "/api/v1/companies/co_1/centers",
                                              basic, NULL);
  JsonObject *result, *visit, *employee, *document;
  JsonArray *items;
  guint injury = 0, non_injury = 0;

  g_assert_cmpuint (one->status, ==, 200);
  result = api_response_object (one);
  visit = visit_of (result);
  employee = json_object_get_object_member (visit, "employee");
  document = json_object_get_object_member (result, "document");
  g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, fixture_ids[0]);
  g_assert_cmpstr (json_object_get_string_member (employee, "first_name"), ==, "José");
  g_assert_cmpstr (json_object_get_string_member (employee, "employee_id"), ==, "E00001");
  g_assert_cmpstr (json_object_get_string_member (visit, "claim_number"), ==, "QF-24-000101");
  g_assert_cmpstr (json_object_get_string_member (visit, "state"), ==, places.center_states[0]);
  g_assert_cmpstr (json_object_get_string_member (document, "name"), ==, "Work Status Report");
  g_assert_cmpint (json_object_get_int_member (document, "pages"), ==, 2);
  g_assert_true (json_object_get_boolean_member (result, "new"));

  items = results_items (types);
  g_assert_cmpuint (json_array_get_length (items), ==, 21);
  for (guint i = 0; i < json_array_get_length (items); i++) {
    const char *type = json_object_get_string_member (json_array_get_object_element (items, i),
                                                      "visit_type");
    injury += g_str_equal (type, "injury");
    non_injury += g_str_equal (type, "non_injury");
  }
  g_assert_cmpuint (injury, ==, 9);
  g_assert_cmpuint (non_injury, ==, 12);

  items = results_items (centers);
  g_assert_cmpuint (json_array_get_length (items), >=, 2);
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_true (g_str_has_prefix (json_object_get_string_member (
                                       json_array_get_object_element (items, i), "name"),
                                     "HUB Occupational Health – "));
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
  harper = api_sign_in (server, "admin@harbor.example", DEMO_PASSWORD);
  places_find (server, admin, &places);
  post_fixtures ();

  g_test_add_func ("/api/results/names", test_names);
  g_test_add_func ("/api/results/criteria", test_criteria);
  g_test_add_func ("/api/results/combined", test_combined);
  g_test_add_func ("/api/results/archived", test_archived);
  g_test_add_func ("/api/results/sort-and-pages", test_sort_and_pages);
  g_test_add_func ("/api/results/cursor-misuse", test_cursor_misuse);
  g_test_add_func ("/api/results/bad-values", test_bad_values);
  g_test_add_func ("/api/results/one-result-and-lookups", test_one_result_and_lookups);
  g_test_add_func ("/api/results/flag-and-review", test_flag_and_review);
  g_test_add_func ("/api/results/other-company", test_other_company);
  g_test_add_func ("/api/results/not-signed-in", test_not_signed_in);
  g_test_add_func ("/api/results/role-none", test_role_none);
  g_test_add_func ("/api/results/same-for-basic-and-admin", test_same_for_basic_and_admin);

  rc = api_run ();
  places_clear (&places);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_ids); i++)
    g_free (fixture_ids[i]);
  g_free (admin);
  g_free (basic);
  g_free (harper);
  hub_test_server_free (server);
  return rc;
}
