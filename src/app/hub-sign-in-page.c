/* hub-sign-in-page.c: email and password, "Remember me", forgotten
 * passwords, and the drug-screen portals the server lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "hub-forgot-password-dialog.h"
#include "hub-sign-in-page.h"

/* Below this a spinner would only flicker. */
#define SPINNER_DELAY_MS 200

struct _HubSignInPage
{
  AdwBin              parent_instance;

  GSettings          *settings;
  HubClient          *client;
  GCancellable       *cancellable;
  guint               spinner_timeout_id;
  gboolean            busy;

  /* The embedded demo runs on a new port every time: remembering its sign-in
   * would only fill the keyring (and may ask to unlock it). */
  gboolean            keyring_disabled;

  /* template children */
  AdwBanner          *server_banner;
  AdwEntryRow        *email_row;
  AdwPasswordEntryRow *password_row;
  AdwSwitchRow       *remember_row;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkButton          *sign_in_button;
  GtkSpinner         *sign_in_spinner;
  GtkLabel           *sign_in_label;
  GtkButton          *forgot_button;
  AdwPreferencesGroup *links_group;
  GtkListBox         *links_list;
};

G_DEFINE_FINAL_TYPE (HubSignInPage, hub_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  NOTICE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  HubSignInPage *self;
  char          *email;
  char          *password;
  gboolean       remember;
  gboolean       from_keyring;
} SignInData;

static void
sign_in_data_free (SignInData *data)
{
  g_object_unref (data->self);
  g_free (data->email);
  if (data->password != NULL) {
    memset (data->password, 0, strlen (data->password));
    g_free (data->password);
  }
  g_free (data);
}

static void
clear_error (HubSignInPage *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

void
hub_sign_in_page_show_error (HubSignInPage *self,
                             const char    *message)
{
  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
}

static gboolean
on_spinner_timeout (gpointer user_data)
{
  HubSignInPage *self = user_data;

  self->spinner_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), TRUE);
  gtk_spinner_set_spinning (self->sign_in_spinner, TRUE);
  gtk_label_set_text_with_mnemonic (self->sign_in_label, _("Signing In…"));

  return G_SOURCE_REMOVE;
}

static void
set_busy (HubSignInPage *self,
          gboolean       busy)
{
  self->busy = busy;

  gtk_widget_set_sensitive (GTK_WIDGET (self->email_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && self->client != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->forgot_button), !busy && self->client != NULL);

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  if (busy) {
    self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout, self);
  } else {
    gtk_spinner_set_spinning (self->sign_in_spinner, FALSE);
    gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), FALSE);
    gtk_label_set_text_with_mnemonic (self->sign_in_label, _("_Sign In"));
  }
}

static void
on_credentials_stored (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (HubSignInPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hub_credentials_store_finish (result, &error) && !hub_error_is_cancelled (error))
    g_signal_emit (self, signals[NOTICE], 0, error->message);
}

static void
on_credentials_cleared (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!hub_credentials_clear_finish (result, &error))
    g_debug ("Could not clear the remembered sign-in: %s", error->message);
}

