/* hub-main-view.c: the signed-in view, a sidebar of sections beside the
 * chosen section; it collapses into one column on narrow windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-dashboard-page.h"
#include "hub-main-view.h"
#include "hub-results-page.h"

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
  GtkListBoxRow         *results_row;
  GtkButton             *company_button;
  GtkLabel              *company_label;
  HubDashboardPage      *dashboard_page;
  HubResultsPage        *results_page;

  /* Results load when first shown, not with every company switch. */
  gboolean               results_stale;

  /* Polling for newly posted results, to tell the user (F23). */
  GCancellable          *poll_cancellable;
  char                  *changes_token;
  guint                  poll_interval_s;
  guint                  poll_id;
};

enum {
  NEW_RESULTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_POLL_INTERVAL_S 60

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

static void schedule_poll (HubMainView *self);

static void
notify_new_results (HubMainView *self,
                    guint        count)
{
  GApplication *application = g_application_get_default ();
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = NULL;

  g_signal_emit (self, signals[NEW_RESULTS], 0, count);

  /* Health information stays out of notifications, which other people may
   * see on a locked screen: only how many. */
  if (application == NULL || !g_application_get_is_registered (application))
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u new result is waiting for you.",
                                       "%u new results are waiting for you.", count),
                          count);
  notification = g_notification_new (_("New Visit Results"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-results", "s", "new");
  g_application_send_notification (application, "new-results", notification);
}

static void
on_changes (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HubMainView) self = user_data;
  g_autoptr (GListModel) fresh = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  gboolean more = FALSE;
  gboolean first = self->changes_token == NULL;
  guint count;

  fresh = hub_client_get_result_changes_finish (HUB_CLIENT (source), result, &token, &more,
                                                &error);
  if (fresh == NULL) {
    if (hub_error_is_cancelled (error))
      return;
    g_debug ("Could not ask for new results: %s", error->message);
    schedule_poll (self);
    return;
  }

  g_free (self->changes_token);
  self->changes_token = g_steal_pointer (&token);
  count = g_list_model_get_n_items (fresh);

  if (!first && count > 0) {
    notify_new_results (self, count);
    hub_main_view_refresh (self);
  }

  schedule_poll (self);
}

static void
poll_changes (HubMainView *self)
{
  if (self->client == NULL || self->company_id == NULL)
    return;

  hub_client_get_result_changes_async (self->client, self->company_id, self->changes_token,
                                       self->poll_cancellable, on_changes, g_object_ref (self));
}

static gboolean
on_poll_timeout (gpointer user_data)
{
  HubMainView *self = user_data;

  self->poll_id = 0;
  poll_changes (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_poll (HubMainView *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->client != NULL)
    self->poll_id = g_timeout_add_seconds (self->poll_interval_s, on_poll_timeout, self);
}

static void
restart_polling (HubMainView *self)
{
  g_cancellable_cancel (self->poll_cancellable);
  g_clear_object (&self->poll_cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->changes_token, g_free);

  if (self->client == NULL)
    return;

  self->poll_cancellable = g_cancellable_new ();
  poll_changes (self);
}

/**
 * hub_main_view_set_poll_interval:
 * @seconds: how often to ask the server for new results
 */
void
hub_main_view_set_poll_interval (HubMainView *self,
                                 guint        seconds)
{
  g_return_if_fail (HUB_IS_MAIN_VIEW (self));
  g_return_if_fail (seconds > 0);

  self->poll_interval_s = seconds;
  if (self->poll_id != 0)
    schedule_poll (self);
}

static void
show_results (HubMainView *self)
{
  HubMembership *membership = find_membership (self, self->company_id);

  if (self->results_stale && membership != NULL) {
    hub_results_page_load (self->results_page, self->client, self->settings, membership);
    self->results_stale = FALSE;
  }

  adw_navigation_split_view_set_content (self->split_view,
                                         ADW_NAVIGATION_PAGE (self->results_page));
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

  self->results_stale = TRUE;
  if (adw_navigation_split_view_get_content (self->split_view) ==
      ADW_NAVIGATION_PAGE (self->results_page))
    show_results (self);

  restart_polling (self);
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
  hub_results_page_clear (self->results_page);
  self->results_stale = TRUE;
  adw_navigation_split_view_set_content (self->split_view,
                                         ADW_NAVIGATION_PAGE (self->dashboard_page));
  adw_window_title_set_title (self->sidebar_title, _("HUB Desk"));
  adw_window_title_set_subtitle (self->sidebar_title, NULL);
  gtk_label_set_text (self->company_label, "");
  g_clear_pointer (&self->company_id, g_free);
  g_clear_object (&self->client);
  restart_polling (self);
}

/**
 * hub_main_view_show_results:
 * @filter: (nullable): "new", "unreviewed" or "flagged"
 */
void
hub_main_view_show_results (HubMainView *self,
                            const char  *filter)
{
  g_return_if_fail (HUB_IS_MAIN_VIEW (self));

  gtk_list_box_select_row (self->sections_list, self->results_row);
  show_results (self);
  hub_results_page_show_filtered (self->results_page, filter);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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
  HubMembership *membership;

  g_return_if_fail (HUB_IS_MAIN_VIEW (self));

  membership = find_membership (self, self->company_id);
  if (membership == NULL)
    return;

  hub_dashboard_page_load (self->dashboard_page, self->client, membership);
  if (adw_navigation_split_view_get_content (self->split_view) ==
      ADW_NAVIGATION_PAGE (self->results_page))
    hub_results_page_refresh (self->results_page);
}

static void
on_section_activated (HubMainView   *self,
                      GtkListBoxRow *row)
{
  if (row == self->dashboard_row)
    adw_navigation_split_view_set_content (self->split_view,
                                           ADW_NAVIGATION_PAGE (self->dashboard_page));
  else if (row == self->results_row)
    show_results (self);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
hub_main_view_dispose (GObject *object)
{
  HubMainView *self = HUB_MAIN_VIEW (object);

  g_cancellable_cancel (self->poll_cancellable);
  g_clear_object (&self->poll_cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);

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
  g_free (self->changes_token);

  G_OBJECT_CLASS (hub_main_view_parent_class)->finalize (object);
}

static void
hub_main_view_class_init (HubMainViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_main_view_dispose;
  object_class->finalize = hub_main_view_finalize;

  /**
   * HubMainView::new-results:
   * @count: how many results were posted since the last look
   */
  signals[NEW_RESULTS] =
    g_signal_new ("new-results", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (HUB_TYPE_DASHBOARD_PAGE);
  g_type_ensure (HUB_TYPE_RESULTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-main-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HubMainView, split_view);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, sections_list);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, dashboard_row);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, results_row);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, results_page);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, company_button);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, company_label);
  gtk_widget_class_bind_template_child (widget_class, HubMainView, dashboard_page);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
}

static void
hub_main_view_init (HubMainView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->poll_interval_s = DEFAULT_POLL_INTERVAL_S;
}
