/* hub-center.h: a medical center that sees a company's employees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUB_TYPE_CENTER (hub_center_get_type ())

G_DECLARE_FINAL_TYPE (HubCenter, hub_center, HUB, CENTER, GObject)

const char *hub_center_get_id      (HubCenter *self);
const char *hub_center_get_name    (HubCenter *self);
const char *hub_center_get_state   (HubCenter *self);
const char *hub_center_get_address (HubCenter *self);
const char *hub_center_get_phone   (HubCenter *self);

G_END_DECLS
