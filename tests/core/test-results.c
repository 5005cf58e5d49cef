/* test-results.c: the results models and the search query, without a
 * server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hub-core.h"
#include "hub-core-private.h"

/* A complete Result as the contract writes it; %s are the marks. */
#define RESULT_JSON                                                             \
  "{\"id\": \"res_1\", \"company_id\": \"co_north\","                           \
  " \"visit\": {\"id\": \"vis_7\", \"visit_date\": \"2026-11-02\","             \
  "   \"visit_type\": \"injury\", \"state\": \"TX\", \"claim_number\": \"WC-88\"," \
  "   \"employee\": {\"first_name\": \"José\", \"last_name\": \"Núñez\","       \
  "     \"date_of_birth\": \"1980-02-29\", \"employee_id\": \"E-100\"},"        \
  "   \"center\": {\"id\": \"ctr_3\", \"name\": \"Central Clinic\", \"state\": \"TX\"}," \
  "   \"location\": {\"id\": \"loc_2\", \"name\": \"Dallas Depot\"}},"         \
  " \"document\": {\"type\": \"work_status_report\","                          \
  "   \"name\": \"Work Status Report\", \"pages\": 2},"                         \
  " \"posted_at\": \"2026-11-03T14:05:00Z\", \"archived\": false,"             \
  " \"new\": true, \"flagged\": false, \"reviewed\": false}"

#define REVIEWED_JSON                                                           \
  "{\"id\": \"res_1\", \"company_id\": \"co_north\","                           \
  " \"visit\": {\"id\": \"vis_7\", \"visit_date\": \"2026-11-02\","             \
  "   \"visit_type\": \"injury\", \"state\": \"TX\","                           \
  "   \"employee\": {\"first_name\": \"José\", \"last_name\": \"Núñez\","       \
  "     \"date_of_birth\": \"1980-02-29\"},"                                    \
  "   \"center\": {\"id\": \"ctr_3\", \"name\": \"Central Clinic\", \"state\": \"TX\"}," \
  "   \"location\": {\"id\": \"loc_2\", \"name\": \"Dallas Depot\"}},"         \
  " \"document\": {\"type\": \"work_status_report\","                          \
  "   \"name\": \"Work Status Report\", \"pages\": 2},"                         \
  " \"posted_at\": \"2026-11-03T14:05:00Z\", \"archived\": false,"             \
  " \"new\": false, \"flagged\": true,"                                         \
  " \"flagged_by\": {\"id\": \"usr_4\", \"name\": \"Avery Admin\"},"           \
  " \"flagged_at\": \"2026-11-04T09:00:00+02:00\","                             \
  " \"reviewed\": true, \"reviewed_by\": {\"id\": \"usr_4\", \"name\": \"Avery Admin\"}," \
  " \"reviewed_at\": \"2026-11-04T10:30:00Z\"}"

static JsonObject *
parse (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  object = hub_json_parse_object (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);

  return object;
}

static HubResult *
parse_result (const char *json)
{
  g_autoptr(JsonObject) object = parse (json);
  g_autoptr(GError) error = NULL;
  HubResult *result;

  result = hub_result_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static void
assert_contract_error (GError *error)
{
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "The HUB server sent an answer this version of HUB Desk does "
                   "not understand.");
}

/* Drops the last reference and checks it was the last. */
#define assert_finalize(pointer)                                                \
  G_STMT_START {                                                                \
    GObject *weak_ = G_OBJECT (pointer);                                        \
    g_object_add_weak_pointer (weak_, (gpointer *) &weak_);                     \
    g_clear_object (&(pointer));                                                \
    g_assert_null (weak_);                                                      \
  } G_STMT_END

/* --- HubResult --------------------------------------------------------------- */

