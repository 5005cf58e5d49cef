/* hub-results-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_RESULTS_PAGE (hub_results_page_get_type ())

G_DECLARE_FINAL_TYPE (HubResultsPage, hub_results_page, HUB, RESULTS_PAGE, AdwNavigationPage)

void        hub_results_page_load            (HubResultsPage *self,
                                              HubClient      *client,
                                              GSettings      *settings,
                                              HubMembership  *membership);
void        hub_results_page_clear           (HubResultsPage *self);
void        hub_results_page_refresh         (HubResultsPage *self);
void        hub_results_page_show_filtered   (HubResultsPage *self,
                                              const char     *filter);
gboolean    hub_results_page_get_collapsed   (HubResultsPage *self);
void        hub_results_page_set_collapsed   (HubResultsPage *self,
                                              gboolean        collapsed);
const char *hub_results_page_get_list_state  (HubResultsPage *self);
GListModel *hub_results_page_get_model       (HubResultsPage *self);
void        hub_results_page_open_position   (HubResultsPage *self,
                                              guint           position);
void        hub_results_page_save_selection  (HubResultsPage *self,
                                              GFile          *destination,
                                              gboolean        merged);
gboolean    hub_results_page_get_downloading (HubResultsPage *self);
GtkWidget  *hub_results_page_get_viewer      (HubResultsPage *self);

G_END_DECLS
