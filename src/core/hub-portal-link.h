/* hub-portal-link.h: a drug-screen results portal shown at sign-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUB_TYPE_PORTAL_LINK (hub_portal_link_get_type ())

G_DECLARE_FINAL_TYPE (HubPortalLink, hub_portal_link, HUB, PORTAL_LINK, GObject)

const char *hub_portal_link_get_title       (HubPortalLink *self);
const char *hub_portal_link_get_url         (HubPortalLink *self);
const char *hub_portal_link_get_description (HubPortalLink *self);

G_END_DECLS
