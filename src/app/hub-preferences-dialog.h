/* hub-preferences-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUB_TYPE_PREFERENCES_DIALOG (hub_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HubPreferencesDialog, hub_preferences_dialog,
                      HUB, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *hub_preferences_dialog_new          (GSettings  *settings);
char      *hub_preferences_normalize_server_url (const char *text,
                                                GError    **error);

G_END_DECLS
