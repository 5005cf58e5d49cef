/* hub-main-view.c: the signed-in view, a sidebar of sections beside the
 * chosen section; it collapses into one column on narrow windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-dashboard-page.h"
#include "hub-main-view.h"

struct _HubMainView
{
  AdwBreakpointBin       parent_instance;

  HubClient             *client;
  GSettings             *settings;
  char                  *company_id;

  /* template children */
  AdwNavigationSplitView *split_view;
  AdwWindowTitle        *sidebar_title;
  GtkListBox            *sections_list;
  GtkListBoxRow         *dashboard_row;
  GtkButton             *company_button;
  GtkLabel              *company_label;
  HubDashboardPage      *dashboard_page;
};

G_DEFINE_FINAL_TYPE (HubMainView, hub_main_view, ADW_TYPE_BREAKPOINT_BIN)

static HubMembership *
find_membership (HubMainView *self,
                 const char  *company_id)
{
  HubUser *user;

  if (self->client == NULL || company_id == NULL)
    return NULL;

  user = hub_client_get_user (self->client);
  return user != NULL ? hub_user_find_membership (user, company_id) : NULL;
}

static HubMembership *
first_membership (HubMainView *self)
{
  HubUser *user = self->client != NULL ? hub_client_get_user (self->client) : NULL;
  GListModel *memberships;
  g_autoptr (HubMembership) first = NULL;

  if (user == NULL)
    return NULL;

  memberships = hub_user_get_memberships (user);
  if (g_list_model_get_n_items (memberships) == 0)
    return NULL;

  first = g_list_model_get_item (memberships, 0);
  return hub_user_find_membership (user, hub_membership_get_company_id (first));
}

void
hub_main_view_set_company (HubMainView *self,
                           const char  *company_id)
{
  HubMembership *membership;
  HubUser *user;
  g_autofree char *display_name = NULL;
  guint companies;

  g_return_if_fail (HUB_IS_MAIN_VIEW (self));

  membership = find_membership (self, company_id);
  if (membership == NULL)
    membership = first_membership (self);
  if (membership == NULL)
    return;

  user = hub_client_get_user (self->client);
  companies = g_list_model_get_n_items (hub_user_get_memberships (user));

  g_free (self->company_id);
  self->company_id = g_strdup (hub_membership_get_company_id (membership));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-company-id", self->company_id);

  display_name = hub_user_dup_display_name (user);
  adw_window_title_set_title (self->sidebar_title, hub_membership_get_company_name (membership));
  adw_window_title_set_subtitle (self->sidebar_title, display_name);
  gtk_label_set_text (self->company_label, hub_membership_get_company_name (membership));
  gtk_widget_set_visible (GTK_WIDGET (self->company_button), companies > 1);

  hub_dashboard_page_load (self->dashboard_page, self->client, membership);
}

void
hub_main_view_set_session (HubMainView *self,
                           HubClient   *client,
                           GSettings   *settings)
{
  g_autofree char *last = NULL;

  g_return_if_fail (HUB_IS_MAIN_VIEW (self));
  g_return_if_fail (HUB_IS_CLIENT (client));

  g_set_object (&self->client, client);
  g_set_object (&self->settings, settings);

  if (settings != NULL)
    last = g_settings_get_string (settings, "last-company-id");

  gtk_list_box_select_row (self->sections_list, self->dashboard_row);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  hub_main_view_set_company (self, last);
}

void
hub_main_view_clear (HubMainView *self)
{
  g_return_if_fail (HUB_IS_MAIN_VIEW (self));

  /* Nothing of the last session stays on screen behind the sign-in page. */
  hub_dashboard_page_clear (self->dashboard_page);
  adw_window_title_set_title (self->sidebar_title, _("HUB Desk"));
  adw_window_title_set_subtitle (self->sidebar_title, NULL);
  gtk_label_set_text (self->company_label, "");
  g_clear_pointer (&self->company_id, g_free);
  g_clear_object (&self->client);
}

const char *
hub_main_view_get_company_id (HubMainView *self)
{
  g_return_val_if_fail (HUB_IS_MAIN_VIEW (self), NULL);

  return self->company_id;
}

void
hub_main_view_refresh (HubMainView *self)
{
  g_return_if_fail (HUB_IS_MAIN_VIEW (self));

  hub_main_view_set_company (self, self->company_id);
}

static void
on_section_activated (HubMainView   *self,
                      GtkListBoxRow *row)
{
  if (row == self->dashboard_row)
    adw_navigation_split_view_set_content (self->split_view,
                                           ADW_NAVIGATION_PAGE (self->dashboard_page));

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
hub_main_view_dispose (GObject *object)
{
  HubMainView *self = HUB_MAIN_VIEW (object);

  adw_breakpoint_bin_set_child (ADW_BREAKPOINT_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_MAIN_VIEW);

  G_OBJECT_CLASS (hub_main_view_parent_class)->dispose (object);
}

static void
hub_main_view_finalize (GObject *object)
{
  HubMainView *self = HUB_MAIN_VIEW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_free (self->company_id);

  G_OBJECT_CLASS (hub_main_view_parent_class)->finalize (object);
}

static void
hub_main_view_class_init (HubMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_main_view_dispose;
  object_class->finalize = hub_main_view_finalize;

  g_type_ensure (HUB_TYPE_DASHBOARD_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HubMainView, split_view);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, dashboard_row);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, company_button);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, company_label);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, dashboard_page);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
}

static void
hub_main_view_init (HubMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
