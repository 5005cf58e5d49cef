/* test-results-live.c: the results calls and HubResultList against a
 * live hubd with its small demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <poppler.h>
#include <string.h>

#include "hub-core.h"
#include "hub-test-server.h"

#define DEMO_PASSWORD "HubDemo!2026"

typedef struct {
  HubTestServer *server;
  HubClient *client;
  char *company_id;
} Fixture;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static HubUser *
sign_in (HubClient  *client,
         const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubUser *user;

  hub_client_sign_in_async (client, email, DEMO_PASSWORD, NULL, on_result, &result);
  user = hub_client_sign_in_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  return user;
}

static char *
company_id_by_name (HubUser    *user,
                    const char *name)
{
  GListModel *memberships = hub_user_get_memberships (user);

  for (guint i = 0; i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(HubMembership) membership = g_list_model_get_item (memberships, i);

      if (g_str_equal (hub_membership_get_company_name (membership), name))
        return g_strdup (hub_membership_get_company_id (membership));
    }

  g_assert_not_reached ();
}

static HubResultPage *
search (Fixture         *fixture,
        HubResultQuery  *query,
        const char      *cursor,
        guint            limit,
        GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_search_results_async (fixture->client, fixture->company_id, query, cursor, limit,
                                   NULL, on_result, &result);

  return hub_client_search_results_finish (fixture->client, wait_for (&result), error);
}

static HubResult *
set_flagged (Fixture     *fixture,
             const char  *result_id,
             gboolean     flagged,
             gboolean    *changed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubResult *hub_result;

  hub_client_set_result_flagged_async (fixture->client, fixture->company_id, result_id,
                                       flagged, NULL, on_result, &result);
  hub_result = hub_client_set_result_flagged_finish (fixture->client, wait_for (&result),
                                                     changed, &error);
  g_assert_no_error (error);

  return hub_result;
}

static HubResult *
mark_reviewed (Fixture    *fixture,
               const char *result_id,
               gboolean   *changed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubResult *hub_result;

  hub_client_mark_result_reviewed_async (fixture->client, fixture->company_id, result_id,
                                         NULL, on_result, &result);
  hub_result = hub_client_mark_result_reviewed_finish (fixture->client, wait_for (&result),
                                                       changed, &error);
  g_assert_no_error (error);

  return hub_result;
}

static HubCompanySummary *
get_summary (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubCompanySummary *summary;

  hub_client_get_company_summary_async (fixture->client, fixture->company_id, NULL,
                                        on_result, &result);
  summary = hub_client_get_company_summary_finish (fixture->client, wait_for (&result),
                                                   &error);
  g_assert_no_error (error);

  return summary;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubUser) user = NULL;

  fixture->server = hub_test_server_new ("small", NULL, &error);
  g_assert_no_error (error);

  fixture->client = hub_client_new (hub_test_server_get_base_url (fixture->server));
  user = sign_in (fixture->client, "admin@northwind.example");
  fixture->company_id = company_id_by_name (user, "Northwind Logistics");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GObject *weak = G_OBJECT (fixture->client);

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_clear_object (&fixture->client);
  g_assert_null (weak);

  g_clear_pointer (&fixture->company_id, g_free);
  g_clear_pointer (&fixture->server, hub_test_server_free);
}

/* The first result of the default search. */
static HubResult *
first_result (Fixture *fixture)
{
  g_autoptr(HubResultPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = search (fixture, NULL, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_result_page_get_total (page), >, 0);

  return g_list_model_get_item (hub_result_page_get_items (page), 0);
}

/* --- tests ------------------------------------------------------------------------- */

static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HubResultPage) first = NULL;
  g_autoptr(HubResultPage) second = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint total;

  first = search (fixture, NULL, NULL, 20, &error);
  g_assert_no_error (error);
  items = hub_result_page_get_items (first);
  total = hub_result_page_get_total (first);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, MIN (20, total));
  g_assert_cmpuint (total, >, 20);
  g_assert_nonnull (hub_result_page_get_next_cursor (first));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HubResult) result = g_list_model_get_item (items, i);

      g_assert_cmpstr (hub_result_get_company_id (result), ==, fixture->company_id);
      g_assert_false (hub_result_get_archived (result));
      g_assert_cmpuint (hub_result_get_document_pages (result), >=, 1);
      g_hash_table_add (seen, g_strdup (hub_result_get_id (result)));
    }

  /* The next page continues the same search, without repeats. */
  second = search (fixture, NULL, hub_result_page_get_next_cursor (first), 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_result_page_get_total (second), ==, total);
  items = hub_result_page_get_items (second);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HubResult) result = g_list_model_get_item (items, i);

      g_assert_false (g_hash_table_contains (seen, hub_result_get_id (result)));
    }
}

