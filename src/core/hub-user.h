/* hub-user.h: the signed-in user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hub-membership.h"

G_BEGIN_DECLS

#define HUB_TYPE_USER (hub_user_get_type ())

G_DECLARE_FINAL_TYPE (HubUser, hub_user, HUB, USER, GObject)

const char    *hub_user_get_id           (HubUser    *self);
const char    *hub_user_get_email        (HubUser    *self);
const char    *hub_user_get_first_name   (HubUser    *self);
const char    *hub_user_get_last_name    (HubUser    *self);
char          *hub_user_dup_display_name (HubUser    *self);
GListModel    *hub_user_get_memberships  (HubUser    *self);
HubMembership *hub_user_find_membership  (HubUser    *self,
                                          const char *company_id);

G_END_DECLS
