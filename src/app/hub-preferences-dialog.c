/* hub-preferences-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "hub-preferences-dialog.h"

struct _HubPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;
  AdwEntryRow          *server_row;
  AdwActionRow         *downloads_row;
};

G_DEFINE_FINAL_TYPE (HubPreferencesDialog, hub_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/**
 * hub_preferences_normalize_server_url:
 * @text: what the user typed
 * @error: where to say what is wrong with it
 *
 * Accepts "hub.example.com", "https://hub.example.com/" and the like, and
 * returns the address as the client wants it: scheme, host, optional port,
 * no trailing slash. Plain http is accepted only for this machine, where the
 * demo server runs; PHI never crosses a network unencrypted.
 *
 * Returns: (transfer full) (nullable): the normalized address
 */
char *
hub_preferences_normalize_server_url (const char  *text,
                                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autofree char *lower_scheme = NULL;
  const char *scheme;
  const char *host;
  const char *path;

  if (*trimmed == '\0') {
    g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                         _("Enter the address of your HUB server."));
    return NULL;
  }

  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_strdup (trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0') {
    g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                 _("“%s” is not a server address. Enter one such as "
                   "https://hub.example.com."), trimmed);
    return NULL;
  }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 &&
        (g_str_equal (host, "localhost") || g_str_has_prefix (host, "127.") ||
         g_str_equal (host, "::1")))) {
    g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                         _("The address must start with https://, so that "
                           "health information travels encrypted."));
    return NULL;
  }

  path = g_uri_get_path (uri);
  if (g_uri_get_query (uri) != NULL || g_uri_get_userinfo (uri) != NULL ||
      (path != NULL && *path != '\0' && !g_str_equal (path, "/"))) {
    g_set_error_literal (error, G_URI_ERROR, G_URI_ERROR_BAD_PATH,
                         _("Enter only the server’s address, without a path, "
                           "such as https://hub.example.com."));
    return NULL;
  }

  lower_scheme = g_ascii_strdown (scheme, -1);
  return g_uri_join (G_URI_FLAGS_NONE, lower_scheme, NULL, host,
                     g_uri_get_port (uri), "", NULL, NULL);
}

static void
on_server_applied (HubPreferencesDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->server_row));

  url = hub_preferences_normalize_server_url (typed, &error);
  if (url == NULL) {
    gtk_widget_add_css_class (GTK_WIDGET (self->server_row), "error");
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                      adw_toast_new (error->message));
    return;
  }

  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), url);
  g_settings_set_string (self->settings, "server-url", url);
  adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (self),
                                    adw_toast_new (_("Server saved. It is used from "
                                                     "the next sign-in on.")));
}

static void
show_download_folder (HubPreferencesDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "download-folder");
  const char *shown = *folder != '\0' ? folder : g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);
  g_autofree char *display = shown != NULL ? g_filename_display_name (shown) : NULL;

  adw_action_row_set_subtitle (self->downloads_row,
                               display != NULL ? display : _("Your home folder"));
}

static void
on_download_folder_chosen (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (HubPreferencesDialog) self = user_data;
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;

  folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (folder == NULL || (path = g_file_get_path (folder)) == NULL)
    return;

  g_settings_set_string (self->settings, "download-folder", path);
  show_download_folder (self);
}

static void
on_downloads_activated (HubPreferencesDialog *self)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_dialog_set_title (dialog, _("Folder for Downloaded Results"));
  gtk_file_dialog_select_folder (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                 on_download_folder_chosen, g_object_ref (self));
}

static void
hub_preferences_dialog_finalize (GObject *object)
{
  HubPreferencesDialog *self = HUB_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hub_preferences_dialog_parent_class)->finalize (object);
}

static void
hub_preferences_dialog_class_init (HubPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_preferences_dialog_finalize;
}

static void
hub_preferences_dialog_init (HubPreferencesDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *downloads;

  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  adw_preferences_group_set_title (group, _("HUB Server"));
  adw_preferences_group_set_description (group,
    _("The address your company uses for the HUB, such as https://hub.example.com."));

  self->server_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->server_row), "server-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->server_row), _("Server Address"));
  adw_entry_row_set_show_apply_button (self->server_row, TRUE);
  adw_entry_row_set_input_purpose (self->server_row, GTK_INPUT_PURPOSE_URL);
  g_signal_connect_swapped (self->server_row, "apply", G_CALLBACK (on_server_applied), self);

  adw_preferences_group_add (group, GTK_WIDGET (self->server_row));
  adw_preferences_page_add (page, group);

  /* Downloaded results hold health information: the user picks where. */
  downloads = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (downloads, _("Downloads"));
  self->downloads_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->downloads_row), "downloads-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->downloads_row),
                                 _("Folder for Downloaded Results"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->downloads_row), TRUE);
  adw_action_row_add_suffix (self->downloads_row,
                             gtk_image_new_from_icon_name ("folder-open-symbolic"));
  g_signal_connect_swapped (self->downloads_row, "activated",
                            G_CALLBACK (on_downloads_activated), self);
  adw_preferences_group_add (downloads, GTK_WIDGET (self->downloads_row));
  adw_preferences_page_add (page, downloads);
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), page);
}

AdwDialog *
hub_preferences_dialog_new (GSettings *settings)
{
  HubPreferencesDialog *self;
  g_autofree char *server = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HUB_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);

  server = g_settings_get_string (settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  show_download_folder (self);

  return ADW_DIALOG (self);
}
