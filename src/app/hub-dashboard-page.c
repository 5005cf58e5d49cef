/* hub-dashboard-page.c: who is signed in, for which company, with which
 * rights, and the company's figures; each later section adds its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-dashboard-page.h"
#include "hub-labels.h"

#define SPINNER_DELAY_MS 200

typedef enum {
  FIGURE_LOCATIONS,
  FIGURE_MARKETS,
  FIGURE_CONTACTS,
  FIGURE_PORTAL_USERS,
  FIGURE_USER_ADMINS,
  FIGURE_PENDING_INVITATIONS,
  N_FIGURES
} Figure;

struct _HubDashboardPage
{
  AdwNavigationPage  parent_instance;

  HubClient         *client;
  HubMembership     *membership;
  GCancellable      *cancellable;
  guint              spinner_timeout_id;
  GtkLabel          *figure_values[N_FIGURES];
  GtkWidget         *figure_cards[N_FIGURES];

  /* template children */
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkLabel          *greeting_label;
  GtkLabel          *role_label;
  GtkFlowBox        *figures_box;
  AdwActionRow      *new_row;
  AdwActionRow      *unreviewed_row;
  AdwActionRow      *flagged_row;
  AdwActionRow      *role_row;
  AdwActionRow      *activity_row;
  AdwActionRow      *visit_search_row;
  AdwActionRow      *billing_admin_row;
  AdwActionRow      *billing_contact_row;
  GtkLabel          *updated_label;
};

G_DEFINE_FINAL_TYPE (HubDashboardPage, hub_dashboard_page, ADW_TYPE_NAVIGATION_PAGE)

static const char *
figure_caption (Figure figure)
{
  switch (figure) {
    case FIGURE_LOCATIONS:
      return _("Locations");
    case FIGURE_MARKETS:
      return _("Markets");
    case FIGURE_CONTACTS:
      return _("Contacts");
    case FIGURE_PORTAL_USERS:
      return _("Portal Users");
    case FIGURE_USER_ADMINS:
      return _("User Admins");
    case FIGURE_PENDING_INVITATIONS:
      return _("Invitations Pending");
    case N_FIGURES:
    default:
      g_assert_not_reached ();
  }
}

static char *
greeting_for (HubUser *user)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int hour = g_date_time_get_hour (now);
  const char *first_name = hub_user_get_first_name (user);

  if (hour < 5 || hour >= 18)
    return g_strdup_printf (_("Good evening, %s"), first_name);
  if (hour < 12)
    return g_strdup_printf (_("Good morning, %s"), first_name);
  return g_strdup_printf (_("Good afternoon, %s"), first_name);
}

static void
show_state (HubDashboardPage *self,
            const char       *state)
{
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
}

static gboolean
on_spinner_timeout (gpointer user_data)
{
  HubDashboardPage *self = user_data;

  self->spinner_timeout_id = 0;
  show_state (self, "loading");

  return G_SOURCE_REMOVE;
}

static void
set_granted (AdwActionRow *row,
             gboolean      granted)
{
  GtkWidget *suffix = g_object_get_data (G_OBJECT (row), "hub-suffix");

  gtk_label_set_text (GTK_LABEL (suffix), granted ? _("Granted") : _("Not granted"));
  if (granted) {
    gtk_widget_add_css_class (suffix, "success");
    gtk_widget_remove_css_class (suffix, "dim-label");
  } else {
    gtk_widget_add_css_class (suffix, "dim-label");
    gtk_widget_remove_css_class (suffix, "success");
  }
}

