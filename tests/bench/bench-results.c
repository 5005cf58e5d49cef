/* bench-results.c: Visit Results against a local hubd with the large demo
 * data set: from a search firing to its first page of hits drawn, and the
 * memory the app holds after scrolling through 10,000 rows.
 *
 * The name field waits 250 ms after the last key before it searches, so
 * that typing does not send a request per letter. That pause is set to
 * nothing here, so the search fires at the next turn of the main loop
 * after the text changes: what is timed starts with the text change and
 * ends with the first frame painted once the first page of hits is in the
 * list. It holds replacing the previous list in the view, the request,
 * and laying out and drawing the new rows.
 *
 * Memory is measured first, right after sign-in and after scrolling, so
 * that the searches leave nothing in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hub-app-test-util.h"
#include "hub-core.h"
#include "hub-dashboard-page.h"
#include "hub-results-page.h"
#include "hub-test-server.h"
#include "hub-window.h"

#define DEMO_ADMIN    "admin@northwind.example"
#define DEMO_PASSWORD "HubDemo!2026"
#define WAIT_MS       60000
#define RUNS          20
#define SCROLL_ROWS   10000

typedef struct {
  HubWindow      *window;
  HubResultsPage *page;
  GtkWidget      *view;
  GtkAdjustment  *vadjustment;

  /* The search being timed, when its first page arrived in the list (the
   * view binds its rows before anyone else hears of it), and when it was
   * drawn. */
  const char     *name;
  gint64          listed_at;
  gint64          drawn_at;

  /* A frame was painted since the list last changed. */
  gboolean        painted;
  HubResultList  *watched;
  gulong          items_changed_id;
} Bench;

static gboolean
sign_in_shown (gpointer data)
{
  Bench *bench = data;

  return g_strcmp0 (hub_window_get_visible_page (bench->window), "sign-in") == 0;
}

static gboolean
dashboard_ready (gpointer data)
{
  Bench *bench = data;
  GtkWidget *label;

  if (g_strcmp0 (hub_window_get_visible_page (bench->window), "main") != 0)
    return FALSE;
  label = hub_app_test_find (GTK_WIDGET (bench->window), "greeting-label");
  label = gtk_widget_get_ancestor (label, HUB_TYPE_DASHBOARD_PAGE);

  return g_strcmp0 (hub_dashboard_page_get_state (HUB_DASHBOARD_PAGE (label)), "content") == 0;
}

static HubResultList *
current_list (Bench *bench)
{
  GListModel *model = hub_results_page_get_model (bench->page);

  if (model == NULL)
    return NULL;

  return HUB_RESULT_LIST (gtk_multi_selection_get_model (GTK_MULTI_SELECTION (model)));
}

/* The list is the search for @bench->name (NULL: no name), the page shows
 * it, and its first row is a result. */
