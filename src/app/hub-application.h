/* hub-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUB_TYPE_APPLICATION (hub_application_get_type ())

G_DECLARE_FINAL_TYPE (HubApplication, hub_application, HUB, APPLICATION, AdwApplication)

HubApplication *hub_application_new          (void);
GSettings      *hub_application_get_settings (HubApplication *self);

G_END_DECLS
