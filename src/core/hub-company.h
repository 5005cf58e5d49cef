/* hub-company.h: one company the user belongs to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUB_TYPE_COMPANY (hub_company_get_type ())

G_DECLARE_FINAL_TYPE (HubCompany, hub_company, HUB, COMPANY, GObject)

const char *hub_company_get_id               (HubCompany *self);
const char *hub_company_get_name             (HubCompany *self);
const char *hub_company_get_phone            (HubCompany *self);
char       *hub_company_dup_physical_address (HubCompany *self);
char       *hub_company_dup_billing_address  (HubCompany *self);

G_END_DECLS
