/* hubd-server.c: the HUB API over HTTP
 *
 * Routing, request bodies, authentication and the one error shape live
 * here; the handlers of each API area live in hubd-*-api.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include <string.h>

#include "hubd-crypto.h"

#define API_PREFIX "/api/v1"
#define BODY_KEY "hubd-body"
#define BODY_TOO_LARGE_KEY "hubd-body-too-large"

/* A declared body above this is refused before it is read, closing the
 * connection; a smaller one that is still too large is read and dropped,
 * so that the client surely sees the 413 and the connection lives on. */
#define EARLY_REJECT_SIZE (16 * HUBD_MAX_BODY_SIZE)

G_DEFINE_FINAL_TYPE (HubdServer, hubd_server, G_TYPE_OBJECT)

typedef void (*HubdHandler) (HubdRequest *req);

typedef struct {
  const char *method;
  const char *path; /* "{}" stands for one path segment */
  gboolean authenticated;
  HubdHandler handler;
} Route;

static const Route routes[] = {
  { "GET", "/health", FALSE, hubd_api_get_health },
  { "GET", "/openapi.yaml", FALSE, hubd_api_get_openapi },
  { "GET", "/portal-links", FALSE, hubd_api_list_portal_links },
  { "POST", "/session", FALSE, hubd_api_sign_in },
  { "DELETE", "/session", TRUE, hubd_api_sign_out },
  { "POST", "/password/forgot", FALSE, hubd_api_forgot_password },
  { "POST", "/password/reset", FALSE, hubd_api_set_password },
  { "GET", "/me", TRUE, hubd_api_get_current_user },
  { "GET", "/companies", TRUE, hubd_api_list_companies },
  { "GET", "/companies/{}", TRUE, hubd_api_get_company },
  { "GET", "/companies/{}/summary", TRUE, hubd_api_get_company_summary },
  { "POST", "/companies/{}/contacts/{}/invitation", TRUE, hubd_api_invite_contact },
  { "GET", "/companies/{}/results", TRUE, hubd_api_list_results },
  { "GET", "/companies/{}/results/changes", TRUE, hubd_api_list_result_changes },
  { "GET", "/companies/{}/results/{}", TRUE, hubd_api_get_result },
  { "PUT", "/companies/{}/results/{}/flag", TRUE, hubd_api_flag_result },
  { "DELETE", "/companies/{}/results/{}/flag", TRUE, hubd_api_unflag_result },
  { "PUT", "/companies/{}/results/{}/review", TRUE, hubd_api_review_result },
  { "GET", "/companies/{}/results/{}/content", TRUE, hubd_api_get_result_content },
  { "GET", "/companies/{}/centers", TRUE, hubd_api_list_centers },
  { "GET", "/document-types", TRUE, hubd_api_list_document_types },
  /* Clinics authenticate with the feed key, not a session. */
  { "POST", "/feed/results", FALSE, hubd_api_post_feed_result },
};

/* --- ids and times ------------------------------------------------------- */

char *
hubd_id_format (const char *prefix,
                gint64      id)
{
  return g_strdup_printf ("%s_%" G_GINT64_FORMAT, prefix, id);
}

/* Returns 0 when text is not an id of that kind. */
gint64
hubd_id_parse (const char *prefix,
               const char *text)
{
  gsize prefix_len = strlen (prefix);
  guint64 id;

  if (text == NULL || strncmp (text, prefix, prefix_len) != 0 ||
      text[prefix_len] != '_')
    return 0;

  if (!g_ascii_string_to_unsigned (text + prefix_len + 1, 10, 1, G_MAXINT64,
                                   &id, NULL))
    return 0;

  return (gint64) id;
}

char *
hubd_time_format (gint64 unix_seconds)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format_iso8601 (time);
}

/* Whether text is a real calendar date written YYYY-MM-DD. */
gboolean
hubd_date_is_valid (const char *text)
{
  g_autofree char *copy = NULL;
  guint64 year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  copy = g_strdup (text);
  copy[4] = copy[7] = '\0';
  return g_ascii_string_to_unsigned (copy, 10, 1800, 2999, &year, NULL) &&
         g_ascii_string_to_unsigned (copy + 5, 10, 1, 12, &month, NULL) &&
         g_ascii_string_to_unsigned (copy + 8, 10, 1, 31, &day, NULL) &&
         g_date_valid_dmy (day, month, year);
}