static void
test_result (void)
{
  HubResult *result = parse_result (RESULT_JSON);
  g_autofree char *name = NULL;
  g_autofree char *posted = NULL;
  g_autofree char *dob = NULL;
  HubVisitType visit_type;

  g_assert_false (hub_result_is_placeholder (result));
  g_assert_cmpstr (hub_result_get_id (result), ==, "res_1");
  g_assert_cmpstr (hub_result_get_company_id (result), ==, "co_north");
  g_assert_cmpstr (hub_result_get_visit_id (result), ==, "vis_7");
  g_assert_cmpstr (hub_result_get_visit_date (result), ==, "2026-11-02");
  g_assert_cmpint (hub_result_get_visit_type (result), ==, HUB_VISIT_TYPE_INJURY);
  g_assert_cmpstr (hub_result_get_state (result), ==, "TX");
  g_assert_cmpstr (hub_result_get_claim_number (result), ==, "WC-88");
  g_assert_cmpstr (hub_result_get_employee_first_name (result), ==, "José");
  g_assert_cmpstr (hub_result_get_employee_last_name (result), ==, "Núñez");
  g_assert_cmpstr (hub_result_get_employee_date_of_birth (result), ==, "1980-02-29");
  g_assert_cmpstr (hub_result_get_employee_id (result), ==, "E-100");
  g_assert_cmpstr (hub_result_get_center_id (result), ==, "ctr_3");
  g_assert_cmpstr (hub_result_get_center_name (result), ==, "Central Clinic");
  g_assert_cmpstr (hub_result_get_center_state (result), ==, "TX");
  g_assert_cmpstr (hub_result_get_location_id (result), ==, "loc_2");
  g_assert_cmpstr (hub_result_get_location_name (result), ==, "Dallas Depot");
  g_assert_cmpstr (hub_result_get_document_type (result), ==, "work_status_report");
  g_assert_cmpstr (hub_result_get_document_name (result), ==, "Work Status Report");
  g_assert_cmpuint (hub_result_get_document_pages (result), ==, 2);
  g_assert_false (hub_result_get_archived (result));
  g_assert_true (hub_result_get_new (result));
  g_assert_false (hub_result_get_flagged (result));
  g_assert_null (hub_result_get_flagged_by_id (result));
  g_assert_null (hub_result_get_flagged_by_name (result));
  g_assert_null (hub_result_get_flagged_at (result));
  g_assert_false (hub_result_get_reviewed (result));
  g_assert_null (hub_result_get_reviewed_by_name (result));
  g_assert_null (hub_result_get_reviewed_at (result));

  posted = g_date_time_format_iso8601 (hub_result_get_posted_at (result));
  g_assert_cmpstr (posted, ==, "2026-11-03T14:05:00Z");

  name = hub_result_dup_employee_name (result);
  g_assert_cmpstr (name, ==, "Núñez, José");

  /* The same through the properties a view binds to. */
  g_object_get (result,
                "employee-date-of-birth", &dob,
                "visit-type", &visit_type,
                NULL);
  g_assert_cmpstr (dob, ==, "1980-02-29");
  g_assert_cmpint (visit_type, ==, HUB_VISIT_TYPE_INJURY);

  assert_finalize (result);
}

static void
test_result_marks (void)
{
  HubResult *result = parse_result (REVIEWED_JSON);
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *flagged_at;

  g_assert_null (hub_result_get_claim_number (result));
  g_assert_null (hub_result_get_employee_id (result));
  g_assert_true (hub_result_get_flagged (result));
  g_assert_cmpstr (hub_result_get_flagged_by_id (result), ==, "usr_4");
  g_assert_cmpstr (hub_result_get_flagged_by_name (result), ==, "Avery Admin");
  g_assert_true (hub_result_get_reviewed (result));
  g_assert_cmpstr (hub_result_get_reviewed_by_id (result), ==, "usr_4");
  g_assert_cmpstr (hub_result_get_reviewed_by_name (result), ==, "Avery Admin");
  g_assert_nonnull (hub_result_get_reviewed_at (result));

  /* Offsets are kept: 09:00 at +02:00 is 07:00 UTC. */
  flagged_at = hub_result_get_flagged_at (result);
  utc = g_date_time_to_utc (flagged_at);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 7);

  assert_finalize (result);
}

typedef struct {
  GPtrArray *names;
} Notifications;

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           Notifications *notifications)
{
  g_ptr_array_add (notifications->names, g_strdup (pspec->name));
}

static gboolean
notified (Notifications *notifications,
          const char    *name)
{
  return g_ptr_array_find_with_equal_func (notifications->names, name, g_str_equal, NULL);
}

