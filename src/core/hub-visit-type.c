/* hub-visit-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-visit-type.h"

/* The wire names of the contract's VisitType schema. */
static const char * const visit_type_names[] = {
  [HUB_VISIT_TYPE_ANY] = NULL,
  [HUB_VISIT_TYPE_INJURY] = "injury",
  [HUB_VISIT_TYPE_NON_INJURY] = "non_injury",
};

/**
 * hub_visit_type_from_string:
 * @s: (nullable): a visit type as the API spells it
 *
 * Returns: the visit type, %HUB_VISIT_TYPE_ANY for %NULL or a name this
 *   version does not know
 */
HubVisitType
hub_visit_type_from_string (const char *s)
{
  if (s == NULL)
    return HUB_VISIT_TYPE_ANY;

  for (guint i = HUB_VISIT_TYPE_INJURY; i < G_N_ELEMENTS (visit_type_names); i++)
    {
      if (g_str_equal (s, visit_type_names[i]))
        return (HubVisitType) i;
    }

  return HUB_VISIT_TYPE_ANY;
}

/**
 * hub_visit_type_to_string:
 * @visit_type: a visit type
 *
 * Returns: (nullable): the visit type as the API spells it, %NULL for
 *   %HUB_VISIT_TYPE_ANY
 */
const char *
hub_visit_type_to_string (HubVisitType visit_type)
{
  g_return_val_if_fail (visit_type <= HUB_VISIT_TYPE_NON_INJURY, NULL);

  return visit_type_names[visit_type];
}