static const char *
bearer_token (SoupServerMessage *msg)
{
  const char *value;

  value = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                        "Authorization");
  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;

  value += 7;
  while (*value == ' ')
    value++;

  return *value != '\0' ? value : NULL;
}

/* --- responses ----------------------------------------------------------- */

static void
respond_bytes (HubdRequest *req,
               guint        status,
               const char  *content_type,
               const char  *data,
               gsize        length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_server_message_set_status (req->msg, status, NULL);
  if (content_type != NULL)
    soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY,
                                      data, length);
}

static void
respond_node (HubdRequest *req,
              guint        status,
              JsonNode    *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  respond_bytes (req, status, "application/json", text, length);
}

void
hubd_request_respond_json (HubdRequest *req,
                           guint        status,
                           JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  respond_node (req, status, root);
}

void
hubd_request_respond_empty (HubdRequest *req,
                            guint        status)
{
  respond_bytes (req, status, NULL, NULL, 0);
}

void
hubd_request_respond_bytes (HubdRequest *req,
                            guint        status,
                            const char  *content_type,
                            GBytes      *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  respond_bytes (req, status, content_type, data, length);
}

static void
respond_problem (HubdRequest *req,
                 HubdError    code,
                 const char  *field,
                 const char  *message,
                 gint64       retry_after)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  guint status = hubd_error_to_status (code);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, hubd_error_to_code (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (field != NULL) {
    json_builder_set_member_name (builder, "field");
    json_builder_add_string_value (builder, field);
  }
  if (retry_after > 0) {
    json_builder_set_member_name (builder, "retry_after_seconds");
    json_builder_add_int_value (builder, retry_after);
  }
  json_builder_end_object (builder);

  /* RFC 6750: a token that was sent and does not work is an invalid_token;
   * no token at all is just the challenge. */
  if (status == SOUP_STATUS_UNAUTHORIZED) {
    SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
    gboolean bad_token = code != HUBD_ERROR_INVALID_CREDENTIALS &&
                         bearer_token (req->msg) != NULL;

    soup_message_headers_replace (headers, "WWW-Authenticate",
                                  bad_token
                                    ? "Bearer realm=\"HUB\", error=\"invalid_token\""
                                    : "Bearer realm=\"HUB\"");
  }

  hubd_request_respond_json (req, status, builder);
}

void
hubd_request_respond_error (HubdRequest *req,
                            HubdError    code,
                            const char  *field,
                            const char  *message)
{
  respond_problem (req, code, field, message, 0);
}

/* 429 with how long to wait, in the body and in Retry-After. */
void
hubd_request_respond_locked (HubdRequest *req,
                             gint64       seconds)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  gint64 minutes = (seconds + 59) / 60;
  g_autofree char *message = NULL;
  g_autofree char *retry_after = NULL;

  message = g_strdup_printf ("Too many failed sign-ins. Try again in %"
                             G_GINT64_FORMAT " %s.", minutes,
                             minutes == 1 ? "minute" : "minutes");
  retry_after = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);
  soup_message_headers_replace (headers, "Retry-After", retry_after);
  respond_problem (req, HUBD_ERROR_TOO_MANY_ATTEMPTS, NULL, message, seconds);
}

/* Errors of our own domain carry a message for the client; anything else
 * (the database, the disk) is logged and answered with a generic 500. */
void
hubd_request_respond_gerror (HubdRequest  *req,
                             const GError *error)
{
  if (error->domain == HUBD_ERROR && error->code != HUBD_ERROR_INTERNAL) {
    respond_problem (req, error->code, NULL, error->message, 0);
    return;
  }

  g_warning ("%s %s failed: %s", soup_server_message_get_method (req->msg),
             g_uri_get_path (soup_server_message_get_uri (req->msg)),
             error->message);
  respond_problem (req, HUBD_ERROR_INTERNAL, NULL,
                   "The server could not complete the request. Try again; "
                   "if it keeps failing, tell your HUB administrator.", 0);
}

/* --- request bodies ------------------------------------------------------ */