static void
test_result_update_from (void)
{
  HubResult *result = parse_result (RESULT_JSON);
  HubResult *newer = parse_result (REVIEWED_JSON);
  HubResult *again = parse_result (REVIEWED_JSON);
  Notifications notifications = { g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (result, "notify", G_CALLBACK (on_notify), &notifications);

  g_assert_true (hub_result_update_from (result, newer));
  g_assert_true (hub_result_get_flagged (result));
  g_assert_true (hub_result_get_reviewed (result));
  g_assert_false (hub_result_get_new (result));
  g_assert_cmpstr (hub_result_get_reviewed_by_name (result), ==, "Avery Admin");

  /* What changed is notified, once each; what did not is not. */
  g_assert_true (notified (&notifications, "flagged"));
  g_assert_true (notified (&notifications, "reviewed"));
  g_assert_true (notified (&notifications, "new"));
  g_assert_true (notified (&notifications, "flagged-at"));
  g_assert_true (notified (&notifications, "reviewed-by-name"));
  g_assert_false (notified (&notifications, "archived"));
  g_assert_cmpuint (notifications.names->len, ==, 7);

  /* The visit stays as it was: only the marks are copied. */
  g_assert_cmpstr (hub_result_get_claim_number (result), ==, "WC-88");

  /* Nothing new, nothing notified. */
  g_ptr_array_set_size (notifications.names, 0);
  g_assert_false (hub_result_update_from (result, again));
  g_assert_cmpuint (notifications.names->len, ==, 0);

  g_ptr_array_unref (notifications.names);
  g_signal_handlers_disconnect_by_data (result, &notifications);
  assert_finalize (again);
  assert_finalize (newer);
  assert_finalize (result);
}

static void
test_result_update_from_other (void)
{
  HubResult *result = parse_result (RESULT_JSON);
  g_autofree char *json = g_strdup (REVIEWED_JSON);
  HubResult *other;

  memcpy (strstr (json, "res_1"), "res_2", 5);
  other = parse_result (json);

  if (g_test_subprocess ())
    {
      hub_result_update_from (result, other);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*hub_result_update_from*");

  g_assert_false (hub_result_get_flagged (result));
  assert_finalize (other);
  assert_finalize (result);
}

static void
test_result_placeholder (void)
{
  HubResult *placeholder = hub_result_new_placeholder ();
  g_autofree char *name = NULL;
  g_autofree char *document = NULL;

  g_assert_true (hub_result_is_placeholder (placeholder));
  g_assert_cmpstr (hub_result_get_id (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_company_id (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_visit_date (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_employee_last_name (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_employee_date_of_birth (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_center_name (placeholder), ==, "");
  g_assert_cmpstr (hub_result_get_document_name (placeholder), ==, "");
  g_assert_null (hub_result_get_claim_number (placeholder));
  g_assert_null (hub_result_get_posted_at (placeholder));
  g_assert_cmpint (hub_result_get_visit_type (placeholder), ==, HUB_VISIT_TYPE_ANY);
  g_assert_false (hub_result_get_flagged (placeholder));

  name = hub_result_dup_employee_name (placeholder);
  g_assert_cmpstr (name, ==, "");

  g_object_get (placeholder, "document-name", &document, NULL);
  g_assert_cmpstr (document, ==, "");

  assert_finalize (placeholder);
}

/* Replaces the first @old in RESULT_JSON with @new. */
static char *
result_json_with (const char *old,
                  const char *new)
{
  g_autoptr(GString) json = g_string_new (RESULT_JSON);

  g_assert_nonnull (strstr (json->str, old));
  g_string_replace (json, old, new, 1);

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
test_result_broken (void)
{
  static const char * const edits[][2] = {
    /* Ids that could escape a request path. */
    { "\"res_1\"", "\"../../admin\"" },
    { "\"ctr_3\"", "\"ctr 3\"" },
    /* Dates that are not days. */
    { "\"2026-11-02\"", "\"2026-02-30\"" },
    { "\"1980-02-29\"", "\"1981-02-29\"" },
    { "\"1980-02-29\"", "\"02/29/1980\"" },
    { "\"2026-11-02\"", "\"2026-11-2\"" },
    /* A time without its offset from UTC. */
    { "\"2026-11-03T14:05:00Z\"", "\"2026-11-03T14:05:00\"" },
    { "\"2026-11-03T14:05:00Z\"", "\"yesterday\"" },
    /* Wrong types. */
    { "\"pages\": 2", "\"pages\": \"2\"" },
    { "\"pages\": 2", "\"pages\": -1" },
    { "\"new\": true", "\"new\": 1" },
    { "\"claim_number\": \"WC-88\"", "\"claim_number\": 88" },
    /* Members missing. */
    { "\"archived\": false,", "" },
    { "\"state\": \"TX\", \"claim_number\"", "\"claim_number\"" },
    { "\"visit_type\": \"injury\",", "" },
    /* A flag time without the flag. */
    { "\"flagged\": false", "\"flagged\": false, \"flagged_at\": \"2026-11-04T09:00:00Z\"" },
    { "\"reviewed\": false",
      "\"reviewed\": false, \"reviewed_by\": {\"id\": \"usr_1\", \"name\": \"A\"}" },
    /* Who flagged it, without an id. */
    { "\"flagged\": false", "\"flagged\": true, \"flagged_by\": {\"name\": \"A\"},"
                              " \"flagged_at\": \"2026-11-04T09:00:00Z\"" },
    /* A flag without who set it and when. */
    { "\"flagged\": false", "\"flagged\": true" },
    { "\"reviewed\": false", "\"reviewed\": true,"
                               " \"reviewed_by\": {\"id\": \"usr_1\", \"name\": \"A\"}" },
    /* A document without pages. */
    { "\"pages\": 2", "\"pages\": 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *json = result_json_with (edits[i][0], edits[i][1]);
      g_autoptr(JsonObject) object = parse (json);
      g_autoptr(HubResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("edit %u: %s", i, edits[i][1]);
      result = hub_result_new_from_json (object, &error);
      g_assert_null (result);
      assert_contract_error (error);
    }
}

static void
test_result_tolerated (void)
{
  g_autofree char *unknown_type = result_json_with ("\"injury\"", "\"telehealth\"");
  g_autofree char *nulls = result_json_with ("\"WC-88\"", "null");
  g_autofree char *extra = result_json_with ("\"archived\": false,",
                                             "\"archived\": false, \"future\": [1, 2],");
  HubResult *result;

  /* A visit type from a newer server is not one this version knows. */
  result = parse_result (unknown_type);
  g_assert_cmpint (hub_result_get_visit_type (result), ==, HUB_VISIT_TYPE_ANY);
  assert_finalize (result);

  /* null is the same as absent for optional members. */
  result = parse_result (nulls);
  g_assert_null (hub_result_get_claim_number (result));
  assert_finalize (result);

  /* Members this version does not know are ignored. */
  result = parse_result (extra);
  g_assert_cmpstr (hub_result_get_id (result), ==, "res_1");
  assert_finalize (result);
}

static void
test_result_one_name (void)
{
  g_autofree char *json = result_json_with ("\"José\"", "\"\"");
  HubResult *result = parse_result (json);
  g_autofree char *name = hub_result_dup_employee_name (result);

  g_assert_cmpstr (name, ==, "Núñez");
  assert_finalize (result);
}

static void
test_result_page (void)
{
  g_autoptr(JsonObject) object = parse ("{\"items\": [" RESULT_JSON ", " REVIEWED_JSON "],"
                                        " \"next_cursor\": \"abc\", \"total\": 9}");
  g_autoptr(JsonObject) last = parse ("{\"items\": [], \"total\": 0}");
  g_autoptr(JsonObject) wrong_total = parse ("{\"items\": [" RESULT_JSON "], \"total\": 0}");
  g_autoptr(JsonObject) empty_cursor = parse ("{\"items\": [], \"next_cursor\": \"\","
                                              " \"total\": 0}");
  g_autoptr(GError) error = NULL;
  HubResultPage *page;
  HubResultPage *broken;

  page = hub_result_page_new_from_json (object, "co_north", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hub_result_page_get_items (page)), ==, 2);
  g_assert_true (g_list_model_get_item_type (hub_result_page_get_items (page)) ==
                 HUB_TYPE_RESULT);
  g_assert_cmpstr (hub_result_page_get_next_cursor (page), ==, "abc");
  g_assert_cmpuint (hub_result_page_get_total (page), ==, 9);
  assert_finalize (page);

  page = hub_result_page_new_from_json (last, "co_north", &error);
  g_assert_no_error (error);
  g_assert_null (hub_result_page_get_next_cursor (page));
  assert_finalize (page);

  /* Another company's results never reach the list. */
  broken = hub_result_page_new_from_json (object, "co_harbor", &error);
  g_assert_null (broken);
  assert_contract_error (error);
  g_clear_error (&error);

  broken = hub_result_page_new_from_json (wrong_total, "co_north", &error);
  g_assert_null (broken);
  assert_contract_error (error);
  g_clear_error (&error);

  broken = hub_result_page_new_from_json (empty_cursor, "co_north", &error);
  g_assert_null (broken);
  assert_contract_error (error);
}

static void
test_center_and_document_type (void)
{
  g_autoptr(JsonObject) center_object =
    parse ("{\"id\": \"ctr_3\", \"name\": \"Central Clinic\", \"state\": \"TX\","
           " \"phone\": \"+1 214 555 0100\","
           " \"address\": {\"line1\": \"1 Main St\", \"city\": \"Dallas\","
           " \"state\": \"TX\", \"postal_code\": \"75201\"}}");
  g_autoptr(JsonObject) type_object =
    parse ("{\"code\": \"work_status_report\", \"name\": \"Work Status Report\","
           " \"visit_type\": \"injury\", \"pages\": 2}");
  g_autoptr(JsonObject) bad_code =
    parse ("{\"code\": \"Work Status\", \"name\": \"W\", \"visit_type\": \"injury\","
           " \"pages\": 1}");
  g_autoptr(GError) error = NULL;
  HubCenter *center;
  HubDocumentType *type;

  center = hub_center_new_from_json (center_object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_center_get_id (center), ==, "ctr_3");
  g_assert_cmpstr (hub_center_get_name (center), ==, "Central Clinic");
  g_assert_cmpstr (hub_center_get_state (center), ==, "TX");
  g_assert_cmpstr (hub_center_get_address (center), ==, "1 Main St\nDallas, TX 75201");
  g_assert_cmpstr (hub_center_get_phone (center), ==, "+1 214 555 0100");
  assert_finalize (center);

  type = hub_document_type_new_from_json (type_object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_document_type_get_code (type), ==, "work_status_report");
  g_assert_cmpstr (hub_document_type_get_name (type), ==, "Work Status Report");
  g_assert_cmpint (hub_document_type_get_visit_type (type), ==, HUB_VISIT_TYPE_INJURY);
  g_assert_cmpuint (hub_document_type_get_pages (type), ==, 2);
  assert_finalize (type);

  type = hub_document_type_new_from_json (bad_code, &error);
  g_assert_null (type);
  assert_contract_error (error);
}

static void
test_visit_type_strings (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (HUB_TYPE_VISIT_TYPE);

  g_assert_cmpint (hub_visit_type_from_string ("injury"), ==, HUB_VISIT_TYPE_INJURY);
  g_assert_cmpint (hub_visit_type_from_string ("non_injury"), ==, HUB_VISIT_TYPE_NON_INJURY);
  g_assert_cmpint (hub_visit_type_from_string ("Injury"), ==, HUB_VISIT_TYPE_ANY);
  g_assert_cmpint (hub_visit_type_from_string (NULL), ==, HUB_VISIT_TYPE_ANY);
  g_assert_null (hub_visit_type_to_string (HUB_VISIT_TYPE_ANY));
  g_assert_cmpstr (hub_visit_type_to_string (HUB_VISIT_TYPE_NON_INJURY), ==, "non_injury");
  g_assert_cmpstr (g_enum_get_value (enum_class, HUB_VISIT_TYPE_NON_INJURY)->value_nick, ==,
                   "non-injury");
  g_assert_true (G_TYPE_IS_ENUM (HUB_TYPE_TRISTATE));
}

/* --- HubResultQuery ------------------------------------------------------------ */

/* Connected swapped: the count comes first. */
static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_query_empty (void)
{
  HubResultQuery *query = hub_result_query_new ();
  g_autofree char *string = hub_result_query_to_string (query);

  g_assert_cmpstr (string, ==, "");
  g_assert_null (hub_result_query_get_name (query));
  g_assert_cmpint (hub_result_query_get_visit_type (query), ==, HUB_VISIT_TYPE_ANY);
  g_assert_cmpint (hub_result_query_get_reviewed (query), ==, HUB_TRISTATE_ANY);
  g_assert_false (hub_result_query_get_include_archived (query));

  assert_finalize (query);
}

static void
test_query_string (void)
{
  HubResultQuery *query = hub_result_query_new ();
  g_autofree char *string = NULL;

  hub_result_query_set_name (query, "José Núñez");
  hub_result_query_set_dob (query, "1980-02-29");
  hub_result_query_set_state (query, "TX");
  hub_result_query_set_center_id (query, "ctr_3");
  hub_result_query_set_visit_type (query, HUB_VISIT_TYPE_NON_INJURY);
  hub_result_query_set_claim (query, "WC-88");
  hub_result_query_set_document (query, "Fit Test & Respirator");
  hub_result_query_set_reviewed (query, HUB_TRISTATE_NO);
  hub_result_query_set_flagged (query, HUB_TRISTATE_YES);
  hub_result_query_set_from (query, "2026-01-01");
  hub_result_query_set_to (query, "2026-12-31");
  hub_result_query_set_include_archived (query, TRUE);
  hub_result_query_set_sort (query, "-employee");

  string = hub_result_query_to_string (query);
  g_assert_cmpstr (string, ==,
                   "name=Jos%C3%A9%20N%C3%BA%C3%B1ez"
                   "&dob=1980-02-29"
                   "&state=TX"
                   "&center_id=ctr_3"
                   "&visit_type=non_injury"
                   "&claim=WC-88"
                   "&document=Fit%20Test%20%26%20Respirator"
                   "&reviewed=false"
                   "&flagged=true"
                   "&from=2026-01-01"
                   "&to=2026-12-31"
                   "&include_archived=true"
                   "&sort=-employee");

  assert_finalize (query);
}

static void
test_query_escaping (void)
{
  HubResultQuery *query = hub_result_query_new ();
  g_autofree char *string = NULL;
  g_autoptr(GHashTable) parsed = NULL;
  g_autoptr(GError) error = NULL;

  /* Characters that would split or change a query string. */
  hub_result_query_set_name (query, "  O'Brien & Sons=1+1 #2 ?x %20 ");
  hub_result_query_set_claim (query, "a/b;c");

  string = hub_result_query_to_string (query);
  g_assert_null (strchr (string, ' '));
  g_assert_null (strchr (string, '#'));
  g_assert_null (strchr (string, '+'));
  g_assert_null (strchr (string, '?'));
  g_assert_null (strchr (string, '/'));

  /* A server reading it back gets what was typed, trimmed. */
  parsed = g_uri_parse_params (string, -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (parsed), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (parsed, "name"), ==, "O'Brien & Sons=1+1 #2 ?x %20");
  g_assert_cmpstr (g_hash_table_lookup (parsed, "claim"), ==, "a/b;c");

  assert_finalize (query);
}

static void
test_query_normalized (void)
{
  HubResultQuery *query = hub_result_query_new ();
  guint n_notify = 0;

  g_signal_connect_swapped (query, "notify::name", G_CALLBACK (count_signal), &n_notify);

  hub_result_query_set_name (query, " Smith ");
  g_assert_cmpstr (hub_result_query_get_name (query), ==, "Smith");
  g_assert_cmpuint (n_notify, ==, 1);

  /* The same search typed again is no change. */
  hub_result_query_set_name (query, "Smith  ");
  g_assert_cmpuint (n_notify, ==, 1);

  /* White space only is no criterion. */
  hub_result_query_set_name (query, "   ");
  g_assert_null (hub_result_query_get_name (query));
  g_assert_cmpuint (n_notify, ==, 2);

  hub_result_query_set_name (query, "");
  g_assert_cmpuint (n_notify, ==, 2);

  g_signal_handlers_disconnect_by_data (query, &n_notify);
  assert_finalize (query);
}

static void
test_query_changed (void)
{
  HubResultQuery *query = hub_result_query_new ();
  guint n_changed = 0;
  guint n_notify = 0;

  g_signal_connect_swapped (query, "changed", G_CALLBACK (count_signal), &n_changed);
  g_signal_connect_swapped (query, "notify", G_CALLBACK (count_signal), &n_notify);

  hub_result_query_set_flagged (query, HUB_TRISTATE_YES);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_notify, ==, 1);

  hub_result_query_set_flagged (query, HUB_TRISTATE_YES);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Several criteria set together: one change to search again for. */
  g_object_set (query,
                "name", "Lee",
                "visit-type", HUB_VISIT_TYPE_INJURY,
                "include-archived", TRUE,
                "reviewed", HUB_TRISTATE_NO,
                NULL);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (n_notify, ==, 5);

  g_object_set (query, "name", "Lee", "include-archived", TRUE, NULL);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (n_notify, ==, 5);

  g_signal_handlers_disconnect_by_data (query, &n_changed);
  g_signal_handlers_disconnect_by_data (query, &n_notify);
  assert_finalize (query);
}

static void
test_query_copy_equal (void)
{
  HubResultQuery *query = hub_result_query_new ();
  HubResultQuery *copy;

  g_object_set (query,
                "name", "Lee",
                "dob", "1990-01-31",
                "center-id", "ctr_1",
                "flagged", HUB_TRISTATE_NO,
                "sort", "visit_date",
                NULL);

  copy = hub_result_query_copy (query);
  g_assert_true (copy != query);
  g_assert_true (hub_result_query_equal (query, copy));
  g_assert_cmpstr (hub_result_query_get_dob (copy), ==, "1990-01-31");

  hub_result_query_set_sort (copy, "-visit_date");
  g_assert_false (hub_result_query_equal (query, copy));
  hub_result_query_set_sort (copy, "visit_date");
  g_assert_true (hub_result_query_equal (query, copy));

  hub_result_query_set_include_archived (copy, TRUE);
  g_assert_false (hub_result_query_equal (query, copy));

  assert_finalize (copy);
  assert_finalize (query);
}

static void
test_query_typed_date (void)
{
  HubResultQuery *query = hub_result_query_new ();
  g_autofree char *string = NULL;

  /* A date as typed, not one the server takes: sent for the server to
   * refuse by name, not dropped behind the user's back. */
  hub_result_query_set_dob (query, " 29/02/1980 ");
  g_assert_cmpstr (hub_result_query_get_dob (query), ==, "29/02/1980");

  string = hub_result_query_to_string (query);
  g_assert_cmpstr (string, ==, "dob=29%2F02%2F1980");

  assert_finalize (query);
}

static void
test_query_refuses_sort (void)
{
  HubResultQuery *query = hub_result_query_new ();

  if (g_test_subprocess ())
    {
      hub_result_query_set_sort (query, "employee; DROP TABLE");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*is_sort*");

  assert_finalize (query);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/results/result", test_result);
  g_test_add_func ("/core/results/result-marks", test_result_marks);
  g_test_add_func ("/core/results/result-update-from", test_result_update_from);
  g_test_add_func ("/core/results/result-update-from-other", test_result_update_from_other);
  g_test_add_func ("/core/results/result-placeholder", test_result_placeholder);
  g_test_add_func ("/core/results/result-broken", test_result_broken);
  g_test_add_func ("/core/results/result-tolerated", test_result_tolerated);
  g_test_add_func ("/core/results/result-one-name", test_result_one_name);
  g_test_add_func ("/core/results/page", test_result_page);
  g_test_add_func ("/core/results/center-and-document-type", test_center_and_document_type);
  g_test_add_func ("/core/results/visit-type-strings", test_visit_type_strings);
  g_test_add_func ("/core/results/query-empty", test_query_empty);
  g_test_add_func ("/core/results/query-string", test_query_string);
  g_test_add_func ("/core/results/query-escaping", test_query_escaping);
  g_test_add_func ("/core/results/query-normalized", test_query_normalized);
  g_test_add_func ("/core/results/query-changed", test_query_changed);
  g_test_add_func ("/core/results/query-copy-equal", test_query_copy_equal);
  g_test_add_func ("/core/results/query-typed-date", test_query_typed_date);
  g_test_add_func ("/core/results/query-refuses-sort", test_query_refuses_sort);

  return g_test_run ();
}
