/* hub-forgot-password-dialog.c: asks the server to email a reset link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <string.h>

#include "hub-forgot-password-dialog.h"
#include "hub-set-password-dialog.h"

struct _HubForgotPasswordDialog
{
  AdwDialog      parent_instance;

  HubClient     *client;
  GCancellable  *cancellable;

  /* template children */
  GtkStack      *stack;
  AdwEntryRow   *email_row;
  GtkLabel      *error_label;
  GtkButton     *send_button;
  GtkSpinner    *spinner;
  AdwStatusPage *sent_page;
};

G_DEFINE_FINAL_TYPE (HubForgotPasswordDialog, hub_forgot_password_dialog, ADW_TYPE_DIALOG)

static void
show_error (HubForgotPasswordDialog *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
set_busy (HubForgotPasswordDialog *self,
          gboolean                 busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->email_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_reset_requested (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (HubForgotPasswordDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;

  if (!hub_client_request_password_reset_finish (HUB_CLIENT (source), result, &error)) {
    if (hub_error_is_cancelled (error))
      return;
    set_busy (self, FALSE);
    show_error (self, error->message);
    return;
  }

  set_busy (self, FALSE);
  description = g_strdup_printf (_("If %s belongs to a HUB account, a message with a "
                                   "link to choose a new password is on its way. "
                                   "It can take a few minutes; look in the spam "
                                   "folder too."),
                                 gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
  adw_status_page_set_description (self->sent_page, description);
  gtk_stack_set_visible_child_name (self->stack, "sent");
}

static void
on_send_clicked (HubForgotPasswordDialog *self)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  const char *at = strchr (email, '@');

  if (at == NULL || at == email || at[1] == '\0') {
    show_error (self, _("Enter your whole work email, such as name@company.com."));
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
    return;
  }

  set_busy (self, TRUE);
  hub_client_request_password_reset_async (self->client, email, self->cancellable,
                                           on_reset_requested, g_object_ref (self));
}

static void
on_email_changed (HubForgotPasswordDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
}

static void
on_close_clicked (HubForgotPasswordDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
on_have_link_clicked (HubForgotPasswordDialog *self)
{
  GtkWidget *parent = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  AdwDialog *dialog = hub_set_password_dialog_new (self->client, NULL);

  adw_dialog_close (ADW_DIALOG (self));
  adw_dialog_present (dialog, parent);
}

static void
hub_forgot_password_dialog_dispose (GObject *object)
{
  HubForgotPasswordDialog *self = HUB_FORGOT_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  adw_dialog_set_child (ADW_DIALOG (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_FORGOT_PASSWORD_DIALOG);

  G_OBJECT_CLASS (hub_forgot_password_dialog_parent_class)->dispose (object);
}

static void
hub_forgot_password_dialog_finalize (GObject *object)
{
  HubForgotPasswordDialog *self = HUB_FORGOT_PASSWORD_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hub_forgot_password_dialog_parent_class)->finalize (object);
}

static void
hub_forgot_password_dialog_class_init (HubForgotPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_forgot_password_dialog_dispose;
  object_class->finalize = hub_forgot_password_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/hubdesk/HubDesk/hub-forgot-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HubForgotPasswordDialog, sent_page);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_have_link_clicked);
}

static void
hub_forgot_password_dialog_init (HubForgotPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

AdwDialog *
hub_forgot_password_dialog_new (HubClient  *client,
                                const char *email)
{
  HubForgotPasswordDialog *self;

  g_return_val_if_fail (HUB_IS_CLIENT (client), NULL);

  self = g_object_new (HUB_TYPE_FORGOT_PASSWORD_DIALOG, NULL);
  self->client = g_object_ref (client);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");

  return ADW_DIALOG (self);
}