static void
test_search_by_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HubResult) sample = first_result (fixture);
  g_autoptr(HubResultQuery) query = hub_result_query_new ();
  g_autoptr(HubResultPage) all = NULL;
  g_autoptr(HubResultPage) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GListModel *items;

  all = search (fixture, NULL, NULL, 1, &error);
  g_assert_no_error (error);

  /* First and last name, in the other order and another case. */
  name = g_strdup_printf ("%s %s", hub_result_get_employee_last_name (sample),
                          hub_result_get_employee_first_name (sample));
  hub_result_query_set_name (query, name);
  found = search (fixture, query, NULL, 200, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (hub_result_page_get_total (found), >=, 1);
  g_assert_cmpuint (hub_result_page_get_total (found), <, hub_result_page_get_total (all));

  items = hub_result_page_get_items (found);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HubResult) result = g_list_model_get_item (items, i);

      g_assert_cmpstr (hub_result_get_employee_last_name (result), ==,
                       hub_result_get_employee_last_name (sample));
    }
}

static void
test_search_criteria (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HubResult) sample = first_result (fixture);
  g_autoptr(HubResultQuery) query = hub_result_query_new ();
  g_autoptr(HubResultPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;

  g_object_set (query,
                "dob", hub_result_get_employee_date_of_birth (sample),
                "center-id", hub_result_get_center_id (sample),
                "visit-type", hub_result_get_visit_type (sample),
                "document", hub_result_get_document_type (sample),
                "from", hub_result_get_visit_date (sample),
                "to", hub_result_get_visit_date (sample),
                "state", hub_result_get_state (sample),
                "sort", "employee",
                NULL);

  page = search (fixture, query, NULL, 50, &error);
  g_assert_no_error (error);
  items = hub_result_page_get_items (page);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HubResult) result = g_list_model_get_item (items, i);

      g_assert_cmpstr (hub_result_get_center_id (result), ==, hub_result_get_center_id (sample));
      g_assert_cmpstr (hub_result_get_visit_date (result), ==,
                       hub_result_get_visit_date (sample));
      g_assert_cmpstr (hub_result_get_document_type (result), ==,
                       hub_result_get_document_type (sample));
    }
}

static void
test_search_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HubResultQuery) query = hub_result_query_new ();
  g_autoptr(HubResultPage) page = NULL;
  g_autoptr(GError) error = NULL;

  /* A date as typed reaches the server, whose refusal says what is wrong. */
  hub_result_query_set_dob (query, "29/02/1980");
  page = search (fixture, query, NULL, 10, &error);
  g_assert_null (page);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_search_archived (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HubResultQuery) query = hub_result_query_new ();
  g_autoptr(HubResultPage) current = NULL;
  g_autoptr(HubResultPage) all = NULL;
  g_autoptr(GError) error = NULL;
  gboolean archived_seen = FALSE;
  GListModel *items;

  current = search (fixture, NULL, NULL, 1, &error);
  g_assert_no_error (error);

  /* Oldest first, so that the archived ones come on the first page. */
  g_object_set (query, "include-archived", TRUE, "sort", "posted_at", NULL);
  all = search (fixture, query, NULL, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_result_page_get_total (all), >, hub_result_page_get_total (current));

  items = hub_result_page_get_items (all);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(HubResult) result = g_list_model_get_item (items, i);

      archived_seen |= hub_result_get_archived (result);
    }
  g_assert_true (archived_seen);
}

