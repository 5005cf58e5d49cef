/* hub-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-application.h"
#include "hub-demo-server.h"
#include "hub-preferences-dialog.h"
#include "hub-set-password-dialog.h"
#include "hub-window.h"

struct _HubApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  HubDemoServer  *demo_server;
  char           *demo_size;
  char           *server_override;
  gboolean        demo;
  gboolean        bench_first_frame;
};

G_DEFINE_FINAL_TYPE (HubApplication, hub_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 'd', 0, G_OPTION_ARG_NONE, NULL,
    N_("Start a private HUB server with demo data and sign in to it"), NULL },
  { "demo-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Size of the demo data: small, medium or large"), N_("SIZE") },
  { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Use this HUB server address for this run only"), N_("URL") },
  { "bench-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    "Print when the first frame is drawn, then quit (for benchmarks)", NULL },
  { NULL }
};

HubApplication *
hub_application_new (void)
{
  return g_object_new (HUB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/hubdesk/HubDesk",
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
hub_application_get_settings (HubApplication *self)
{
  g_return_val_if_fail (HUB_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
hub_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  HubApplication *self = HUB_APPLICATION (application);
  const char *size = NULL;
  const char *server = NULL;

  self->demo = g_variant_dict_contains (options, "demo");
  self->bench_first_frame = g_variant_dict_contains (options, "bench-first-frame");

  if (g_variant_dict_lookup (options, "demo-size", "&s", &size)) {
    if (g_strcmp0 (size, "small") != 0 && g_strcmp0 (size, "medium") != 0 &&
        g_strcmp0 (size, "large") != 0) {
      g_printerr (_("Unknown demo size “%s”: use small, medium or large.\n"), size);
      return 2;
    }
    self->demo = TRUE;
    g_free (self->demo_size);
    self->demo_size = g_strdup (size);
  }

  if (g_variant_dict_lookup (options, "server", "&s", &server)) {
    g_autoptr (GError) error = NULL;

    g_free (self->server_override);
    self->server_override = hub_preferences_normalize_server_url (server, &error);
    if (self->server_override == NULL) {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  }

  /* A benchmark or a demo must not hand over to an instance that is
   * already running with other data. */
  if (self->demo || self->bench_first_frame)
    g_application_set_flags (application,
                             g_application_get_flags (application) |
                             G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
on_first_frame (GdkFrameClock *clock,
                gpointer       user_data)
{
  GApplication *application = user_data;

  /* Standard output, not a log: the start-up benchmark reads this line
   * from the process it started (only with --bench-first-frame). */
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, user_data);
  g_print ("FIRST_FRAME\n");
  g_application_quit (application);
}

static void
on_window_mapped (GtkWidget *window,
                  gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), user_data);
}

static void
on_demo_started (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (HubWindow) window = user_data;
  HubDemoServer *server = HUB_DEMO_SERVER (source);
  g_autoptr (GError) error = NULL;

  if (!hub_demo_server_start_finish (server, result, &error)) {
    hub_window_show_start_error (window, _("The Demo Could Not Start"), error->message);
    return;
  }

  hub_window_set_server (window, hub_demo_server_get_base_url (server));
  hub_window_sign_in (window, HUB_DEMO_EMAIL, HUB_DEMO_PASSWORD, FALSE);
}

static void
hub_application_activate (GApplication *application)
{
  HubApplication *self = HUB_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL) {
    gtk_window_present (window);
    return;
  }

  window = GTK_WINDOW (hub_window_new (self, self->settings));

  if (self->bench_first_frame)
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), self);

  gtk_window_present (window);

  if (self->demo) {
    self->demo_server = hub_demo_server_new (self->demo_size);
    hub_window_disable_keyring (HUB_WINDOW (window));
    hub_window_show_starting (HUB_WINDOW (window), _("Starting the Demo"));
    hub_demo_server_start_async (self->demo_server, NULL, on_demo_started,
                                 g_object_ref (window));
    return;
  }

  if (self->server_override != NULL)
    hub_window_set_server (HUB_WINDOW (window), self->server_override);
  else
    hub_window_follow_server_setting (HUB_WINDOW (window));

  hub_window_start (HUB_WINDOW (window));
}

/* Reset and invitation emails link to hubdesk://set-password?token=…; the
 * desktop file registers the scheme, so a click lands here. */
static void
hub_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    return;

  for (int i = 0; i < n_files; i++) {
    g_autofree char *uri = g_file_get_uri (files[i]);
    g_autofree char *token = NULL;

    if (!g_str_has_prefix (uri, "hubdesk://set-password"))
      continue;

    token = hub_set_password_dialog_token_from_link (uri);
    if (token != NULL)
      hub_window_show_set_password (HUB_WINDOW (window), token);
  }
}

static void
hub_application_shutdown (GApplication *application)
{
  HubApplication *self = HUB_APPLICATION (application);

  if (self->demo_server != NULL)
    hub_demo_server_stop (self->demo_server);

  G_APPLICATION_CLASS (hub_application_parent_class)->shutdown (application);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing through the windows lets each one save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (application);
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HubApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog *dialog = hub_preferences_dialog_new (self->settings);

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *window = gtk_application_get_active_window (application);
  AdwDialog *dialog;
  const char *developers[] = { "HUB Desk developers", NULL };

  dialog = adw_about_dialog_new ();
  g_object_set (dialog,
                "application-name", _("HUB Desk"),
                "application-icon", APP_ID,
                "developer-name", _("HUB Desk developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Authorize employee care, keep visit reports and "
                              "manage your company’s occupational-health account, "
                              "on your desktop."),
                "website", "https://github.com/hubdesk/hubdesk",
                "issue-url", "https://github.com/hubdesk/hubdesk/issues",
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 HUB Desk developers",
                "developers", developers,
                "translator-credits", _("translator-credits"),
                NULL);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* New-result notifications land here. */
static void
on_show_results (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window == NULL)
    return;

  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-results", parameter);
}

static const GActionEntry app_actions[] = {
  { "show-results", on_show_results, "s" },
  { "quit", on_quit },
  { "preferences", on_preferences },
  { "about", on_about },
};

static void
hub_application_startup (GApplication *application)
{
  HubApplication *self = HUB_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *sign_out_accels[] = { "<Control><Shift>l", NULL };
  static const char *change_company_accels[] = { "<Control><Shift>o", NULL };
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (hub_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sign-out",
                                         sign_out_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.change-company",
                                         change_company_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh",
                                         refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
hub_application_finalize (GObject *object)
{
  HubApplication *self = HUB_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->demo_server);
  g_free (self->demo_size);
  g_free (self->server_override);

  G_OBJECT_CLASS (hub_application_parent_class)->finalize (object);
}

static void
hub_application_class_init (HubApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hub_application_finalize;

  app_class->handle_local_options = hub_application_handle_local_options;
  app_class->startup = hub_application_startup;
  app_class->activate = hub_application_activate;
  app_class->open = hub_application_open;
  app_class->shutdown = hub_application_shutdown;
}

static void
hub_application_init (HubApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("HUB Desk: occupational-health records and authorizations for employers."));
}