static gboolean
first_page_in (Bench *bench)
{
  HubResultList *list = current_list (bench);
  g_autoptr (HubResult) first = NULL;
  const char *name;

  if (list == NULL || !hub_result_list_get_ready (list))
    return FALSE;

  name = hub_result_query_get_name (hub_result_list_get_query (list));
  if (g_strcmp0 (name != NULL ? name : "", bench->name != NULL ? bench->name : "") != 0)
    return FALSE;
  if (g_strcmp0 (hub_results_page_get_list_state (bench->page), "list") != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return FALSE;

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return !hub_result_is_placeholder (first);
}

static void
on_items_changed (Bench *bench)
{
  bench->painted = FALSE;

  if (bench->listed_at == 0 && bench->name != NULL &&
      hub_result_list_get_ready (bench->watched) &&
      g_strcmp0 (hub_result_query_get_name (hub_result_list_get_query (bench->watched)),
                 bench->name) == 0)
    bench->listed_at = g_get_monotonic_time ();
}

/* Follows the list the page shows now: a search replaces it. */
static void
watch_list (Bench *bench)
{
  HubResultList *list = current_list (bench);

  if (list == bench->watched)
    return;

  if (bench->watched != NULL)
    g_clear_signal_handler (&bench->items_changed_id, bench->watched);
  g_clear_object (&bench->watched);

  if (list != NULL) {
    bench->watched = g_object_ref (list);
    bench->items_changed_id = g_signal_connect_swapped (list, "items-changed",
                                                        G_CALLBACK (on_items_changed), bench);
  }
}

static void
on_model_changed (Bench *bench)
{
  watch_list (bench);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  Bench *bench = data;

  watch_list (bench);
  bench->painted = TRUE;

  if (bench->drawn_at == 0 && first_page_in (bench))
    bench->drawn_at = g_get_monotonic_time ();
}

static gboolean
first_page_drawn (gpointer data)
{
  return ((Bench *) data)->drawn_at != 0;
}

static gboolean
results_settled (gpointer data)
{
  Bench *bench = data;

  return first_page_in (bench) && bench->painted;
}

/* The rows the view shows are results, not placeholders, and drawn.
 * Asking for the last row in view also asks the list to load it, as the
 * view itself does. */
static gboolean
rows_in_view_loaded (gpointer data)
{
  Bench *bench = data;
  HubResultList *list = current_list (bench);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  double upper = gtk_adjustment_get_upper (bench->vadjustment);
  double bottom = gtk_adjustment_get_value (bench->vadjustment) +
                  gtk_adjustment_get_page_size (bench->vadjustment);
  g_autoptr (HubResult) last = NULL;
  double position;

  watch_list (bench);
  if (n_items == 0 || upper <= 0)
    return FALSE;

  position = CLAMP (floor (bottom / (upper / n_items)) - 1, 0, n_items - 1);
  last = g_list_model_get_item (G_LIST_MODEL (list), (guint) position);

  return !hub_result_is_placeholder (last) && bench->painted;
}

static gboolean
list_idle (gpointer data)
{
  return !hub_result_list_get_loading (current_list (data));
}

static double
rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p th percentile of the sorted @values, by nearest rank. */
static double
percentile (const double *values,
            guint         n,
            double        p)
{
  guint rank = (guint) ceil (p / 100.0 * n);

  return values[CLAMP (rank, 1, n) - 1];
}

/* Distinct last names from the loaded part of the unfiltered list. */
static GPtrArray *
collect_last_names (Bench *bench)
{
  HubResultList *list = current_list (bench);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hub_result_list_get_n_loaded (list) && names->len < RUNS; i++) {
    g_autoptr (HubResult) result = g_list_model_get_item (G_LIST_MODEL (list), i);
    const char *last_name = hub_result_get_employee_last_name (result);

    if (last_name != NULL && *last_name != '\0' &&
        !g_ptr_array_find_with_equal_func (names, last_name, g_str_equal, NULL))
      g_ptr_array_add (names, g_strdup (last_name));
  }

  return names;
}

static void
sign_in (Bench      *bench,
         GSettings  *settings,
         const char *base_url)
{
  bench->window = hub_window_new (NULL, settings);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1200, 800);
  hub_window_set_server (bench->window, base_url);
  gtk_window_present (GTK_WINDOW (bench->window));
  hub_window_start (bench->window);
  g_assert_true (hub_app_test_wait (sign_in_shown, bench, WAIT_MS));

  hub_window_sign_in (bench->window, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_ready, bench, WAIT_MS));
  hub_app_test_settle (500);
}

static void
open_results (Bench *bench)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-results",
                                             "s", "all"));
  view = hub_app_test_find (GTK_WIDGET (bench->window), "results-view");
  g_assert_nonnull (view);
  bench->page = HUB_RESULTS_PAGE (gtk_widget_get_ancestor (view, HUB_TYPE_RESULTS_PAGE));
  bench->view = view;
  g_signal_connect_swapped (view, "notify::model", G_CALLBACK (on_model_changed), bench);
  bench->vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (hub_app_test_wait (results_settled, bench, WAIT_MS));
}

/* Page Down after Page Down, each step drawn with its rows loaded, until
 * the list has loaded @n_rows. */
static void
scroll_through (Bench *bench,
                guint  n_rows)
{
  HubResultList *list = current_list (bench);
  guint steps = 0;

  g_assert_cmpuint (hub_result_list_get_total (list), >=, n_rows);

  while (hub_result_list_get_n_loaded (list) < n_rows) {
    double value = gtk_adjustment_get_value (bench->vadjustment);
    double page = gtk_adjustment_get_page_size (bench->vadjustment);
    double end = gtk_adjustment_get_upper (bench->vadjustment) - page;

    g_assert_cmpfloat (value, <, end);
    bench->painted = FALSE;
    gtk_adjustment_set_value (bench->vadjustment, MIN (value + page, end));
    gtk_widget_queue_draw (GTK_WIDGET (bench->window));
    g_assert_true (hub_app_test_wait (rows_in_view_loaded, bench, WAIT_MS));
    steps++;
  }

  g_print ("# scrolled %u pages to load %u rows\n", steps, hub_result_list_get_n_loaded (list));
}

