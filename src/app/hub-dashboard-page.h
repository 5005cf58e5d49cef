/* hub-dashboard-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_DASHBOARD_PAGE (hub_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (HubDashboardPage, hub_dashboard_page, HUB, DASHBOARD_PAGE, AdwNavigationPage)

void        hub_dashboard_page_load        (HubDashboardPage *self,
                                            HubClient        *client,
                                            HubMembership    *membership);
void        hub_dashboard_page_clear       (HubDashboardPage *self);
const char *hub_dashboard_page_get_state   (HubDashboardPage *self);

G_END_DECLS
