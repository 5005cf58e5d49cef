/* hub-result-query.h: what a results search asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hub-tristate.h"
#include "hub-visit-type.h"

G_BEGIN_DECLS

#define HUB_TYPE_RESULT_QUERY (hub_result_query_get_type ())

G_DECLARE_FINAL_TYPE (HubResultQuery, hub_result_query, HUB, RESULT_QUERY, GObject)

HubResultQuery *hub_result_query_new                  (void);
HubResultQuery *hub_result_query_copy                 (HubResultQuery *self);
gboolean        hub_result_query_equal                (HubResultQuery *a,
                                                       HubResultQuery *b);
char           *hub_result_query_to_string            (HubResultQuery *self);

const char     *hub_result_query_get_name             (HubResultQuery *self);
void            hub_result_query_set_name             (HubResultQuery *self,
                                                       const char     *name);
const char     *hub_result_query_get_dob              (HubResultQuery *self);
void            hub_result_query_set_dob              (HubResultQuery *self,
                                                       const char     *dob);
const char     *hub_result_query_get_state            (HubResultQuery *self);
void            hub_result_query_set_state            (HubResultQuery *self,
                                                       const char     *state);
const char     *hub_result_query_get_center_id        (HubResultQuery *self);
void            hub_result_query_set_center_id        (HubResultQuery *self,
                                                       const char     *center_id);
HubVisitType    hub_result_query_get_visit_type       (HubResultQuery *self);
void            hub_result_query_set_visit_type       (HubResultQuery *self,
                                                       HubVisitType    visit_type);
const char     *hub_result_query_get_claim            (HubResultQuery *self);
void            hub_result_query_set_claim            (HubResultQuery *self,
                                                       const char     *claim);
const char     *hub_result_query_get_document         (HubResultQuery *self);
void            hub_result_query_set_document         (HubResultQuery *self,
                                                       const char     *document);
HubTristate     hub_result_query_get_reviewed         (HubResultQuery *self);
void            hub_result_query_set_reviewed         (HubResultQuery *self,
                                                       HubTristate     reviewed);
HubTristate     hub_result_query_get_flagged          (HubResultQuery *self);
void            hub_result_query_set_flagged          (HubResultQuery *self,
                                                       HubTristate     flagged);
const char     *hub_result_query_get_from             (HubResultQuery *self);
void            hub_result_query_set_from             (HubResultQuery *self,
                                                       const char     *from);
const char     *hub_result_query_get_to               (HubResultQuery *self);
void            hub_result_query_set_to               (HubResultQuery *self,
                                                       const char     *to);
gboolean        hub_result_query_get_include_archived (HubResultQuery *self);
void            hub_result_query_set_include_archived (HubResultQuery *self,
                                                       gboolean        include_archived);
const char     *hub_result_query_get_sort             (HubResultQuery *self);
void            hub_result_query_set_sort             (HubResultQuery *self,
                                                       const char     *sort);

G_END_DECLS