/* As typing over a selection does, the text never goes empty on the way:
 * gtk_editable_set_text() deletes everything first, and an empty search
 * field searches for everything at once, without the pause. */
static void
replace_text (GtkEditable *editable,
              const char  *text)
{
  int position = 0;

  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_delete_text (editable, position, -1);
}

static double
time_search (Bench      *bench,
             GtkWidget  *entry,
             const char *name,
             guint       run)
{
  gint64 start;
  g_autoptr (HubResult) first = NULL;

  bench->name = name;
  bench->listed_at = 0;
  bench->drawn_at = 0;

  start = g_get_monotonic_time ();
  replace_text (GTK_EDITABLE (entry), name);
  g_assert_true (hub_app_test_wait (first_page_drawn, bench, WAIT_MS));

  /* The name field searches first and last names: the first hit is
   * someone of that name. */
  first = g_list_model_get_item (G_LIST_MODEL (current_list (bench)), 0);
  if (g_ascii_strcasecmp (hub_result_get_employee_last_name (first), name) != 0)
    g_assert_cmpstr (hub_result_get_employee_first_name (first), ==, name);

  g_print ("# search %u: first page in the list and bound to rows after %.1f ms, "
           "drawn after %.1f ms, %u hits\n", run,
           bench->listed_at != 0 ? (bench->listed_at - start) / 1000.0 : NAN,
           (bench->drawn_at - start) / 1000.0, hub_result_list_get_total (current_list (bench)));

  return (bench->drawn_at - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubTestServer) server = NULL;
  g_autoptr (GSettingsBackend) backend = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GPtrArray) names = NULL;
  Bench bench = { 0 };
  GdkFrameClock *clock;
  GtkWidget *entry;
  gulong handler;
  double rss_signed_in;
  double rss_scrolled;
  double ms[RUNS];

  hub_app_test_init (&argc, &argv);
  /* The test framework prefixes printed lines with "# "; figures go out
   * as they are. */
  g_set_print_handler (NULL);

  server = hub_test_server_new ("large", NULL, &error);
  g_assert_no_error (error);

  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_with_backend (APP_ID, backend);
  sign_in (&bench, settings, hub_test_server_get_base_url (server));
  rss_signed_in = rss_mib ();

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &bench);

  open_results (&bench);
  names = collect_last_names (&bench);
  g_assert_cmpuint (names->len, >=, 2);
  g_print ("# %u results without criteria\n", hub_result_list_get_total (current_list (&bench)));
  scroll_through (&bench, SCROLL_ROWS);
  hub_app_test_settle (500);
  rss_scrolled = rss_mib ();

  g_print ("BENCH results_rss_after_sign_in %.1f MiB target -\n", rss_signed_in);
  g_print ("BENCH results_rss_after_10000_rows %.1f MiB target -\n", rss_scrolled);
  g_print ("BENCH results_rss_ratio %.2f ratio target 1.5\n", rss_scrolled / rss_signed_in);

  /* Searches, by a different last name each time. */
  entry = hub_app_test_find (GTK_WIDGET (bench.window), "results-search");
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (entry), 0);
  bench.painted = FALSE;
  gtk_adjustment_set_value (bench.vadjustment, 0);
  g_assert_true (hub_app_test_wait (rows_in_view_loaded, &bench, WAIT_MS));

  for (guint i = 0; i < RUNS; i++) {
    const char *name = g_ptr_array_index (names, i % names->len);

    ms[i] = time_search (&bench, entry, name, i + 1);

    /* The view asks for the rows after the first page too: those load
     * before the next search. */
    hub_app_test_settle (300);
    g_assert_true (hub_app_test_wait (list_idle, &bench, WAIT_MS));
  }

  qsort (ms, RUNS, sizeof (double), compare_doubles);
  g_print ("BENCH results_search_to_first_page_p50 %.1f ms target -\n", percentile (ms, RUNS, 50));
  g_print ("BENCH results_search_to_first_page_p95 %.1f ms target 100\n",
           percentile (ms, RUNS, 95));

  g_signal_handler_disconnect (clock, handler);
  g_signal_handlers_disconnect_by_data (bench.view, &bench);
  if (bench.watched != NULL)
    g_clear_signal_handler (&bench.items_changed_id, bench.watched);
  g_clear_object (&bench.watched);
  gtk_window_destroy (GTK_WINDOW (bench.window));

  return 0;
}
