/* hub-window.c: the main window moves between starting, sign-in and the
 * signed-in views, and owns the session's HubClient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "hub-company-dialog.h"
#include "hub-main-view.h"
#include "hub-set-password-dialog.h"
#include "hub-sign-in-page.h"
#include "hub-window.h"

struct _HubWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HubClient            *client;
  GCancellable         *cancellable;
  char                 *server;
  gboolean              keyring_disabled;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *starting_page;
  GtkSpinner           *starting_spinner;
  GtkButton            *starting_close_button;
  HubSignInPage        *sign_in_page;
  AdwBin               *main_bin;

  /* Made at the first sign-in, so that the sign-in page shows sooner. */
  HubMainView          *main_view;
};

G_DEFINE_FINAL_TYPE (HubWindow, hub_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (HubWindow *self)
{
  gboolean signed_in = self->client != NULL && hub_client_get_signed_in (self->client);
  gboolean main_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") == 0;
  HubUser *user = self->client != NULL ? hub_client_get_user (self->client) : NULL;
  guint companies = 0;

  if (user != NULL)
    companies = g_list_model_get_n_items (hub_user_get_memberships (user));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", signed_in && main_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-company",
                                 signed_in && main_shown && companies > 1);
}

static void
show_page (HubWindow  *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->starting_spinner, g_str_equal (name, "starting"));
  gtk_stack_set_visible_child_name (self->stack, name);
  update_actions (self);
}

void
hub_window_add_toast (HubWindow  *self,
                      const char *message)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static HubMainView *
ensure_main_view (HubWindow *self)
{
  if (self->main_view == NULL) {
    self->main_view = g_object_new (HUB_TYPE_MAIN_VIEW, NULL);
    adw_bin_set_child (self->main_bin, GTK_WIDGET (self->main_view));
  }

  return self->main_view;
}

static void
on_signed_in (HubSignInPage *page,
              HubUser       *user,
              HubWindow     *self)
{
  ensure_main_view (self);
  hub_main_view_set_session (self->main_view, self->client, self->settings);
  show_page (self, "main");
}

static void
on_sign_in_notice (HubSignInPage *page,
                   const char    *message,
                   HubWindow     *self)
{
  hub_window_add_toast (self, message);
}

static void
on_session_expired (HubClient *client,
                    HubWindow *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "main"))
    return;

  if (self->main_view != NULL)
    hub_main_view_clear (self->main_view);
  hub_sign_in_page_reset (self->sign_in_page);
  hub_sign_in_page_show_error (self->sign_in_page,
                               _("Your session has ended. Sign in again to go on."));
  show_page (self, "sign-in");
}

static void
on_credentials_looked_up (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (HubWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;

  if (!hub_credentials_lookup_finish (result, &email, &password, &error)) {
    if (hub_error_is_cancelled (error))
      return;
    g_debug ("No remembered sign-in: %s", error->message);
    hub_sign_in_page_reset (self->sign_in_page);
    show_page (self, "sign-in");
    hub_window_add_toast (self, _("The keyring cannot be opened, so the sign-in "
                                  "was not remembered."));
    return;
  }

  if (email == NULL) {
    hub_sign_in_page_reset (self->sign_in_page);
    show_page (self, "sign-in");
    return;
  }

  show_page (self, "sign-in");
  hub_sign_in_page_sign_in_remembered (self->sign_in_page, email, password);

  if (password != NULL)
    memset (password, 0, strlen (password));
}

void
hub_window_set_server (HubWindow  *self,
                       const char *base_url)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_pointer (&self->server, g_free);

  if (base_url != NULL && *base_url != '\0') {
    self->server = g_strdup (base_url);
    self->client = hub_client_new (base_url);
    g_signal_connect (self->client, "session-expired",
                      G_CALLBACK (on_session_expired), self);
  }

  hub_sign_in_page_set_client (self->sign_in_page, self->client);
  update_actions (self);
}

static void
on_server_setting_changed (GSettings  *settings,
                           const char *key,
                           HubWindow  *self)
{
  g_autofree char *server = g_settings_get_string (settings, "server-url");

  /* A signed-in session keeps its server until the user signs out. */
  if (self->client != NULL && hub_client_get_signed_in (self->client))
    return;
  if (g_strcmp0 (server, self->server) == 0)
    return;

  hub_window_set_server (self, server);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "sign-in"))
    hub_sign_in_page_reset (self->sign_in_page);
}

void
hub_window_follow_server_setting (HubWindow *self)
{
  g_autofree char *server = NULL;

  g_return_if_fail (HUB_IS_WINDOW (self));

  server = g_settings_get_string (self->settings, "server-url");
  hub_window_set_server (self, server);
  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (on_server_setting_changed), self, G_CONNECT_DEFAULT);
}

/* For the embedded demo: its sign-in is neither remembered nor cleared. */
void
hub_window_disable_keyring (HubWindow *self)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  self->keyring_disabled = TRUE;
  hub_sign_in_page_disable_keyring (self->sign_in_page);
}

HubClient *
hub_window_get_client (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return self->client;
}

void
hub_window_start (HubWindow *self)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  if (self->client == NULL) {
    hub_sign_in_page_reset (self->sign_in_page);
    show_page (self, "sign-in");
    return;
  }

  hub_window_show_starting (self, _("Signing In"));
  hub_credentials_lookup_async (self->server, self->cancellable,
                                on_credentials_looked_up, g_object_ref (self));
}

