/* hub-main-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_MAIN_VIEW (hub_main_view_get_type ())

G_DECLARE_FINAL_TYPE (HubMainView, hub_main_view, HUB, MAIN_VIEW, AdwBreakpointBin)

void        hub_main_view_set_session    (HubMainView *self,
                                          HubClient   *client,
                                          GSettings   *settings);
void        hub_main_view_clear          (HubMainView *self);
const char *hub_main_view_get_company_id (HubMainView *self);
void        hub_main_view_set_company    (HubMainView *self,
                                          const char  *company_id);
void        hub_main_view_show_results   (HubMainView *self,
                                          const char  *filter);
void        hub_main_view_set_poll_interval (HubMainView *self,
                                             guint        seconds);
void        hub_main_view_refresh        (HubMainView *self);

G_END_DECLS
