/* hub-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-role.h"

/* The wire names of the contract's Role schema. */
static const char * const role_names[] = {
  [HUB_ROLE_NONE] = "none",
  [HUB_ROLE_BASIC] = "basic",
  [HUB_ROLE_USER_ADMIN] = "user_admin",
};

/**
 * hub_role_from_string:
 * @s: (nullable): a role as the API spells it
 *
 * Unknown or missing roles read as %HUB_ROLE_NONE, the role with the fewest
 * rights, so that a newer server never grants more in this client than it
 * means to.
 *
 * Returns: the role
 */
HubRole
hub_role_from_string (const char *s)
{
  if (s == NULL)
    return HUB_ROLE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_str_equal (s, role_names[i]))
        return (HubRole) i;
    }

  return HUB_ROLE_NONE;
}

/**
 * hub_role_to_string:
 * @role: a role
 *
 * Returns: the role as the API spells it
 */
const char *
hub_role_to_string (HubRole role)
{
  g_return_val_if_fail (role <= HUB_ROLE_USER_ADMIN, "none");

  return role_names[role];
}
