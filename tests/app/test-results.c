/* test-results.c: Visit Results and Reports in the real window, against a
 * real hubd: search, open, flag, review, merged download, empty search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "hub-app-test-util.h"
#include "hub-core.h"
#include "hub-dashboard-page.h"
#include "hub-main-view.h"
#include "hub-pdf-view.h"
#include "hub-results-page.h"
#include "hub-test-server.h"
#include "hub-window.h"

#define DEMO_ADMIN    "admin@northwind.example"
#define DEMO_PASSWORD "HubDemo!2026"
#define WAIT_MS       30000
#define FEED_KEY      "results-test-feed-key-0123456789"

static HubTestServer *server;

typedef struct {
  GSettings      *settings;
  HubWindow      *window;
  HubResultsPage *page;
} Fixture;

static gboolean
dashboard_is_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *label;

  if (g_strcmp0 (hub_window_get_visible_page (fixture->window), "main") != 0)
    return FALSE;
  label = hub_app_test_find (GTK_WIDGET (fixture->window), "greeting-label");
  label = gtk_widget_get_ancestor (label, HUB_TYPE_DASHBOARD_PAGE);

  return g_strcmp0 (hub_dashboard_page_get_state (HUB_DASHBOARD_PAGE (label)), "content") == 0;
}

static gboolean
page_is_sign_in (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (hub_window_get_visible_page (fixture->window), "sign-in") == 0;
}

static gboolean
list_is_settled (gpointer data)
{
  Fixture *fixture = data;
  const char *state = hub_results_page_get_list_state (fixture->page);
  GListModel *model = hub_results_page_get_model (fixture->page);
  g_autoptr (HubResult) first = NULL;

  HubResultList *list;

  if (model == NULL)
    return FALSE;

  /* The current search has answered, and the page shows what it said. */
  list = HUB_RESULT_LIST (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model)));
  if (!hub_result_list_get_ready (list) && hub_result_list_get_error (list) == NULL)
    return FALSE;
  if (g_strcmp0 (state, "empty") == 0 || g_strcmp0 (state, "error") == 0)
    return TRUE;
  if (g_strcmp0 (state, "list") != 0 || g_list_model_get_n_items (model) == 0)
    return FALSE;

  first = g_list_model_get_item (model, 0);
  return !hub_result_is_placeholder (first);
}

static const char *searched_name;

/* The search for searched_name has run and answered: the entry waits a
 * moment after typing before it searches. */
static gboolean
list_searched (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = hub_results_page_get_model (fixture->page);
  HubResultList *list;

  if (model == NULL)
    return FALSE;
  list = HUB_RESULT_LIST (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model)));

  return g_strcmp0 (hub_result_query_get_name (hub_result_list_get_query (list)),
                    searched_name) == 0 &&
         list_is_settled (fixture);
}

static void
search_for (Fixture    *fixture,
            const char *name)
{
  searched_name = name;
  hub_app_test_set_text (GTK_WIDGET (fixture->window), "results-search", name);
  g_assert_true (hub_app_test_wait (list_searched, fixture, WAIT_MS));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();
  int width = GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 1400;
  GtkWidget *table;

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->window = hub_window_new (NULL, fixture->settings);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 860);
  hub_window_set_server (fixture->window, hub_test_server_get_base_url (server));
  gtk_window_present (GTK_WINDOW (fixture->window));
  hub_window_start (fixture->window);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));

  hub_window_sign_in (fixture->window, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results",
                                             "s", "all"));
  table = hub_app_test_find (GTK_WIDGET (fixture->window), "results-view");
  fixture->page = HUB_RESULTS_PAGE (gtk_widget_get_ancestor (table, HUB_TYPE_RESULTS_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (hub_app_test_wait (list_is_settled, fixture, WAIT_MS));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->window);
  g_clear_object (&fixture->settings);
}

static HubResult *
item_at (Fixture *fixture,
         guint    position)
{
  return g_list_model_get_item (hub_results_page_get_model (fixture->page), position);
}

static gboolean
viewer_is_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *viewer = hub_results_page_get_viewer (fixture->page);
  const char *state = hub_pdf_view_get_state (HUB_PDF_VIEW (viewer));

  return g_strcmp0 (state, "ready") == 0 || g_strcmp0 (state, "error") == 0;
}

static void
test_list_search_and_open (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *model = hub_results_page_get_model (fixture->page);
  g_autoptr (HubResult) first = item_at (fixture, 0);
  g_autofree char *last_name = g_strdup (hub_result_get_employee_last_name (first));
  guint all = g_list_model_get_n_items (model);
  GtkWidget *viewer;

  g_assert_cmpuint (all, >, 1);
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-list-wide"));

  /* Searching by a last name narrows the list to that employee. */
  search_for (fixture, last_name);
  model = hub_results_page_get_model (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (model), 20); i++) {
    g_autoptr (HubResult) result = item_at (fixture, i);

    if (!hub_result_is_placeholder (result))
      g_assert_cmpstr (hub_result_get_employee_last_name (result), ==, last_name);
  }

  /* Opening a result renders it beside the list. */
  hub_results_page_open_position (fixture->page, 0);
  g_assert_true (hub_app_test_wait (viewer_is_ready, fixture, WAIT_MS));
  viewer = hub_results_page_get_viewer (fixture->page);
  g_assert_cmpstr (hub_pdf_view_get_state (HUB_PDF_VIEW (viewer)), ==, "ready");
  g_assert_cmpuint (hub_pdf_view_get_n_pages (HUB_PDF_VIEW (viewer)), >=, 1);
  hub_app_test_settle (800);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-viewer-wide"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  hub_app_test_settle (800);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-viewer-wide-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean was_flagged;

