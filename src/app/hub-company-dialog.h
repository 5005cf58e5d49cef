/* hub-company-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_COMPANY_DIALOG (hub_company_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubCompanyDialog, hub_company_dialog, HUB, COMPANY_DIALOG, AdwDialog)

AdwDialog *hub_company_dialog_new (HubUser    *user,
                                   const char *current_company_id);

G_END_DECLS
