/* hub-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-labels.h"

const char *
hub_labels_for_role (HubRole role)
{
  switch (role) {
    case HUB_ROLE_USER_ADMIN:
      return _("User Admin");
    case HUB_ROLE_BASIC:
      return _("Basic User");
    case HUB_ROLE_NONE:
    default:
      return _("No Portal Access");
  }
}
