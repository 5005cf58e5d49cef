/* hub-set-password-dialog.c: sets a password with the single-use token of
 * a reset or invitation email. The link opens the app directly where the
 * desktop knows the hubdesk: scheme; elsewhere the user pastes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "hub-set-password-dialog.h"

#define MIN_PASSWORD_LENGTH 10

struct _HubSetPasswordDialog
{
  AdwDialog     parent_instance;

  HubClient    *client;
  GCancellable *cancellable;

  /* template children */
  GtkStack     *stack;
  AdwEntryRow  *link_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel     *error_label;
  GtkButton    *set_button;
  GtkSpinner   *spinner;
};

G_DEFINE_FINAL_TYPE (HubSetPasswordDialog, hub_set_password_dialog, ADW_TYPE_DIALOG)

/**
 * hub_set_password_dialog_token_from_link:
 * @link: a link from an email, or the bare token
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when @link
 *   holds none
 */
char *
hub_set_password_dialog_token_from_link (const char *link)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (link != NULL ? link : ""));
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) params = NULL;
  const char *token;

  if (*trimmed == '\0')
    return NULL;

  if (strstr (trimmed, "://") == NULL) {
    /* A bare token: URL-safe characters only. */
    for (const char *p = trimmed; *p != '\0'; p++)
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return NULL;
    return g_steal_pointer (&trimmed);
  }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (uri == NULL || g_uri_get_query (uri) == NULL)
    return NULL;

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL || (token = g_hash_table_lookup (params, "token")) == NULL ||
      *token == '\0')
    return NULL;

  return g_strdup (token);
}

static void
show_error (HubSetPasswordDialog *self,
            const char           *message,
            GtkWidget            *row)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL) {
    gtk_widget_add_css_class (row, "error");
    gtk_widget_grab_focus (row);
  }
}

static void
on_input_changed (HubSetPasswordDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->link_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->confirm_row), "error");
}

static void
set_busy (HubSetPasswordDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->set_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_password_set (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (HubSetPasswordDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!hub_client_set_password_finish (HUB_CLIENT (source), result, &error)) {
    if (hub_error_is_cancelled (error))
      return;
    set_busy (self, FALSE);
    if (g_error_matches (error, HUB_ERROR, HUB_ERROR_WEAK_PASSWORD))
      show_error (self, error->message, GTK_WIDGET (self->password_row));
    else if (g_error_matches (error, HUB_ERROR, HUB_ERROR_INVALID_TOKEN))
      show_error (self, _("This link has been used already or has expired. "
                          "Ask for a new one with “Forgot Password?”."),
                  GTK_WIDGET (self->link_row));
    else
      show_error (self, error->message, NULL);
    return;
  }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
on_set_clicked (HubSetPasswordDialog *self)
{
  g_autofree char *token = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  const char *link = gtk_editable_get_text (GTK_EDITABLE (self->link_row));

  token = hub_set_password_dialog_token_from_link (link);
  if (token == NULL) {
    show_error (self, _("Paste the whole link from the email."), GTK_WIDGET (self->link_row));
    return;
  }

  if (g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH) {
    show_error (self, _("The password needs at least 10 characters."),
                GTK_WIDGET (self->password_row));
    return;
  }

  if (!g_str_equal (password, confirm)) {
    show_error (self, _("The two passwords are not the same."), GTK_WIDGET (self->confirm_row));
    return;
  }

  set_busy (self, TRUE);
  hub_client_set_password_async (self->client, token, password, self->cancellable,
                                 on_password_set, g_object_ref (self));
}

static void
on_close_clicked (HubSetPasswordDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
hub_set_password_dialog_dispose (GObject *object)
{
  HubSetPasswordDialog *self = HUB_SET_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  adw_dialog_set_child (ADW_DIALOG (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_SET_PASSWORD_DIALOG);

  G_OBJECT_CLASS (hub_set_password_dialog_parent_class)->dispose (object);
}

static void
hub_set_password_dialog_finalize (GObject *object)
{
  HubSetPasswordDialog *self = HUB_SET_PASSWORD_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hub_set_password_dialog_parent_class)->finalize (object);
}

static void
hub_set_password_dialog_class_init (HubSetPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_set_password_dialog_dispose;
  object_class->finalize = hub_set_password_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/hubdesk/HubDesk/hub-set-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, set_button);
  gtk_widget_class_bind_template_child (widget_class, HubSetPasswordDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_set_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
}

static void
hub_set_password_dialog_init (HubSetPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * hub_set_password_dialog_new:
 * @client: the client of the server that sent the email
 * @token: (nullable): the token, when the link opened the app
 */
AdwDialog *
hub_set_password_dialog_new (HubClient  *client,
                             const char *token)
{
  HubSetPasswordDialog *self;

  g_return_val_if_fail (HUB_IS_CLIENT (client), NULL);

  self = g_object_new (HUB_TYPE_SET_PASSWORD_DIALOG, NULL);
  self->client = g_object_ref (client);

  if (token != NULL) {
    /* The token came with the link; only the password is left to ask. */
    gtk_editable_set_text (GTK_EDITABLE (self->link_row), token);
    gtk_widget_set_visible (GTK_WIDGET (self->link_row), FALSE);
  }

  return ADW_DIALOG (self);
}