JsonObject *
hubd_request_parse_object (HubdRequest        *req,
                           const char * const *allowed)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  JsonNode *root;
  JsonObjectIter iter;
  const char *name;

  if (g_bytes_get_size (req->body) == 0) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_JSON, NULL,
                                "The request needs a JSON object as its body.");
    return NULL;
  }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (req->body, NULL),
                                   g_bytes_get_size (req->body), &error)) {
    message = g_strdup_printf ("The request body is not valid JSON: %s",
                               error->message);
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_JSON, NULL, message);
    return NULL;
  }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_JSON, NULL,
                                "The request body must be a JSON object.");
    return NULL;
  }

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, NULL)) {
    if (!g_strv_contains (allowed, name)) {
      message = g_strdup_printf ("“%s” is not a field of this request.", name);
      hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, name, message);
      return NULL;
    }
  }

  return json_object_ref (json_node_get_object (root));
}

/* A required string member; NULL (after answering 400) when it is missing,
 * not a string, empty or longer than max_length characters. */
const char *
hubd_request_get_string (HubdRequest *req,
                         JsonObject  *object,
                         const char  *name,
                         gsize        max_length)
{
  g_autofree char *message = NULL;
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node)) {
    message = g_strdup_printf ("“%s” is required.", name);
  } else if (!JSON_NODE_HOLDS_VALUE (node) ||
             json_node_get_value_type (node) != G_TYPE_STRING) {
    message = g_strdup_printf ("“%s” must be a string.", name);
  } else {
    value = json_node_get_string (node);
    if (*value == '\0')
      message = g_strdup_printf ("“%s” must not be empty.", name);
    else if (g_utf8_strlen (value, -1) > (glong) max_length)
      message = g_strdup_printf ("“%s” is longer than %" G_GSIZE_FORMAT
                                 " characters.", name, max_length);
    else
      return value;
  }

  hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, name, message);
  return NULL;
}

/* The "email" member, checked loosely: the address is only ever compared
 * with known ones, never used to route mail before it is known. */
const char *
hubd_request_get_email (HubdRequest *req,
                        JsonObject  *object)
{
  const char *email = hubd_request_get_string (req, object, "email", 254);
  const char *at;

  if (email == NULL)
    return NULL;

  at = strchr (email, '@');
  if (at == NULL || at == email || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strpbrk (email, " \t\r\n<>") != NULL) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, "email",
                                "Enter a work email address, such as "
                                "name@example.com.");
    return NULL;
  }

  return email;
}

const char *
hubd_request_get_client (HubdRequest *req)
{
  const char *host = soup_server_message_get_remote_host (req->msg);

  return host != NULL ? host : "unknown";
}

/* The query's parameters, or NULL after answering 400 for a malformed
 * query or a parameter not in allowed. */
GHashTable *
hubd_request_parse_query (HubdRequest        *req,
                          const char * const *allowed)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_autoptr (GHashTable) params = NULL;
  GHashTableIter iter;
  const char *name;

  if (query == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_REQUEST, NULL,
                                "The query string of this request is malformed.");
    return NULL;
  }

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL)) {
    if (!g_strv_contains (allowed, name)) {
      g_autofree char *message = g_strdup_printf ("“%s” is not a parameter of "
                                                  "this request.", name);
      hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, name, message);
      return NULL;
    }
  }

  return g_steal_pointer (&params);
}

/* Bodies are collected here rather than by libsoup, so that a client
 * cannot make the server hold more than HUBD_MAX_BODY_SIZE of one. */
static void
on_got_chunk (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  GByteArray *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);

  if (g_object_get_data (G_OBJECT (msg), BODY_TOO_LARGE_KEY) != NULL)
    return;

  if (body->len + g_bytes_get_size (chunk) > HUBD_MAX_BODY_SIZE) {
    g_object_set_data (G_OBJECT (msg), BODY_TOO_LARGE_KEY, GINT_TO_POINTER (1));
    g_byte_array_set_size (body, 0);
    return;
  }

  g_byte_array_append (body, g_bytes_get_data (chunk, NULL),
                       g_bytes_get_size (chunk));
}

static void
respond_too_large (HubdRequest *req)
{
  hubd_request_respond_error (req, HUBD_ERROR_PAYLOAD_TOO_LARGE, NULL,
                              "The request body is larger than 64 KiB.");
}

