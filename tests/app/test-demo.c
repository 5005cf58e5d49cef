/* test-demo.c: `hubdesk --demo`, the README's first command, run as the
 * real application: it starts its own hubd, signs in as the demo User
 * Admin and shows the dashboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "hub-app-test-util.h"
#include "hub-application.h"
#include "hub-dashboard-page.h"
#include "hub-window.h"

#define TIMEOUT_S 60

typedef struct {
  GApplication *app;
  gboolean      reached_dashboard;
  gint64        deadline;
  gint64        shown_at;
  gboolean      offered_remember;
  char         *screenshot;
} Demo;

static gboolean
check_window (gpointer user_data)
{
  Demo *demo = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (demo->app));
  GtkWidget *label;
  GtkWidget *page;

  if (g_get_monotonic_time () > demo->deadline) {
    g_application_quit (demo->app);
    return G_SOURCE_REMOVE;
  }

  if (window == NULL || g_strcmp0 (hub_window_get_visible_page (HUB_WINDOW (window)), "main") != 0)
    return G_SOURCE_CONTINUE;

  label = hub_app_test_find (GTK_WIDGET (window), "greeting-label");
  if (label == NULL)
    return G_SOURCE_CONTINUE;
  page = gtk_widget_get_ancestor (label, HUB_TYPE_DASHBOARD_PAGE);
  if (g_strcmp0 (hub_dashboard_page_get_state (HUB_DASHBOARD_PAGE (page)), "content") != 0)
    return G_SOURCE_CONTINUE;

  /* Let the page transition end before the picture is taken. */
  if (demo->shown_at == 0)
    demo->shown_at = g_get_monotonic_time ();
  if (g_get_monotonic_time () - demo->shown_at < 600 * 1000)
    return G_SOURCE_CONTINUE;

  demo->reached_dashboard = strstr (gtk_label_get_text (GTK_LABEL (label)), "Avery") != NULL;

  /* A demo on a new port every time has nothing to remember. */
  demo->offered_remember =
    gtk_widget_get_visible (hub_app_test_find (GTK_WIDGET (window), "remember-row"));
  demo->screenshot = hub_app_test_screenshot (GTK_WIDGET (window), "demo-dashboard");
  g_application_quit (demo->app);

  return G_SOURCE_REMOVE;
}

static void
test_demo_signs_in (void)
{
  g_autoptr (HubApplication) app = hub_application_new ();
  char *argv[] = { (char *) "hubdesk", (char *) "--demo", NULL };
  Demo demo = { 0 };
  int status;

  demo.app = G_APPLICATION (app);
  demo.deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;
  g_timeout_add (100, check_window, &demo);

  status = g_application_run (G_APPLICATION (app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (demo.reached_dashboard);
  g_assert_false (demo.offered_remember);
  g_test_message ("Screenshot: %s", demo.screenshot);
  g_free (demo.screenshot);
}

int
main (int   argc,
      char *argv[])
{
  hub_app_test_init (&argc, &argv);

  g_test_add_func ("/app/demo/signs-in", test_demo_signs_in);

  return g_test_run ();
}
