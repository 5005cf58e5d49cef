/* hub-result.h: one document of a visit, as the results list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hub-visit-type.h"

G_BEGIN_DECLS

#define HUB_TYPE_RESULT (hub_result_get_type ())

G_DECLARE_FINAL_TYPE (HubResult, hub_result, HUB, RESULT, GObject)

HubResult    *hub_result_new_placeholder           (void);
gboolean      hub_result_is_placeholder            (HubResult *self);

const char   *hub_result_get_id                    (HubResult *self);
const char   *hub_result_get_company_id            (HubResult *self);

const char   *hub_result_get_visit_id              (HubResult *self);
const char   *hub_result_get_visit_date            (HubResult *self);
HubVisitType  hub_result_get_visit_type            (HubResult *self);
const char   *hub_result_get_state                 (HubResult *self);
const char   *hub_result_get_claim_number          (HubResult *self);

const char   *hub_result_get_employee_first_name   (HubResult *self);
const char   *hub_result_get_employee_last_name    (HubResult *self);
const char   *hub_result_get_employee_date_of_birth (HubResult *self);
const char   *hub_result_get_employee_id           (HubResult *self);
char         *hub_result_dup_employee_name         (HubResult *self);

const char   *hub_result_get_center_id             (HubResult *self);
const char   *hub_result_get_center_name           (HubResult *self);
const char   *hub_result_get_center_state          (HubResult *self);
const char   *hub_result_get_location_id           (HubResult *self);
const char   *hub_result_get_location_name         (HubResult *self);

const char   *hub_result_get_document_type         (HubResult *self);
const char   *hub_result_get_document_name         (HubResult *self);
guint         hub_result_get_document_pages        (HubResult *self);

GDateTime    *hub_result_get_posted_at             (HubResult *self);
gboolean      hub_result_get_archived              (HubResult *self);
gboolean      hub_result_get_new                   (HubResult *self);
gboolean      hub_result_get_flagged               (HubResult *self);
const char   *hub_result_get_flagged_by_id         (HubResult *self);
const char   *hub_result_get_flagged_by_name       (HubResult *self);
GDateTime    *hub_result_get_flagged_at            (HubResult *self);
gboolean      hub_result_get_reviewed              (HubResult *self);
const char   *hub_result_get_reviewed_by_id        (HubResult *self);
const char   *hub_result_get_reviewed_by_name      (HubResult *self);
GDateTime    *hub_result_get_reviewed_at           (HubResult *self);

gboolean      hub_result_update_from               (HubResult *self,
                                                    HubResult *newer);

G_END_DECLS
