/* test-preferences.c: the preferences dialog in a real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>

#include "hub-app-test-util.h"
#include "hub-preferences-dialog.h"
#include "hub-window.h"

static void
test_server_and_downloads (void)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr (GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autofree char *server = NULL;
  HubWindow *window;
  AdwDialog *dialog;
  GtkWidget *row;
  GtkWidget *downloads;

  g_settings_set_string (settings, "download-folder", "/srv/hr/results");

  window = hub_window_new (NULL, settings);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  hub_window_start (window);

  dialog = hub_preferences_dialog_new (settings);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  hub_app_test_settle (400);

  /* The chosen download folder is shown where the user can change it. */
  downloads = hub_app_test_find (GTK_WIDGET (dialog), "downloads-row");
  g_assert_nonnull (downloads);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (downloads)), ==,
                   "/srv/hr/results");

  /* A plain-http address elsewhere than this machine is refused... */
  row = hub_app_test_find (GTK_WIDGET (dialog), "server-row");
  gtk_editable_set_text (GTK_EDITABLE (row), "http://hub.example.com");
  g_signal_emit_by_name (row, "apply");
  server = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (server, ==, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_clear_pointer (&server, g_free);

  /* ...and a host name becomes an https address. */
  gtk_editable_set_text (GTK_EDITABLE (row), "hub.example.com/");
  g_signal_emit_by_name (row, "apply");
  server = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (server, ==, "https://hub.example.com");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (window), "preferences"));

  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  hub_app_test_init (&argc, &argv);

  g_test_add_func ("/app/preferences/server-and-downloads", test_server_and_downloads);

  return g_test_run ();
}
