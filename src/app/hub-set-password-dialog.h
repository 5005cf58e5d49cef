/* hub-set-password-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_SET_PASSWORD_DIALOG (hub_set_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubSetPasswordDialog, hub_set_password_dialog,
                      HUB, SET_PASSWORD_DIALOG, AdwDialog)

AdwDialog *hub_set_password_dialog_new            (HubClient  *client,
                                                   const char *token);
char      *hub_set_password_dialog_token_from_link (const char *link);

G_END_DECLS