static void
test_flag_and_review (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HubResult) shown = first_result (fixture);
  g_autoptr(HubResultQuery) flagged_query = hub_result_query_new ();
  g_autoptr(HubResultPage) flagged_page = NULL;
  g_autoptr(HubCompanySummary) before = get_summary (fixture);
  g_autoptr(HubCompanySummary) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = hub_result_get_id (shown);
  HubResult *newer;
  gboolean changed = FALSE;
  gboolean was_reviewed = hub_result_get_reviewed (shown);

  /* Start from an unflagged result. */
  if (hub_result_get_flagged (shown))
    {
      newer = set_flagged (fixture, id, FALSE, &changed);
      g_assert_true (hub_result_update_from (shown, newer));
      g_object_unref (newer);
      g_clear_object (&before);
      before = get_summary (fixture);
    }

  newer = set_flagged (fixture, id, TRUE, &changed);
  g_assert_true (changed);
  g_assert_true (hub_result_get_flagged (newer));
  g_assert_nonnull (hub_result_get_flagged_by_name (newer));
  g_assert_nonnull (hub_result_get_flagged_at (newer));
  g_assert_true (hub_result_update_from (shown, newer));
  g_assert_true (hub_result_get_flagged (shown));
  g_object_unref (newer);

  /* Asking again changes nothing, and says so. */
  newer = set_flagged (fixture, id, TRUE, &changed);
  g_assert_false (changed);
  g_assert_false (hub_result_update_from (shown, newer));
  g_object_unref (newer);

  /* The flag shows in a search and in the dashboard's counts. */
  hub_result_query_set_flagged (flagged_query, HUB_TRISTATE_YES);
  flagged_page = search (fixture, flagged_query, NULL, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_result_page_get_total (flagged_page), >=, 1);
  after = get_summary (fixture);
  g_assert_cmpuint (hub_company_summary_get_results_flagged (after), ==,
                    hub_company_summary_get_results_flagged (before) + 1);

  newer = set_flagged (fixture, id, FALSE, &changed);
  g_assert_true (changed);
  g_assert_false (hub_result_get_flagged (newer));
  g_assert_null (hub_result_get_flagged_by_name (newer));
  g_object_unref (newer);

  newer = mark_reviewed (fixture, id, &changed);
  g_assert_cmpint (changed, ==, !was_reviewed);
  g_assert_true (hub_result_get_reviewed (newer));
  g_assert_nonnull (hub_result_get_reviewed_by_name (newer));
  g_object_unref (newer);

  newer = mark_reviewed (fixture, id, &changed);
  g_assert_false (changed);
  g_object_unref (newer);
}

static void
test_get_and_download (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HubResult) sample = first_result (fixture);
  g_autoptr(GAsyncResult) get_result = NULL;
  g_autoptr(GAsyncResult) download_result = NULL;
  g_autoptr(HubResult) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  hub_client_get_result_async (fixture->client, fixture->company_id,
                               hub_result_get_id (sample), NULL, on_result, &get_result);
  again = hub_client_get_result_finish (fixture->client, wait_for (&get_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_result_get_id (again), ==, hub_result_get_id (sample));
  g_assert_cmpstr (hub_result_get_document_name (again), ==,
                   hub_result_get_document_name (sample));

  hub_client_download_result_async (fixture->client, fixture->company_id,
                                    hub_result_get_id (sample), NULL, on_result,
                                    &download_result);
  bytes = hub_client_download_result_finish (fixture->client, wait_for (&download_result),
                                             &error);
  g_assert_no_error (error);

  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==,
                   hub_result_get_document_pages (sample));
  g_object_unref (document);
}

