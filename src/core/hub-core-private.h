/* hub-core-private.h: what the core library shares between its files and
 * with its tests, but not with the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hub-center.h"
#include "hub-client.h"
#include "hub-company.h"
#include "hub-company-summary.h"
#include "hub-document-type.h"
#include "hub-membership.h"
#include "hub-portal-link.h"
#include "hub-result.h"
#include "hub-result-page.h"
#include "hub-user.h"

G_BEGIN_DECLS

/* Reading the contract's JSON. Every failure is HUB_ERROR_SERVER with the
 * one sentence for answers this version does not understand; the member at
 * fault goes to the debug log (member names, never values). */
JsonObject *hub_json_parse_object     (GBytes      *bytes,
                                       GError     **error);
gboolean    hub_json_require_string   (JsonObject  *object,
                                       const char  *member,
                                       const char **out,
                                       GError     **error);
gboolean    hub_json_optional_string  (JsonObject  *object,
                                       const char  *member,
                                       const char **out,
                                       GError     **error);
gboolean    hub_json_require_id       (JsonObject  *object,
                                       const char  *member,
                                       const char **out,
                                       GError     **error);
gboolean    hub_json_require_boolean  (JsonObject  *object,
                                       const char  *member,
                                       gboolean    *out,
                                       GError     **error);
gboolean    hub_json_require_uint     (JsonObject  *object,
                                       const char  *member,
                                       guint       *out,
                                       GError     **error);
gboolean    hub_json_optional_uint    (JsonObject  *object,
                                       const char  *member,
                                       guint       *out,
                                       GError     **error);
JsonObject *hub_json_require_object   (JsonObject  *object,
                                       const char  *member,
                                       GError     **error);
gboolean    hub_json_optional_object  (JsonObject  *object,
                                       const char  *member,
                                       JsonObject **out,
                                       GError     **error);
JsonArray  *hub_json_require_array    (JsonObject  *object,
                                       const char  *member,
                                       GError     **error);
char       *hub_json_format_address   (JsonObject  *object,
                                       const char  *member,
                                       GError     **error);
gboolean    hub_json_is_id            (const char  *s);
gboolean    hub_json_is_date          (const char  *s);
void        hub_json_append_string    (GString     *out,
                                       const char  *value);
gsize       hub_json_string_max_size  (const char  *value);

/* Errors in words a person can act on. */
GError     *hub_error_new_contract    (const char  *what);
GError     *hub_error_new_cancelled   (void);
GError     *hub_error_new_transport   (const GError *error,
                                       const char   *server_name);
GError     *hub_error_new_response    (guint         status,
                                       JsonObject   *body,
                                       const char   *retry_after,
                                       gboolean      signing_in);
char       *hub_server_display_name   (GUri         *uri);
void        hub_clear_secret          (char        **secret);

/* What the client's files share: see hub-client.c. */
void        hub_client_call_async      (HubClient           *self,
                                        const char          *method,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
JsonObject *hub_client_call_finish     (HubClient           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
void        hub_client_download_async  (HubClient           *self,
                                        const char          *path,
                                        const char          *accept,
                                        gsize                max_size,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GBytes     *hub_client_download_finish (HubClient           *self,
                                        GAsyncResult        *result,
                                        GError             **error);
GTask      *hub_client_task_new        (HubClient           *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data,
                                        gpointer             source_tag);
char       *hub_client_company_path    (const char          *company_id,
                                        const char          *rest);

/* A file written under a temporary name beside its destination, then
 * renamed over it: see hub-save.c. */
typedef struct {
  int fd;
  char *tmp_path;
  char *path;
} HubAtomicFile;

gboolean    hub_atomic_file_open       (HubAtomicFile       *file,
                                        GFile               *destination,
                                        GError             **error);
gboolean    hub_atomic_file_write      (HubAtomicFile       *file,
                                        const guint8        *data,
                                        gsize                size,
                                        GError             **error);
gboolean    hub_atomic_file_commit     (HubAtomicFile       *file,
                                        GError             **error);
void        hub_atomic_file_clear      (HubAtomicFile       *file);

/* The models, read from the contract's schemas. */
HubMembership     *hub_membership_new_from_json      (JsonObject  *object,
                                                      GError     **error);
HubUser           *hub_user_new_from_json            (JsonObject  *object,
                                                      GError     **error);
HubPortalLink     *hub_portal_link_new_from_json     (JsonObject  *object,
                                                      GError     **error);
GListModel        *hub_portal_links_new_from_json    (JsonObject  *object,
                                                      GError     **error);
HubCompany        *hub_company_new_from_json         (JsonObject  *object,
                                                      GError     **error);
HubCompanySummary *hub_company_summary_new_from_json (JsonObject  *object,
                                                      GError     **error);
HubResult         *hub_result_new_from_json          (JsonObject  *object,
                                                      GError     **error);
GListModel        *hub_results_new_from_json         (JsonObject  *object,
                                                      const char  *member,
                                                      const char  *company_id,
                                                      GError     **error);
HubResultPage     *hub_result_page_new_from_json     (JsonObject  *object,
                                                      const char  *company_id,
                                                      GError     **error);
HubCenter         *hub_center_new_from_json          (JsonObject  *object,
                                                      GError     **error);
HubDocumentType   *hub_document_type_new_from_json   (JsonObject  *object,
                                                      GError     **error);

G_END_DECLS
