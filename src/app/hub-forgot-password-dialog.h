/* hub-forgot-password-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_FORGOT_PASSWORD_DIALOG (hub_forgot_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubForgotPasswordDialog, hub_forgot_password_dialog,
                      HUB, FORGOT_PASSWORD_DIALOG, AdwDialog)

AdwDialog *hub_forgot_password_dialog_new (HubClient  *client,
                                           const char *email);

G_END_DECLS