static void
early_handler (SoupServer        *soup,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  HubdRequest req = { .server = user_data, .msg = msg };

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > EARLY_REJECT_SIZE) {
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Connection", "close");
    respond_too_large (&req);
    return;
  }

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg),
                                    FALSE);
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, g_byte_array_new (),
                          (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_got_chunk), NULL);
}

/* libsoup answers some requests itself, with a bare 400, before any
 * handler runs: a path with ".." segments, a scheme that does not match
 * the connection. This runs just after it and gives them the error shape;
 * a path with ".." segments cannot name anything, so it is a 404. */
static void
on_got_headers (SoupServerMessage *msg,
                gpointer           user_data)
{
  HubdRequest req = { .server = user_data, .msg = msg };
  g_autofree char *path = NULL;

  if (soup_server_message_get_status (msg) != SOUP_STATUS_BAD_REQUEST)
    return;

  path = g_uri_unescape_string (g_uri_get_path (soup_server_message_get_uri (msg)),
                                NULL);
  if (path == NULL || strstr (path, "/../") != NULL || g_str_has_suffix (path, "/.."))
    hubd_request_respond_error (&req, HUBD_ERROR_NOT_FOUND, NULL,
                                "There is no such API path.");
  else
    hubd_request_respond_error (&req, HUBD_ERROR_INVALID_REQUEST, NULL,
                                "The request is malformed: check its address "
                                "and scheme (http or https).");
}

static void
on_request_started (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (on_got_headers), user_data);
}

/* --- authentication ------------------------------------------------------ */

static gboolean
authenticate (HubdRequest *req)
{
  HubdServer *self = req->server;
  g_autoptr (HubdSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token_hash = NULL;
  const char *token = bearer_token (req->msg);

  if (token == NULL || strlen (token) > 256) {
    hubd_request_respond_error (req, HUBD_ERROR_UNAUTHENTICATED, NULL,
                                "Sign in first: this request needs a bearer "
                                "token from POST /api/v1/session.");
    return FALSE;
  }

  token_hash = hubd_token_hash (token);
  session = hubd_store_get_session (self->store, token_hash, &error);
  if (session == NULL) {
    if (!g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND)) {
      hubd_request_respond_gerror (req, error);
      return FALSE;
    }
    hubd_request_respond_error (req, HUBD_ERROR_UNAUTHENTICATED, NULL,
                                "This token is not known. Sign in again.");
    return FALSE;
  }

  if (session->revoked || req->now >= session->expires_at ||
      req->now - session->last_seen_at > self->session_idle_timeout) {
    hubd_request_respond_error (req, HUBD_ERROR_SESSION_EXPIRED, NULL,
                                "Your session has ended. Sign in again.");
    return FALSE;
  }

  req->user = hubd_store_get_user (self->store, session->user_id, &error);
  if (req->user == NULL ||
      !hubd_store_touch_session (self->store, token_hash, req->now, &error)) {
    hubd_request_respond_gerror (req, error);
    return FALSE;
  }

  req->token_hash = g_steal_pointer (&token_hash);
  return TRUE;
}

/* The membership of the signed-in user in company_id, or NULL after
 * answering 403: for a company the user does not belong to, whether or not
 * it exists, and for a membership without portal access. */
HubdMembership *
hubd_request_require_membership (HubdRequest *req,
                                 const char  *company_id)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = hubd_id_parse (HUBD_ID_COMPANY, company_id);

  if (id != 0) {
    membership = hubd_store_get_membership (req->server->store, req->user->id,
                                            id, &error);
    if (membership == NULL &&
        !g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND)) {
      hubd_request_respond_gerror (req, error);
      return NULL;
    }
  }

  if (membership == NULL || membership->role == HUBD_ROLE_NONE) {
    hubd_request_respond_error (req, HUBD_ERROR_FORBIDDEN, NULL,
                                "You do not have access to this company.");
    return NULL;
  }

  return g_steal_pointer (&membership);
}

/* --- shared representations --------------------------------------------- */

