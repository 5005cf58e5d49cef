/* hub-membership.h: a user's role and permissions in one company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hub-role.h"

G_BEGIN_DECLS

#define HUB_TYPE_MEMBERSHIP (hub_membership_get_type ())

G_DECLARE_FINAL_TYPE (HubMembership, hub_membership, HUB, MEMBERSHIP, GObject)

const char *hub_membership_get_company_id             (HubMembership *self);
const char *hub_membership_get_company_name           (HubMembership *self);
HubRole     hub_membership_get_role                   (HubMembership *self);
gboolean    hub_membership_get_patient_visit_activity (HubMembership *self);
gboolean    hub_membership_get_billing_admin          (HubMembership *self);
gboolean    hub_membership_get_visit_search           (HubMembership *self);
gboolean    hub_membership_get_billing_contact        (HubMembership *self);

G_END_DECLS