static gboolean
first_flag_turned (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr (HubResult) first = item_at (fixture, 0);

  return first != NULL && hub_result_get_flagged (first) != was_flagged;
}

static gboolean
first_flag_turned_and_reviewed (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr (HubResult) first = item_at (fixture, 0);

  return first != NULL && hub_result_get_flagged (first) != was_flagged &&
         hub_result_get_reviewed (first);
}

static void
test_flag_and_review (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (HubResult) first = NULL;

  /* Start from a result nobody reviewed yet. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hub_app_test_find (GTK_WIDGET (fixture->window),
                                                                     "unreviewed-toggle")),
                                TRUE);
  g_assert_true (hub_app_test_wait (list_is_settled, fixture, WAIT_MS));
  first = item_at (fixture, 0);
  g_assert_nonnull (first);
  g_assert_false (hub_result_get_reviewed (first));
  was_flagged = hub_result_get_flagged (first);

  hub_results_page_open_position (fixture->page, 0);
  g_assert_true (hub_app_test_wait (viewer_is_ready, fixture, WAIT_MS));

  /* One at a time, as a person would: each answer carries both marks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "results.flag", NULL));
  g_assert_true (hub_app_test_wait (first_flag_turned, fixture, WAIT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "results.review-current", NULL));
  g_assert_true (hub_app_test_wait (first_flag_turned_and_reviewed, fixture, WAIT_MS));
  if (!hub_result_get_flagged (first))
    return;

  /* The flagged chip finds it again. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hub_app_test_find (GTK_WIDGET (fixture->window),
                                                                     "unreviewed-toggle")),
                                FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hub_app_test_find (GTK_WIDGET (fixture->window),
                                                                     "flagged-toggle")),
                                TRUE);
  g_assert_true (hub_app_test_wait (list_is_settled, fixture, WAIT_MS));
  g_assert_cmpstr (hub_results_page_get_list_state (fixture->page), ==, "list");
  {
    g_autoptr (HubResult) flagged = item_at (fixture, 0);

    g_assert_nonnull (flagged);
    g_assert_true (hub_result_get_flagged (flagged));
  }
}

static gboolean
download_done (gpointer data)
{
  Fixture *fixture = data;

  return !hub_results_page_get_downloading (fixture->page);
}

static void
test_merged_download (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = hub_results_page_get_model (fixture->page);
  g_autofree char *dir = g_dir_make_tmp ("hubdesk-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  PopplerDocument *merged;
  g_autoptr (GError) error = NULL;
  guint pages = 0;

  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3);
  for (guint i = 0; i < 3; i++) {
    g_autoptr (HubResult) result = item_at (fixture, i);

    pages += hub_result_get_document_pages (result);
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, i == 0);
  }

  hub_results_page_save_selection (fixture->page, file, TRUE);
  g_assert_true (hub_app_test_wait (download_done, fixture, WAIT_MS));

  uri = g_filename_to_uri (path, NULL, NULL);
  merged = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (merged), ==, pages);
  g_object_unref (merged);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_empty_search_says_why (Fixture       *fixture,
                            gconstpointer  data)
{
  search_for (fixture, "Zzyzx Nobody");
  g_assert_cmpstr (hub_results_page_get_list_state (fixture->page), ==, "empty");
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-empty"));
}

/* Damages the document hubd keeps for @result_id, as a broken disk or a
 * bad copy would, and makes hubd believe the damaged bytes are right. */
static void
damage_document (const char *result_id)
{
  const char *data_dir = hub_test_server_get_data_dir (server);
  g_autofree char *name = g_strconcat (result_id, ".pdf", NULL);
  g_autofree char *path = g_build_filename (data_dir, "documents", name, NULL);
  g_autofree char *db_path = g_build_filename (data_dir, "hubd.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  /* Only the start survives: poppler can rebuild a lot, not this. */
  length = MIN (length, 300);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE results SET content_sha256 = ? WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_ascii_strtoll (result_id + strlen ("re_"), NULL, 10));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
viewer_is_settled_on (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *viewer = hub_results_page_get_viewer (fixture->page);

  return viewer_is_ready (fixture) &&
         g_strcmp0 (hub_pdf_view_get_state (HUB_PDF_VIEW (viewer)), "loading") != 0;
}

static void
test_damaged_document_says_so (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (HubResult) first = item_at (fixture, 0);
  GtkWidget *viewer = hub_results_page_get_viewer (fixture->page);

  /* Opened once, so that hubd draws and keeps it. */
  hub_results_page_open_position (fixture->page, 0);
  g_assert_true (hub_app_test_wait (viewer_is_settled_on, fixture, WAIT_MS));
  g_assert_cmpstr (hub_pdf_view_get_state (HUB_PDF_VIEW (viewer)), ==, "ready");

  damage_document (hub_result_get_id (first));

  hub_results_page_open_position (fixture->page, 1);
  g_assert_true (hub_app_test_wait (viewer_is_settled_on, fixture, WAIT_MS));
  hub_results_page_open_position (fixture->page, 0);
  hub_app_test_settle (200);
  g_assert_true (hub_app_test_wait (viewer_is_settled_on, fixture, WAIT_MS));

  /* Said in words, in the viewer; the list and the window go on working. */
  g_assert_cmpstr (hub_pdf_view_get_state (HUB_PDF_VIEW (viewer)), ==, "error");
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-damaged-document"));

  hub_results_page_open_position (fixture->page, 1);
  g_assert_true (hub_app_test_wait (viewer_is_settled_on, fixture, WAIT_MS));
  g_assert_cmpstr (hub_pdf_view_get_state (HUB_PDF_VIEW (viewer)), ==, "ready");
}

/* Posts a result as a clinic would, through hubd's feed. */
static void
post_result (HubResult  *like,
             const char *last_name)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strconcat (hub_test_server_get_base_url (server),
                                      "/api/v1/feed/results", NULL);
  g_autofree char *json = NULL;
  gsize length;

  json = g_strdup_printf ("{\"company_id\": \"%s\", \"document_type\": \"audiogram\","
                          " \"visit\": {\"location_id\": \"%s\", \"center_id\": \"%s\","
                          " \"visit_date\": \"%s\", \"visit_type\": \"non_injury\","
                          " \"employee\": {\"first_name\": \"Rowan\", \"last_name\": \"%s\","
                          " \"date_of_birth\": \"1990-04-02\"}}}",
                          hub_result_get_company_id (like), hub_result_get_location_id (like),
                          hub_result_get_center_id (like), hub_result_get_visit_date (like),
                          last_name);
  length = strlen (json);
  body = g_bytes_new_take (g_steal_pointer (&json), length);
  message = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "X-Feed-Key", FEED_KEY);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 201);
}