static void
test_other_company_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HubClient) harbor = hub_client_new (hub_test_server_get_base_url (fixture->server));
  g_autoptr(HubUser) user = sign_in (harbor, "admin@harbor.example");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HubResultPage) page = NULL;
  g_autoptr(GError) error = NULL;

  hub_client_search_results_async (harbor, fixture->company_id, NULL, NULL, 10, NULL,
                                   on_result, &result);
  page = hub_client_search_results_finish (harbor, wait_for (&result), &error);
  g_assert_null (page);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) since = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *next = NULL;
  gboolean more = TRUE;

  hub_client_get_result_changes_async (fixture->client, fixture->company_id, NULL, NULL,
                                       on_result, &first);
  none = hub_client_get_result_changes_finish (fixture->client, wait_for (&first), &token,
                                               &more, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  /* Nothing was posted since. */
  hub_client_get_result_changes_async (fixture->client, fixture->company_id, token, NULL,
                                       on_result, &second);
  since = hub_client_get_result_changes_finish (fixture->client, wait_for (&second), &next,
                                                &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (since), ==, 0);
  g_assert_false (more);
  g_assert_nonnull (next);
}

static void
test_centers_and_document_types (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HubResult) sample = first_result (fixture);
  g_autoptr(GAsyncResult) centers_result = NULL;
  g_autoptr(GAsyncResult) types_result = NULL;
  g_autoptr(GListModel) centers = NULL;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(GError) error = NULL;
  gboolean center_found = FALSE;
  gboolean type_found = FALSE;

  hub_client_list_centers_async (fixture->client, fixture->company_id, NULL, on_result,
                                 &centers_result);
  centers = hub_client_list_centers_finish (fixture->client, wait_for (&centers_result),
                                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (centers); i++)
    {
      g_autoptr(HubCenter) center = g_list_model_get_item (centers, i);

      center_found |= g_str_equal (hub_center_get_id (center), hub_result_get_center_id (sample));
    }
  g_assert_true (center_found);

  hub_client_list_document_types_async (fixture->client, NULL, on_result, &types_result);
  types = hub_client_list_document_types_finish (fixture->client, wait_for (&types_result),
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (types), >=, 20);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(HubDocumentType) type = g_list_model_get_item (types, i);

      g_assert_cmpint (hub_document_type_get_visit_type (type), !=, HUB_VISIT_TYPE_ANY);
      type_found |= g_str_equal (hub_document_type_get_code (type),
                                 hub_result_get_document_type (sample));
    }
  g_assert_true (type_found);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(HubResultPage) all = NULL;
  g_autoptr(GError) error = NULL;
  HubResultList *list;
  HubResult *item;
  guint total;

  all = search (fixture, NULL, NULL, 1, &error);
  g_assert_no_error (error);
  total = hub_result_page_get_total (all);

  list = hub_result_list_new (fixture->client, fixture->company_id, NULL, 10);
  while (!hub_result_list_get_ready (list))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, MIN (10, total));

  item = g_list_model_get_item (G_LIST_MODEL (list), 25);
  g_assert_true (hub_result_is_placeholder (item));
  g_object_unref (item);
  while (hub_result_list_get_n_loaded (list) < 26)
    g_main_context_iteration (NULL, TRUE);
  while (hub_result_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, 30);

  item = g_list_model_get_item (G_LIST_MODEL (list), 25);
  g_assert_false (hub_result_is_placeholder (item));
  g_assert_cmpstr (hub_result_get_company_id (item), ==, fixture->company_id);
  g_object_unref (item);

  {
    GObject *weak = G_OBJECT (list);

    g_object_add_weak_pointer (weak, (gpointer *) &weak);
    g_object_unref (list);
    g_assert_null (weak);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/results-live/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("search-pages", test_search_pages);
  ADD ("search-by-name", test_search_by_name);
  ADD ("search-criteria", test_search_criteria);
  ADD ("search-refused", test_search_refused);
  ADD ("search-archived", test_search_archived);
  ADD ("flag-and-review", test_flag_and_review);
  ADD ("get-and-download", test_get_and_download);
  ADD ("other-company-refused", test_other_company_refused);
  ADD ("changes", test_changes);
  ADD ("centers-and-document-types", test_centers_and_document_types);
  ADD ("list", test_list);

#undef ADD

  return g_test_run ();
}