static void
on_signed_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SignInData *data = user_data;
  HubSignInPage *self = data->self;
  g_autoptr (HubUser) user = NULL;
  g_autoptr (GError) error = NULL;
  const char *server;

  user = hub_client_sign_in_finish (HUB_CLIENT (source), result, &error);

  if (hub_error_is_cancelled (error)) {
    sign_in_data_free (data);
    return;
  }

  set_busy (self, FALSE);

  if (user == NULL) {
    /* Clearing the password first: editing the rows hides the error. */
    if (g_error_matches (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS)) {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
    hub_sign_in_page_show_error (self, error->message);
    sign_in_data_free (data);
    return;
  }

  /* Credentials that came from the keyring are there already; storing them
   * again could race with a sign-out that removes them. */
  server = hub_client_get_base_url (HUB_CLIENT (source));
  if (self->keyring_disabled)
    g_debug ("The demo's sign-in is not kept in the keyring");
  else if (data->remember && !data->from_keyring)
    hub_credentials_store_async (server, data->email, data->password, self->cancellable,
                                 on_credentials_stored, g_object_ref (self));
  else if (!data->remember)
    hub_credentials_clear_async (server, self->cancellable, on_credentials_cleared, NULL);

  if (self->settings != NULL && !self->keyring_disabled) {
    g_settings_set_boolean (self->settings, "remember-me", data->remember);
    g_settings_set_string (self->settings, "last-email", data->email);
  }

  /* The password has done its job: it lives on only in the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  g_signal_emit (self, signals[SIGNED_IN], 0, user);
  sign_in_data_free (data);
}

static gboolean
validate (HubSignInPage *self,
          const char    *email,
          const char    *password)
{
  const char *at = strchr (email, '@');

  if (*email == '\0') {
    hub_sign_in_page_show_error (self, _("Enter your work email."));
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
    return FALSE;
  }

  if (at == NULL || at == email || at[1] == '\0' || strchr (email, ' ') != NULL) {
    hub_sign_in_page_show_error (self, _("Enter your whole work email, such as "
                                         "name@company.com."));
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
    return FALSE;
  }

  if (*password == '\0') {
    hub_sign_in_page_show_error (self, _("Enter your password."));
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    return FALSE;
  }

  return TRUE;
}

static void
sign_in (HubSignInPage *self,
         const char    *email,
         const char    *password,
         gboolean       remember,
         gboolean       from_keyring)
{
  g_autofree char *trimmed = NULL;
  SignInData *data;

  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);

  if (self->client == NULL || self->busy)
    return;

  trimmed = g_strstrip (g_strdup (email));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->email_row)), trimmed) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), trimmed);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->password_row)), password) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  adw_switch_row_set_active (self->remember_row, remember);

  clear_error (self);
  if (!validate (self, trimmed, password))
    return;

  data = g_new0 (SignInData, 1);
  data->self = g_object_ref (self);
  data->email = g_steal_pointer (&trimmed);
  data->password = g_strdup (password);
  data->remember = remember;
  data->from_keyring = from_keyring;

  set_busy (self, TRUE);
  hub_client_sign_in_async (self->client, data->email, data->password,
                            self->cancellable, on_signed_in, data);
}

void
hub_sign_in_page_sign_in (HubSignInPage *self,
                          const char    *email,
                          const char    *password,
                          gboolean       remember)
{
  sign_in (self, email, password, remember, FALSE);
}

/* Signs in with what the keyring remembered for this server. */
void
hub_sign_in_page_sign_in_remembered (HubSignInPage *self,
                                     const char    *email,
                                     const char    *password)
{
  sign_in (self, email, password, TRUE, TRUE);
}

static void
on_sign_in_clicked (HubSignInPage *self)
{
  g_autofree char *password = NULL;

  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  hub_sign_in_page_sign_in (self,
                            gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                            password,
                            adw_switch_row_get_active (self->remember_row));
  memset (password, 0, strlen (password));
}

static void
on_email_activated (HubSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_input_changed (HubSignInPage *self)
{
  if (!self->busy)
    clear_error (self);
}

static void
on_forgot_clicked (HubSignInPage *self)
{
  AdwDialog *dialog;

  if (self->client == NULL)
    return;

  dialog = hub_forgot_password_dialog_new (self->client,
                                           gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_uri_launched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open the portal in a browser: %s", error->message);
}

static void
on_link_activated (HubSignInPage *self,
                   GtkListBoxRow *row)
{
  const char *url = g_object_get_data (G_OBJECT (row), "hub-url");
  g_autoptr (GtkUriLauncher) launcher = NULL;

  if (url == NULL)
    return;

  launcher = gtk_uri_launcher_new (url);
  gtk_uri_launcher_launch (launcher,
                           GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           NULL, on_uri_launched, NULL);
}

static GtkWidget *
create_link_row (HubPortalLink *link)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");
  const char *description = hub_portal_link_get_description (link);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hub_portal_link_get_title (link));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, hub_portal_link_get_url (link));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opens in the browser"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "hub-url",
                          g_strdup (hub_portal_link_get_url (link)), g_free);

  return row;
}

