/* hub-core-private.h: what the core library shares between its files and
 * with its tests, but not with the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hub-company.h"
#include "hub-company-summary.h"
#include "hub-membership.h"
#include "hub-portal-link.h"
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
JsonArray  *hub_json_require_array    (JsonObject  *object,
                                       const char  *member,
                                       GError     **error);
gboolean    hub_json_is_id            (const char  *s);
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

G_END_DECLS