static void
set_figure (HubDashboardPage *self,
            Figure            figure,
            guint             value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);
  g_autofree char *spoken = g_strdup_printf ("%s: %u", figure_caption (figure), value);

  gtk_label_set_text (self->figure_values[figure], text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_cards[figure]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
show_membership (HubDashboardPage *self,
                 HubUser          *user)
{
  HubMembership *m = self->membership;
  g_autofree char *greeting = greeting_for (user);
  g_autofree char *role = NULL;

  role = g_strdup_printf (_("%s at %s"), hub_labels_for_role (hub_membership_get_role (m)),
                          hub_membership_get_company_name (m));
  gtk_label_set_text (self->greeting_label, greeting);
  gtk_label_set_text (self->role_label, role);
  adw_action_row_set_subtitle (self->role_row, hub_labels_for_role (hub_membership_get_role (m)));

  set_granted (self->activity_row, hub_membership_get_patient_visit_activity (m));
  set_granted (self->visit_search_row, hub_membership_get_visit_search (m));
  set_granted (self->billing_admin_row, hub_membership_get_billing_admin (m));
  set_granted (self->billing_contact_row, hub_membership_get_billing_contact (m));
}

static void
set_count (AdwActionRow *row,
           guint         count)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "hub-suffix");
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (count > 0)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static void
on_summary (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HubDashboardPage) self = user_data;
  g_autoptr (HubCompanySummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *updated = NULL;
  HubUser *user;

  summary = hub_client_get_company_summary_finish (HUB_CLIENT (source), result, &error);
  if (summary == NULL) {
    if (hub_error_is_cancelled (error))
      return;
    adw_status_page_set_description (self->error_page, error->message);
    show_state (self, "error");
    return;
  }

  user = hub_client_get_user (self->client);
  if (user == NULL || self->membership == NULL)
    return;

  show_membership (self, user);
  set_figure (self, FIGURE_LOCATIONS, hub_company_summary_get_locations (summary));
  set_figure (self, FIGURE_MARKETS, hub_company_summary_get_markets (summary));
  set_figure (self, FIGURE_CONTACTS, hub_company_summary_get_contacts (summary));
  set_figure (self, FIGURE_PORTAL_USERS, hub_company_summary_get_portal_users (summary));
  set_figure (self, FIGURE_USER_ADMINS, hub_company_summary_get_user_admins (summary));
  set_figure (self, FIGURE_PENDING_INVITATIONS,
              hub_company_summary_get_pending_invitations (summary));

  set_count (self->new_row, hub_company_summary_get_results_new (summary));
  set_count (self->unreviewed_row, hub_company_summary_get_results_unreviewed (summary));
  set_count (self->flagged_row, hub_company_summary_get_results_flagged (summary));

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%X");
  updated = g_strdup_printf (_("Updated at %s"), time);
  gtk_label_set_text (self->updated_label, updated);

  show_state (self, "content");
}

void
hub_dashboard_page_load (HubDashboardPage *self,
                         HubClient        *client,
                         HubMembership    *membership)
{
  g_return_if_fail (HUB_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (HUB_IS_CLIENT (client));
  g_return_if_fail (HUB_IS_MEMBERSHIP (membership));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->client, client);
  g_set_object (&self->membership, membership);

  /* A fast answer goes straight to the content; a slow one shows a
   * spinner rather than the previous company's figures. */
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "content"))
    show_state (self, "empty");
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout, self);

  hub_client_get_company_summary_async (client, hub_membership_get_company_id (membership),
                                        self->cancellable, on_summary, g_object_ref (self));
}

void
hub_dashboard_page_clear (HubDashboardPage *self)
{
  g_return_if_fail (HUB_IS_DASHBOARD_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->membership);
  gtk_label_set_text (self->greeting_label, "");
  gtk_label_set_text (self->role_label, "");
  for (guint i = 0; i < N_FIGURES; i++)
    gtk_label_set_text (self->figure_values[i], "");
  show_state (self, "empty");
}

const char *
hub_dashboard_page_get_state (HubDashboardPage *self)
{
  g_return_val_if_fail (HUB_IS_DASHBOARD_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
add_count_suffix (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, label);
  adw_action_row_add_suffix (row, arrow);
  g_object_set_data (G_OBJECT (row), "hub-suffix", label);
}

static void
add_granted_suffix (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, label);
  g_object_set_data (G_OBJECT (row), "hub-suffix", label);
}

static void
add_figure_card (HubDashboardPage *self,
                 Figure            figure)
{
  GtkWidget *card = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 2,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (figure_caption (figure));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "hub-figure");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_flow_box_append (self->figures_box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);

  self->figure_values[figure] = GTK_LABEL (value);
  self->figure_cards[figure] = card;
}

static void
hub_dashboard_page_dispose (GObject *object)
{
  HubDashboardPage *self = HUB_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  adw_navigation_page_set_child (ADW_NAVIGATION_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (hub_dashboard_page_parent_class)->dispose (object);
}

static void
hub_dashboard_page_finalize (GObject *object)
{
  HubDashboardPage *self = HUB_DASHBOARD_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->membership);

  G_OBJECT_CLASS (hub_dashboard_page_parent_class)->finalize (object);
}

static void
hub_dashboard_page_class_init (HubDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_dashboard_page_dispose;
  object_class->finalize = hub_dashboard_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, new_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, unreviewed_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, flagged_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, activity_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, visit_search_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, billing_admin_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, billing_contact_row);
  gtk_widget_class_bind_template_child (widget_class, HubDashboardPage, updated_label);
}

static void
hub_dashboard_page_init (HubDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  for (Figure figure = 0; figure < N_FIGURES; figure++)
    add_figure_card (self, figure);

  add_count_suffix (self->new_row);
  add_count_suffix (self->unreviewed_row);
  add_count_suffix (self->flagged_row);
  add_granted_suffix (self->activity_row);
  add_granted_suffix (self->visit_search_row);
  add_granted_suffix (self->billing_admin_row);
  add_granted_suffix (self->billing_contact_row);
}