static void
on_portal_links (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (HubSignInPage) self = user_data;
  g_autoptr (GListModel) links = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  links = hub_client_list_portal_links_finish (HUB_CLIENT (source), result, &error);
  if (links == NULL) {
    /* The portals are a convenience; the sign-in itself reports an
     * unreachable server in words. */
    g_debug ("No portal links: %s", error->message);
    return;
  }

  gtk_list_box_remove_all (self->links_list);
  n = g_list_model_get_n_items (links);
  for (guint i = 0; i < n; i++) {
    g_autoptr (HubPortalLink) link = g_list_model_get_item (links, i);

    gtk_list_box_append (self->links_list, create_link_row (link));
  }
  gtk_widget_set_visible (GTK_WIDGET (self->links_group), n > 0);
}

void
hub_sign_in_page_set_client (HubSignInPage *self,
                             HubClient     *client)
{
  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (client == NULL || HUB_IS_CLIENT (client));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->client, client);
  set_busy (self, FALSE);

  adw_banner_set_revealed (self->server_banner, client == NULL);
  gtk_list_box_remove_all (self->links_list);
  gtk_widget_set_visible (GTK_WIDGET (self->links_group), FALSE);

  if (client != NULL)
    hub_client_list_portal_links_async (client, self->cancellable, on_portal_links,
                                        g_object_ref (self));
}

void
hub_sign_in_page_disable_keyring (HubSignInPage *self)
{
  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));

  self->keyring_disabled = TRUE;
  adw_switch_row_set_active (self->remember_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->remember_row), FALSE);
}

void
hub_sign_in_page_set_settings (HubSignInPage *self,
                               GSettings     *settings)
{
  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));

  g_set_object (&self->settings, settings);
}

void
hub_sign_in_page_reset (HubSignInPage *self)
{
  g_autofree char *email = NULL;

  g_return_if_fail (HUB_IS_SIGN_IN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
  clear_error (self);

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  if (self->settings != NULL) {
    email = g_settings_get_string (self->settings, "last-email");
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
    adw_switch_row_set_active (self->remember_row,
                               g_settings_get_boolean (self->settings, "remember-me"));
  }

  clear_error (self);

  if (self->client != NULL && self->links_list != NULL &&
      gtk_widget_get_first_child (GTK_WIDGET (self->links_list)) == NULL)
    hub_client_list_portal_links_async (self->client, self->cancellable, on_portal_links,
                                        g_object_ref (self));

  gtk_widget_grab_focus (*gtk_editable_get_text (GTK_EDITABLE (self->email_row)) == '\0'
                           ? GTK_WIDGET (self->email_row)
                           : GTK_WIDGET (self->password_row));
}

static void
hub_sign_in_page_dispose (GObject *object)
{
  HubSignInPage *self = HUB_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (hub_sign_in_page_parent_class)->dispose (object);
}

static void
hub_sign_in_page_finalize (GObject *object)
{
  HubSignInPage *self = HUB_SIGN_IN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hub_sign_in_page_parent_class)->finalize (object);
}

static void
hub_sign_in_page_class_init (HubSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_sign_in_page_dispose;
  object_class->finalize = hub_sign_in_page_finalize;

  /**
   * HubSignInPage::signed-in:
   * @user: the user now signed in
   *
   * The client holds a session for @user.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HUB_TYPE_USER);

  /**
   * HubSignInPage::notice:
   * @message: something the user should know that did not stop them
   */
  signals[NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, server_banner);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, remember_row);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, sign_in_label);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, forgot_button);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, links_group);
  gtk_widget_class_bind_template_child (widget_class, HubSignInPage, links_list);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_email_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_forgot_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_link_activated);
}

static void
hub_sign_in_page_init (HubSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
  adw_banner_set_revealed (self->server_banner, TRUE);
}