void
hubd_build_membership (JsonBuilder    *builder,
                       HubdMembership *membership)
{
  g_autofree char *company_id = hubd_id_format (HUBD_ID_COMPANY,
                                                membership->company_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "company");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, company_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, membership->company_name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, hubd_role_to_string (membership->role));
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "patient_visit_activity");
  json_builder_add_boolean_value (builder,
                                  hubd_membership_has_patient_visit_activity (membership));
  json_builder_set_member_name (builder, "billing_admin");
  json_builder_add_boolean_value (builder,
                                  hubd_membership_has_billing_admin (membership));
  json_builder_set_member_name (builder, "visit_search");
  json_builder_add_boolean_value (builder,
                                  hubd_membership_has_visit_search (membership));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "billing_contact");
  json_builder_add_boolean_value (builder, membership->billing_contact);
  json_builder_end_object (builder);
}

/* Every membership with portal access, for /me and the sign-in answer. */
GPtrArray *
hubd_list_all_memberships (HubdServer  *self,
                           HubdUser    *user,
                           GError     **error)
{
  return hubd_store_list_memberships (self->store, user->id, NULL, 0, G_MAXINT32,
                                      error);
}

void
hubd_build_user (JsonBuilder *builder,
                 HubdUser    *user,
                 GPtrArray   *memberships)
{
  g_autofree char *user_id = hubd_id_format (HUBD_ID_USER, user->id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, user_id);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, user->email);
  json_builder_set_member_name (builder, "first_name");
  json_builder_add_string_value (builder, user->first_name);
  json_builder_set_member_name (builder, "last_name");
  json_builder_add_string_value (builder, user->last_name);
  json_builder_set_member_name (builder, "companies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < memberships->len; i++)
    hubd_build_membership (builder, g_ptr_array_index (memberships, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* --- routing ------------------------------------------------------------- */

/* Matches path against a route pattern, filling params with the segments
 * that stand for "{}". */
static gboolean
route_matches (const Route  *route,
               char        **segments,
               const char  **params)
{
  g_auto (GStrv) pattern = g_strsplit (route->path + 1, "/", -1);
  guint n_params = 0;

  if (g_strv_length (pattern) != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; pattern[i] != NULL; i++) {
    if (g_str_equal (pattern[i], "{}")) {
      if (*segments[i] == '\0' || n_params >= 4)
        return FALSE;
      params[n_params++] = segments[i];
    } else if (!g_str_equal (pattern[i], segments[i])) {
      return FALSE;
    }
  }

  return TRUE;
}

static void
dispatch (HubdRequest *req,
          const char  *path)
{
  const char *method = soup_server_message_get_method (req->msg);
  g_autoptr (GString) allow = g_string_new (NULL);
  g_auto (GStrv) segments = NULL;

  if (!g_str_has_prefix (path, API_PREFIX "/")) {
    hubd_request_respond_error (req, HUBD_ERROR_NOT_FOUND, NULL,
                                "There is nothing at this address. The HUB API "
                                "is under /api/v1.");
    return;
  }

  segments = g_strsplit (path + strlen (API_PREFIX) + 1, "/", -1);
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++) {
    const char *params[4] = { NULL, };

    if (!route_matches (&routes[i], segments, params))
      continue;

    if (!g_str_equal (routes[i].method, method)) {
      g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "",
                              routes[i].method);
      continue;
    }

    memcpy (req->params, params, sizeof params);
    if (routes[i].authenticated && !authenticate (req))
      return;

    routes[i].handler (req);
    return;
  }

  if (allow->len > 0) {
    g_autofree char *message = g_strdup_printf ("This address answers only %s.",
                                                allow->str);
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "Allow", allow->str);
    hubd_request_respond_error (req, HUBD_ERROR_METHOD_NOT_ALLOWED, NULL, message);
    return;
  }

  hubd_request_respond_error (req, HUBD_ERROR_NOT_FOUND, NULL,
                              "There is no such API path.");
}

static void
handler (SoupServer        *soup,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  HubdRequest req = { .server = user_data, .msg = msg };
  GByteArray *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);

  req.now = g_get_real_time () / G_USEC_PER_SEC;

  /* libsoup would answer a Range request itself from any complete 200
   * response, JSON included, with errors outside the one shape: hubd
   * serves ranges of documents only, and does it itself. */
  req.range = g_strdup (soup_message_headers_get_one (request_headers, "Range"));
  soup_message_headers_remove (request_headers, "Range");

  if (g_object_get_data (G_OBJECT (msg), BODY_TOO_LARGE_KEY) != NULL) {
    respond_too_large (&req);
    g_free (req.range);
    return;
  }

  req.body = g_bytes_new (body != NULL ? body->data : NULL,
                          body != NULL ? body->len : 0);
  dispatch (&req, path);

  g_bytes_unref (req.body);
  hubd_user_free (req.user);
  g_free (req.token_hash);
  g_free (req.range);
}

