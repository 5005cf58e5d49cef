/* hub-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_WINDOW (hub_window_get_type ())

G_DECLARE_FINAL_TYPE (HubWindow, hub_window, HUB, WINDOW, AdwApplicationWindow)

HubWindow  *hub_window_new               (gpointer    application,
                                          GSettings  *settings);
void        hub_window_set_server        (HubWindow  *self,
                                          const char *base_url);
void        hub_window_follow_server_setting (HubWindow *self);
void        hub_window_disable_keyring   (HubWindow  *self);
HubClient  *hub_window_get_client        (HubWindow  *self);
void        hub_window_start             (HubWindow  *self);
void        hub_window_sign_in           (HubWindow  *self,
                                          const char *email,
                                          const char *password,
                                          gboolean    remember);
void        hub_window_show_starting     (HubWindow  *self,
                                          const char *title);
void        hub_window_show_start_error  (HubWindow  *self,
                                          const char *title,
                                          const char *message);
void        hub_window_add_toast         (HubWindow  *self,
                                          const char *message);
void        hub_window_show_set_password (HubWindow  *self,
                                          const char *token);
const char *hub_window_get_visible_page  (HubWindow  *self);

G_END_DECLS