static void
on_new_results (HubMainView *view,
                guint        count,
                guint       *seen)
{
  *seen += count;
}

static gboolean
seen_some (gpointer data)
{
  return *(guint *) data > 0;
}

static gboolean
list_has_one (gpointer data)
{
  Fixture *fixture = data;

  return list_is_settled (fixture) &&
         g_list_model_get_n_items (hub_results_page_get_model (fixture->page)) == 1;
}

static void
test_new_result_is_announced (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (HubResult) like = item_at (fixture, 0);
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (fixture->page), HUB_TYPE_MAIN_VIEW);
  guint seen = 0;

  g_assert_nonnull (view);
  g_signal_connect (view, "new-results", G_CALLBACK (on_new_results), &seen);
  hub_main_view_set_poll_interval (HUB_MAIN_VIEW (view), 1);

  post_result (like, "Quillfeather");
  g_assert_true (hub_app_test_wait (seen_some, &seen, WAIT_MS));
  g_assert_cmpuint (seen, ==, 1);

  /* The list already has it: searching finds it. */
  search_for (fixture, "Quillfeather");
  g_assert_true (hub_app_test_wait (list_has_one, fixture, WAIT_MS));
  g_signal_handlers_disconnect_by_func (view, on_new_results, &seen);
}

static void
test_narrow_viewer_replaces_list (Fixture       *fixture,
                                  gconstpointer  data)
{
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-list-narrow"));
  hub_results_page_open_position (fixture->page, 0);
  g_assert_true (hub_app_test_wait (viewer_is_ready, fixture, WAIT_MS));
  g_assert_true (hub_results_page_get_collapsed (fixture->page));
  hub_app_test_settle (800);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "results-viewer-narrow"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *feed_args[] = { "--feed-key", FEED_KEY, NULL };
  int result;

  hub_app_test_init (&argc, &argv);

  server = hub_test_server_new ("small", feed_args, &error);
  g_assert_no_error (error);

  g_test_add ("/app/results/search-and-open", Fixture, NULL,
              fixture_set_up, test_list_search_and_open, fixture_tear_down);
  g_test_add ("/app/results/flag-and-review", Fixture, NULL,
              fixture_set_up, test_flag_and_review, fixture_tear_down);
  g_test_add ("/app/results/merged-download", Fixture, NULL,
              fixture_set_up, test_merged_download, fixture_tear_down);
  g_test_add ("/app/results/empty-search", Fixture, NULL,
              fixture_set_up, test_empty_search_says_why, fixture_tear_down);
  g_test_add ("/app/results/damaged-document", Fixture, NULL,
              fixture_set_up, test_damaged_document_says_so, fixture_tear_down);
  g_test_add ("/app/results/new-result-announced", Fixture, NULL,
              fixture_set_up, test_new_result_is_announced, fixture_tear_down);
  g_test_add ("/app/results/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_narrow_viewer_replaces_list, fixture_tear_down);

  result = g_test_run ();
  hub_test_server_free (server);

  return result;
}
