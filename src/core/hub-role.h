/* hub-role.h: a user's portal role in one company
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HubRole:
 * @HUB_ROLE_NONE: a contact without portal access
 * @HUB_ROLE_BASIC: a Basic user
 * @HUB_ROLE_USER_ADMIN: a User Admin
 */
typedef enum {
  HUB_ROLE_NONE,
  HUB_ROLE_BASIC,
  HUB_ROLE_USER_ADMIN,
} HubRole;

HubRole     hub_role_from_string (const char *s);
const char *hub_role_to_string   (HubRole     role);

G_END_DECLS
