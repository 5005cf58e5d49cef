/* api-client.h: calling hubd from the API tests, and checking what it
 * answered against the contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hub-test-server.h"

G_BEGIN_DECLS

#define DEMO_PASSWORD "HubDemo!2026"
#define API_FEED_KEY "test-feed-key-0123456789"

/* A result a clinic posts; NULL members are left out. */
typedef struct {
  const char *company_id;
  const char *location_id;
  const char *center_id;
  const char *first_name;
  const char *last_name;
  const char *date_of_birth;
  const char *employee_id;
  const char *visit_date;
  const char *visit_type;
  const char *claim_number;
  const char *document_type;
  gint64 posted_at; /* 0 for now */
} ApiFeedPost;

typedef struct {
  guint status;
  char *content_type;
  GBytes *body;
  JsonNode *json; /* NULL unless the body is JSON */
  SoupMessageHeaders *headers;
} ApiResponse;

void         api_init                (int            *argc,
                                      char         ***argv);
ApiResponse *api_call                (HubTestServer  *server,
                                      const char     *method,
                                      const char     *path,
                                      const char     *token,
                                      const char     *json_body);
ApiResponse *api_call_raw            (HubTestServer  *server,
                                      const char     *method,
                                      const char     *path,
                                      const char     *token,
                                      GBytes         *body,
                                      gboolean        chunked);
ApiResponse *api_call_with_headers   (HubTestServer      *server,
                                      const char         *method,
                                      const char         *path,
                                      const char         *token,
                                      const char         *json_body,
                                      const char * const *headers);
void         api_response_free       (ApiResponse    *response);
JsonObject  *api_response_object     (ApiResponse    *response);
void         api_assert_error        (ApiResponse    *response,
                                      guint           status,
                                      const char     *code,
                                      const char     *field);
ApiResponse *api_post_session        (HubTestServer  *server,
                                      const char     *email,
                                      const char     *password);
char        *api_sign_in             (HubTestServer  *server,
                                      const char     *email,
                                      const char     *password);
char        *api_token_from_mail     (const char     *mail);
gint64       api_query_int           (HubTestServer  *server,
                                      const char     *sql);
void         api_exec_sql            (HubTestServer  *server,
                                      const char     *sql);
char        *api_feed_body           (const ApiFeedPost *post);
ApiResponse *api_post_feed           (HubTestServer     *server,
                                      const char        *feed_key,
                                      const ApiFeedPost *post);
char        *api_post_result         (HubTestServer     *server,
                                      const ApiFeedPost *post);
void         api_trust_certificate   (GTlsCertificate *certificate);
HubTestServer *api_start_server      (const char * const *extra_args);
int          api_run                 (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApiResponse, api_response_free)

G_END_DECLS
