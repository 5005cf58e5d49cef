/* hub-company-summary.h: the figures the dashboard shows for a company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUB_TYPE_COMPANY_SUMMARY (hub_company_summary_get_type ())

G_DECLARE_FINAL_TYPE (HubCompanySummary, hub_company_summary, HUB, COMPANY_SUMMARY, GObject)

const char *hub_company_summary_get_company_id          (HubCompanySummary *self);
guint       hub_company_summary_get_locations           (HubCompanySummary *self);
guint       hub_company_summary_get_markets             (HubCompanySummary *self);
guint       hub_company_summary_get_contacts            (HubCompanySummary *self);
guint       hub_company_summary_get_portal_users        (HubCompanySummary *self);
guint       hub_company_summary_get_user_admins         (HubCompanySummary *self);
guint       hub_company_summary_get_pending_invitations (HubCompanySummary *self);
guint       hub_company_summary_get_results_new         (HubCompanySummary *self);
guint       hub_company_summary_get_results_unreviewed  (HubCompanySummary *self);
guint       hub_company_summary_get_results_flagged     (HubCompanySummary *self);

G_END_DECLS
