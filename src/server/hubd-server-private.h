/* hubd-server-private.h: what the API handlers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hubd-error.h"
#include "hubd-outbox.h"
#include "hubd-rate-limiter.h"
#include "hubd-server.h"
#include "hubd-store.h"

G_BEGIN_DECLS

/* Request bodies above this are refused with 413. */
#define HUBD_MAX_BODY_SIZE (64 * 1024)

#define HUBD_ID_COMPANY "co"
#define HUBD_ID_CONTACT "ct"
#define HUBD_ID_USER "usr"
#define HUBD_ID_RESULT "re"
#define HUBD_ID_VISIT "vi"
#define HUBD_ID_CENTER "ce"
#define HUBD_ID_LOCATION "lo"

/* R8: results are archived this long after posting. */
#define HUBD_ARCHIVE_AGE (90 * 24 * 60 * 60)

struct _HubdServer
{
  GObject parent_instance;

  SoupServer *soup;
  HubdStore *store;
  HubdOutbox *outbox;
  HubdRateLimiter *account_limiter;
  HubdRateLimiter *address_limiter;
  HubdRateLimiter *mail_limiter;
  gint64 session_lifetime;
  gint64 session_idle_timeout;
  gint64 reset_token_lifetime;
  gint64 invite_token_lifetime;
  char *public_url;
  char *data_dir;
  char *feed_key;
  guint port;
  guint prune_source;
};

/* One request being answered. */
typedef struct {
  HubdServer *server;
  SoupServerMessage *msg;
  GBytes *body;
  const char *params[4]; /* the {…} segments of the path, in order */
  gint64 now;
  HubdUser *user;   /* the signed-in user, on authenticated routes */
  char *token_hash; /* hash of the bearer token, on authenticated routes */
  char *range;      /* the request's Range header, which libsoup is kept
                     * from acting on: see handler() */
} HubdRequest;

void        hubd_request_respond_json   (HubdRequest  *req,
                                         guint         status,
                                         JsonBuilder  *builder);
void        hubd_request_respond_empty  (HubdRequest  *req,
                                         guint         status);
void        hubd_request_respond_bytes  (HubdRequest  *req,
                                         guint         status,
                                         const char   *content_type,
                                         GBytes       *bytes);
void        hubd_request_respond_error  (HubdRequest  *req,
                                         HubdError     code,
                                         const char   *field,
                                         const char   *message);
void        hubd_request_respond_gerror (HubdRequest  *req,
                                         const GError *error);
void        hubd_request_respond_locked (HubdRequest  *req,
                                         gint64        seconds);
JsonObject *hubd_request_parse_object   (HubdRequest  *req,
                                         const char * const *allowed);
const char *hubd_request_get_string     (HubdRequest  *req,
                                         JsonObject   *object,
                                         const char   *name,
                                         gsize         max_length);
const char *hubd_request_get_email      (HubdRequest  *req,
                                         JsonObject   *object);
const char *hubd_request_get_client     (HubdRequest  *req);
GHashTable *hubd_request_parse_query    (HubdRequest        *req,
                                         const char * const *allowed);
HubdMembership *hubd_request_require_membership (HubdRequest *req,
                                                 const char  *company_id);

char       *hubd_id_format              (const char   *prefix,
                                         gint64        id);
gint64      hubd_id_parse               (const char   *prefix,
                                         const char   *text);
char       *hubd_time_format            (gint64        unix_seconds);
gboolean    hubd_date_is_valid          (const char   *text);
GPtrArray  *hubd_list_all_memberships   (HubdServer   *self,
                                         HubdUser     *user,
                                         GError      **error);
void        hubd_build_user             (JsonBuilder  *builder,
                                         HubdUser     *user,
                                         GPtrArray    *memberships);
void        hubd_build_membership       (JsonBuilder    *builder,
                                         HubdMembership *membership);

char       *hubd_password_links         (HubdServer   *self,
                                         const char   *token);
char       *hubd_format_lifetime        (gint64        seconds);

/* The handlers, by operationId of the contract. */
void hubd_api_get_health          (HubdRequest *req);
void hubd_api_get_openapi         (HubdRequest *req);
void hubd_api_list_portal_links   (HubdRequest *req);
void hubd_api_sign_in             (HubdRequest *req);
void hubd_api_sign_out            (HubdRequest *req);
void hubd_api_forgot_password     (HubdRequest *req);
void hubd_api_set_password        (HubdRequest *req);
void hubd_api_get_current_user    (HubdRequest *req);
void hubd_api_list_companies      (HubdRequest *req);
void hubd_api_get_company         (HubdRequest *req);
void hubd_api_get_company_summary (HubdRequest *req);
void hubd_api_invite_contact      (HubdRequest *req);
void hubd_api_list_results        (HubdRequest *req);
void hubd_api_get_result          (HubdRequest *req);
void hubd_api_flag_result         (HubdRequest *req);
void hubd_api_unflag_result       (HubdRequest *req);
void hubd_api_review_result       (HubdRequest *req);
void hubd_api_get_result_content  (HubdRequest *req);
void hubd_api_list_result_changes (HubdRequest *req);
void hubd_api_list_centers        (HubdRequest *req);
void hubd_api_list_document_types (HubdRequest *req);
void hubd_api_post_feed_result    (HubdRequest *req);

/* A result as the API shows it (hubd-results-api.c). */
void hubd_build_result            (JsonBuilder *builder,
                                   HubdResult  *result,
                                   gint64       now);

G_END_DECLS