/* --- the object ---------------------------------------------------------- */

/* Sessions and tokens that ended more than a day ago are of no use, not
 * even for telling "expired" from "unknown". */
#define PRUNE_AGE (24 * 60 * 60)
#define PRUNE_INTERVAL (60 * 60)

static gboolean
prune (gpointer user_data)
{
  HubdServer *self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!hubd_store_prune (self->store, now - PRUNE_AGE, &error))
    g_warning ("Could not forget old sessions: %s", error->message);

  return G_SOURCE_CONTINUE;
}

HubdServer *
hubd_server_new (HubdStore              *store,
                 HubdOutbox             *outbox,
                 const HubdServerConfig *config)
{
  HubdServer *self;

  g_return_val_if_fail (HUBD_IS_STORE (store), NULL);
  g_return_val_if_fail (HUBD_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (config->session_lifetime > 0, NULL);
  g_return_val_if_fail (config->session_idle_timeout > 0, NULL);

  self = g_object_new (HUBD_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->outbox = g_object_ref (outbox);
  self->session_lifetime = config->session_lifetime;
  self->session_idle_timeout = config->session_idle_timeout;
  self->reset_token_lifetime = config->reset_token_lifetime;
  self->invite_token_lifetime = config->invite_token_lifetime;
  self->public_url = g_strdup (config->public_url);
  self->data_dir = g_strdup (config->data_dir);
  self->feed_key = g_strdup (config->feed_key);

  prune (self);
  self->prune_source = g_timeout_add_seconds (PRUNE_INTERVAL, prune, self);

  return self;
}

gboolean
hubd_server_listen (HubdServer       *self,
                    const char       *address,
                    guint             port,
                    GTlsCertificate  *certificate,
                    GError          **error)
{
  g_autoptr (GInetAddress) inet = NULL;
  g_autoptr (GSocketAddress) socket_address = NULL;
  g_autoptr (GUri) uri = NULL;
  GSList *uris;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (HUBD_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "'%s' is not an IP address: give one such as 127.0.0.1 or ::1",
                 address);
    return FALSE;
  }

  if (certificate != NULL) {
    soup_server_set_tls_certificate (self->soup, certificate);
    options |= SOUP_SERVER_LISTEN_HTTPS;
  }

  socket_address = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->soup, socket_address, options, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return TRUE;
}

guint
hubd_server_get_port (HubdServer *self)
{
  g_return_val_if_fail (HUBD_IS_SERVER (self), 0);

  return self->port;
}

void
hubd_server_disconnect (HubdServer *self)
{
  g_return_if_fail (HUBD_IS_SERVER (self));

  soup_server_disconnect (self->soup);
}

static void
hubd_server_finalize (GObject *object)
{
  HubdServer *self = HUBD_SERVER (object);

  g_clear_handle_id (&self->prune_source, g_source_remove);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);
  g_clear_object (&self->outbox);
  g_clear_object (&self->account_limiter);
  g_clear_object (&self->address_limiter);
  g_clear_object (&self->mail_limiter);
  g_free (self->public_url);
  g_free (self->data_dir);
  g_free (self->feed_key);

  G_OBJECT_CLASS (hubd_server_parent_class)->finalize (object);
}

static void
hubd_server_class_init (HubdServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubd_server_finalize;
}

static void
hubd_server_init (HubdServer *self)
{
  /* Guessing a password: 5 failures in 15 minutes lock the account, 20 lock
   * the client address, each for 15 minutes. Mail: 5 reset mails an hour
   * per account at most. */
  self->account_limiter = hubd_rate_limiter_new (5, 15 * 60, 15 * 60);
  self->address_limiter = hubd_rate_limiter_new (20, 15 * 60, 15 * 60);
  self->mail_limiter = hubd_rate_limiter_new (5, 60 * 60, 60 * 60);

  self->soup = soup_server_new ("server-header", "hubd/" PACKAGE_VERSION " ",
                                NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (on_request_started),
                    self);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
}
