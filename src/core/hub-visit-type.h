/* hub-visit-type.h: whether a visit was for a work injury
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HubVisitType:
 * @HUB_VISIT_TYPE_ANY: in a search, either type; in a result, a type this
 *   version does not know
 * @HUB_VISIT_TYPE_INJURY: a visit for a work injury
 * @HUB_VISIT_TYPE_NON_INJURY: any other visit: physicals, tests, vaccines
 */
typedef enum {
  HUB_VISIT_TYPE_ANY,
  HUB_VISIT_TYPE_INJURY,
  HUB_VISIT_TYPE_NON_INJURY,
} HubVisitType;

HubVisitType  hub_visit_type_from_string (const char   *s);
const char   *hub_visit_type_to_string   (HubVisitType  visit_type);

G_END_DECLS
