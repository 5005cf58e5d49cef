/* hub-result-list.h: the results of a search, loaded page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hub-client.h"
#include "hub-result.h"
#include "hub-result-query.h"

G_BEGIN_DECLS

#define HUB_TYPE_RESULT_LIST (hub_result_list_get_type ())

G_DECLARE_FINAL_TYPE (HubResultList, hub_result_list, HUB, RESULT_LIST, GObject)

HubResultList  *hub_result_list_new           (HubClient      *client,
                                               const char     *company_id,
                                               HubResultQuery *query,
                                               guint           page_size);
HubClient      *hub_result_list_get_client    (HubResultList  *self);
const char     *hub_result_list_get_company_id (HubResultList *self);
HubResultQuery *hub_result_list_get_query     (HubResultList  *self);
guint           hub_result_list_get_page_size (HubResultList  *self);
guint           hub_result_list_get_total     (HubResultList  *self);
guint           hub_result_list_get_n_loaded  (HubResultList  *self);
gboolean        hub_result_list_get_ready     (HubResultList  *self);
gboolean        hub_result_list_get_loading   (HubResultList  *self);
const GError   *hub_result_list_get_error     (HubResultList  *self);
void            hub_result_list_reload        (HubResultList  *self);
void            hub_result_list_cancel        (HubResultList  *self);
HubResult      *hub_result_list_find          (HubResultList  *self,
                                               const char     *result_id);
gboolean        hub_result_list_update_result (HubResultList  *self,
                                               HubResult      *newer);

G_END_DECLS