void
hub_window_sign_in (HubWindow  *self,
                    const char *email,
                    const char *password,
                    gboolean    remember)
{
  g_return_if_fail (HUB_IS_WINDOW (self));
  g_return_if_fail (self->client != NULL);

  show_page (self, "sign-in");
  hub_sign_in_page_sign_in (self->sign_in_page, email, password, remember);
}

void
hub_window_show_starting (HubWindow  *self,
                          const char *title)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  adw_status_page_set_title (self->starting_page, title);
  adw_status_page_set_description (self->starting_page, NULL);
  adw_status_page_set_icon_name (self->starting_page, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->starting_spinner), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->starting_close_button), FALSE);
  show_page (self, "starting");
}

void
hub_window_show_start_error (HubWindow  *self,
                             const char *title,
                             const char *message)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  adw_status_page_set_title (self->starting_page, title);
  adw_status_page_set_description (self->starting_page, message);
  adw_status_page_set_icon_name (self->starting_page, "dialog-error-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->starting_spinner), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->starting_close_button), TRUE);
  show_page (self, "starting");
}

void
hub_window_show_set_password (HubWindow  *self,
                              const char *token)
{
  g_return_if_fail (HUB_IS_WINDOW (self));

  if (self->client == NULL) {
    hub_window_add_toast (self, _("Set the HUB server in Preferences, then open "
                                  "the link again."));
    return;
  }

  adw_dialog_present (hub_set_password_dialog_new (self->client, token), GTK_WIDGET (self));
}

const char *
hub_window_get_visible_page (HubWindow *self)
{
  g_return_val_if_fail (HUB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
on_signed_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* The token is forgotten locally either way; a server that cannot be
   * reached lets it expire on its own. */
  if (!hub_client_sign_out_finish (HUB_CLIENT (source), result, &error))
    g_debug ("Signing out on the server failed: %s", error->message);
}

static void
on_credentials_cleared (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (HubWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hub_credentials_clear_finish (result, &error))
    hub_window_add_toast (self, _("The remembered sign-in could not be removed "
                                  "from the keyring."));
}

static void
sign_out (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  HubWindow *self = HUB_WINDOW (widget);

  if (self->client == NULL)
    return;

  hub_client_sign_out_async (self->client, NULL, on_signed_out, NULL);
  if (!self->keyring_disabled) {
    hub_credentials_clear_async (self->server, NULL, on_credentials_cleared,
                                 g_object_ref (self));
    g_settings_set_boolean (self->settings, "remember-me", FALSE);
  }

  if (self->main_view != NULL)
    hub_main_view_clear (self->main_view);
  hub_sign_in_page_reset (self->sign_in_page);
  show_page (self, "sign-in");
  hub_window_add_toast (self, _("Signed out"));
}

static void
on_company_chosen (HubCompanyDialog *dialog,
                   const char       *company_id,
                   HubWindow        *self)
{
  hub_main_view_set_company (self->main_view, company_id);
}

static void
change_company (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HubWindow *self = HUB_WINDOW (widget);
  HubUser *user;
  AdwDialog *dialog;

  if (self->client == NULL || self->main_view == NULL ||
      (user = hub_client_get_user (self->client)) == NULL)
    return;

  dialog = hub_company_dialog_new (user, hub_main_view_get_company_id (self->main_view));
  g_signal_connect_object (dialog, "company-chosen", G_CALLBACK (on_company_chosen),
                           self, G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
show_results (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HubWindow *self = HUB_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "main") != 0 ||
      self->main_view == NULL)
    return;

  hub_main_view_show_results (self->main_view, g_variant_get_string (parameter, NULL));
}

static void
refresh (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  HubWindow *self = HUB_WINDOW (widget);

  if (self->main_view != NULL)
    hub_main_view_refresh (self->main_view);
}

/* Built when asked for rather than with every window, as GTK would do with
 * gtk/help-overlay.ui: it is seldom opened, and costs start-up time. */
static void
show_shortcuts (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/hubdesk/HubDesk/hub-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
on_visible_page_changed (HubWindow *self)
{
  update_actions (self);
}

static void
on_close_clicked (HubWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
hub_window_constructed (GObject *object)
{
  HubWindow *self = HUB_WINDOW (object);

  G_OBJECT_CLASS (hub_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  hub_sign_in_page_set_settings (self->sign_in_page, self->settings);
  update_actions (self);
}

static void
hub_window_dispose (GObject *object)
{
  HubWindow *self = HUB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);

  /* The parent holds the template's root as its child: let it go first,
   * so that the parent does not unparent it a second time. */
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  self->main_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_WINDOW);

  G_OBJECT_CLASS (hub_window_parent_class)->dispose (object);
}

static void
hub_window_finalize (GObject *object)
{
  HubWindow *self = HUB_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_free (self->server);

  G_OBJECT_CLASS (hub_window_parent_class)->finalize (object);
}

static void
hub_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HubWindow *self = HUB_WINDOW (object);

  switch (prop_id) {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubWindow *self = HUB_WINDOW (object);

  switch (prop_id) {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_window_class_init (HubWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hub_window_constructed;
  object_class->dispose = hub_window_dispose;
  object_class->finalize = hub_window_finalize;
  object_class->set_property = hub_window_set_property;
  object_class->get_property = hub_window_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HUB_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HubWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, starting_page);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, starting_spinner);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, starting_close_button);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, HubWindow, main_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_notice);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out);
  gtk_widget_class_install_action (widget_class, "win.change-company", NULL, change_company);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts);
  gtk_widget_class_install_action (widget_class, "win.show-results", "s", show_results);
}

static void
hub_window_init (HubWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HubWindow *
hub_window_new (gpointer   application,
                GSettings *settings)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HUB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}
