/* hub-client.h: the HUB API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hub-company.h"
#include "hub-company-summary.h"
#include "hub-result.h"
#include "hub-result-page.h"
#include "hub-result-query.h"
#include "hub-user.h"

G_BEGIN_DECLS

#define HUB_TYPE_CLIENT (hub_client_get_type ())

G_DECLARE_FINAL_TYPE (HubClient, hub_client, HUB, CLIENT, GObject)

HubClient         *hub_client_new                          (const char          *base_url);
const char        *hub_client_get_base_url                 (HubClient           *self);
HubUser           *hub_client_get_user                     (HubClient           *self);
gboolean           hub_client_get_signed_in                (HubClient           *self);

void               hub_client_sign_in_async                (HubClient           *self,
                                                            const char          *email,
                                                            const char          *password,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubUser           *hub_client_sign_in_finish               (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_sign_out_async               (HubClient           *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean           hub_client_sign_out_finish              (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_request_password_reset_async (HubClient           *self,
                                                            const char          *email,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean           hub_client_request_password_reset_finish (HubClient          *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_set_password_async           (HubClient           *self,
                                                            const char          *token,
                                                            const char          *password,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean           hub_client_set_password_finish          (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_list_portal_links_async      (HubClient           *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GListModel        *hub_client_list_portal_links_finish     (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_refresh_user_async           (HubClient           *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubUser           *hub_client_refresh_user_finish          (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_get_company_async            (HubClient           *self,
                                                            const char          *company_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubCompany        *hub_client_get_company_finish           (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_get_company_summary_async    (HubClient           *self,
                                                            const char          *company_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubCompanySummary *hub_client_get_company_summary_finish   (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_invite_contact_async         (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *contact_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean           hub_client_invite_contact_finish        (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Visit results: hub-client-results.c */
void               hub_client_search_results_async         (HubClient           *self,
                                                            const char          *company_id,
                                                            HubResultQuery      *query,
                                                            const char          *cursor,
                                                            guint                limit,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubResultPage     *hub_client_search_results_finish        (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_get_result_async             (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *result_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubResult         *hub_client_get_result_finish            (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_set_result_flagged_async     (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *result_id,
                                                            gboolean             flagged,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubResult         *hub_client_set_result_flagged_finish    (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            gboolean            *changed,
                                                            GError             **error);
void               hub_client_mark_result_reviewed_async   (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *result_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
HubResult         *hub_client_mark_result_reviewed_finish  (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            gboolean            *changed,
                                                            GError             **error);
void               hub_client_download_result_async        (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *result_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GBytes            *hub_client_download_result_finish       (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_get_result_changes_async     (HubClient           *self,
                                                            const char          *company_id,
                                                            const char          *since,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GListModel        *hub_client_get_result_changes_finish    (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            char               **token,
                                                            gboolean            *more,
                                                            GError             **error);
void               hub_client_list_centers_async           (HubClient           *self,
                                                            const char          *company_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GListModel        *hub_client_list_centers_finish          (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void               hub_client_list_document_types_async    (HubClient           *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GListModel        *hub_client_list_document_types_finish   (HubClient           *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
