/* hub-company-dialog.c: "Change company", for users linked to several
 * companies; the chosen company's data replaces the current one's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-company-dialog.h"
#include "hub-labels.h"

struct _HubCompanyDialog
{
  AdwDialog   parent_instance;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (HubCompanyDialog, hub_company_dialog, ADW_TYPE_DIALOG)

enum {
  COMPANY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  HubCompanyDialog *self)
{
  const char *company_id = g_object_get_data (G_OBJECT (row), "hub-company-id");

  g_signal_emit (self, signals[COMPANY_CHOSEN], 0, company_id);
  adw_dialog_close (ADW_DIALOG (self));
}

static GtkWidget *
create_row (HubMembership *membership,
            gboolean       current)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 hub_membership_get_company_name (membership));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               hub_labels_for_role (hub_membership_get_role (membership)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  current ? _("Current company") : "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);

  g_object_set_data_full (G_OBJECT (row), "hub-company-id",
                          g_strdup (hub_membership_get_company_id (membership)), g_free);
  return row;
}

static void
hub_company_dialog_class_init (HubCompanyDialogClass *klass)
{
  /**
   * HubCompanyDialog::company-chosen:
   * @company_id: the company to switch to
   */
  signals[COMPANY_CHOSEN] =
    g_signal_new ("company-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hub_company_dialog_init (HubCompanyDialog *self)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Change Company"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 420);
  adw_dialog_set_content_height (ADW_DIALOG (self), 420);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "company-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Companies"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), scrolled);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar_view);
}

AdwDialog *
hub_company_dialog_new (HubUser    *user,
                        const char *current_company_id)
{
  HubCompanyDialog *self;
  GListModel *memberships;
  guint n;

  g_return_val_if_fail (HUB_IS_USER (user), NULL);

  self = g_object_new (HUB_TYPE_COMPANY_DIALOG, NULL);
  memberships = hub_user_get_memberships (user);
  n = g_list_model_get_n_items (memberships);

  for (guint i = 0; i < n; i++) {
    g_autoptr (HubMembership) membership = g_list_model_get_item (memberships, i);
    gboolean current = g_strcmp0 (hub_membership_get_company_id (membership),
                                  current_company_id) == 0;

    gtk_list_box_append (self->list, create_row (membership, current));
  }

  return ADW_DIALOG (self);
}
