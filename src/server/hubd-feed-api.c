/* hubd-feed-api.c: clinics posting results, and the notices they cause
 *
 * The feed is how documents reach the HUB: a clinic system posts a visit
 * and one of its documents with the feed key hubd was started with. Each
 * post mails the company's active portal users with notifications on a
 * notice that carries no PHI at all: only that something is waiting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include <sodium.h>
#include <string.h>

static const char *const post_fields[] = {
  "company_id", "visit", "document_type", "posted_at", NULL
};
static const char *const visit_fields[] = {
  "location_id", "center_id", "employee", "visit_date", "visit_type",
  "claim_number", NULL
};
static const char *const employee_fields[] = {
  "first_name", "last_name", "date_of_birth", "employee_id", NULL
};

static gboolean
feed_key_matches (HubdServer *self,
                  const char *given)
{
  guchar expected_hash[crypto_generichash_BYTES];
  guchar given_hash[crypto_generichash_BYTES];

  if (given == NULL)
    return FALSE;

  /* Hashes of equal length, compared in constant time. */
  crypto_generichash (expected_hash, sizeof expected_hash,
                      (const guchar *) self->feed_key, strlen (self->feed_key),
                      NULL, 0);
  crypto_generichash (given_hash, sizeof given_hash, (const guchar *) given,
                      strlen (given), NULL, 0);
  return sodium_memcmp (expected_hash, given_hash, sizeof given_hash) == 0;
}

static gboolean
invalid (HubdRequest *req,
         const char  *field,
         const char  *message)
{
  hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, field, message);
  return FALSE;
}

/* A member that must be an object with only the allowed members. */
static JsonObject *
get_object (HubdRequest        *req,
            JsonObject         *parent,
            const char         *name,
            const char * const *allowed)
{
  JsonNode *node = json_object_get_member (parent, name);
  g_autofree char *message = NULL;
  JsonObjectIter iter;
  const char *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)) {
    message = g_strdup_printf ("“%s” must be an object.", name);
    invalid (req, name, message);
    return NULL;
  }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &member, NULL)) {
    if (!g_strv_contains (allowed, member)) {
      g_autofree char *field = g_strdup_printf ("%s.%s", name, member);

      message = g_strdup_printf ("“%s” is not a field of this request.", field);
      invalid (req, field, message);
      return NULL;
    }
  }

  return json_node_get_object (node);
}

/* An optional string member: NULL when absent; *ok is FALSE (after
 * answering 400) when it is there but not a usable string. */
static const char *
get_optional_string (HubdRequest *req,
                     JsonObject  *object,
                     const char  *name,
                     const char  *field,
                     gsize        max_length,
                     gboolean    *ok)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;
  const char *value;

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING) {
    value = json_node_get_string (node);
    if (*value != '\0' && g_utf8_strlen (value, -1) <= (glong) max_length &&
        strpbrk (value, "\r\n\t") == NULL)
      return value;
  }

  message = g_strdup_printf ("“%s” must be a string of 1 to %" G_GSIZE_FORMAT
                             " characters on one line.", field, max_length);
  *ok = invalid (req, field, message);
  return NULL;
}

static const char *
get_required_string (HubdRequest *req,
                     JsonObject  *object,
                     const char  *name,
                     const char  *field,
                     gsize        max_length)
{
  gboolean ok;
  const char *value = get_optional_string (req, object, name, field, max_length, &ok);
  g_autofree char *message = NULL;

  if (value == NULL && ok) {
    message = g_strdup_printf ("“%s” is required.", field);
    invalid (req, field, message);
  }

  return value;
}

typedef struct {
  HubdNewVisit visit;
  const HubdDocumentType *document;
  gint64 posted_at;
} Post;

static gboolean
parse_employee (HubdRequest *req,
                JsonObject  *visit,
                Post        *post)
{
  JsonObject *employee = get_object (req, visit, "employee", employee_fields);
  gboolean ok;

  if (employee == NULL)
    return FALSE;

  if (!(post->visit.first_name = get_required_string (req, employee, "first_name",
                                                      "visit.employee.first_name", 100)) ||
      !(post->visit.last_name = get_required_string (req, employee, "last_name",
                                                     "visit.employee.last_name", 100)) ||
      !(post->visit.date_of_birth = get_required_string (req, employee, "date_of_birth",
                                                         "visit.employee.date_of_birth", 10)))
    return FALSE;

  if (!hubd_date_is_valid (post->visit.date_of_birth))
    return invalid (req, "visit.employee.date_of_birth",
                    "“visit.employee.date_of_birth” must be a date such as 1980-04-30.");

  post->visit.employee_id = get_optional_string (req, employee, "employee_id",
                                                 "visit.employee.employee_id", 40, &ok);
  return ok;
}

static gboolean
parse_visit (HubdRequest *req,
             JsonObject  *body,
             Post        *post)
{
  JsonObject *visit = get_object (req, body, "visit", visit_fields);
  const char *location, *center, *visit_type;
  HubdVisitType type;
  gboolean ok;

  if (visit == NULL ||
      !(location = get_required_string (req, visit, "location_id", "visit.location_id", 40)) ||
      !(center = get_required_string (req, visit, "center_id", "visit.center_id", 40)) ||
      !(post->visit.visit_date = get_required_string (req, visit, "visit_date",
                                                      "visit.visit_date", 10)) ||
      !(visit_type = get_required_string (req, visit, "visit_type", "visit.visit_type", 20)) ||
      !parse_employee (req, visit, post))
    return FALSE;

  post->visit.location_id = hubd_id_parse (HUBD_ID_LOCATION, location);
  post->visit.center_id = hubd_id_parse (HUBD_ID_CENTER, center);
  if (post->visit.location_id == 0)
    return invalid (req, "visit.location_id", "“visit.location_id” is not a location id.");
  if (post->visit.center_id == 0)
    return invalid (req, "visit.center_id", "“visit.center_id” is not a center id.");
  if (!hubd_date_is_valid (post->visit.visit_date))
    return invalid (req, "visit.visit_date",
                    "“visit.visit_date” must be a date such as 2026-03-31.");
  if (!hubd_visit_type_from_string (visit_type, &type))
    return invalid (req, "visit.visit_type",
                    "“visit.visit_type” must be injury or non_injury.");
  post->visit.visit_type = type;

  post->visit.claim_number = get_optional_string (req, visit, "claim_number",
                                                  "visit.claim_number", 40, &ok);
  if (!ok)
    return FALSE;
  if (type == HUBD_VISIT_NON_INJURY && post->visit.claim_number != NULL)
    return invalid (req, "visit.claim_number",
                    "Only an injury visit has a claim number.");

  return TRUE;
}

static gboolean
parse_post (HubdRequest *req,
            JsonObject  *body,
            Post        *post)
{
  const char *company, *document, *posted;
  gboolean ok;

  if (!(company = get_required_string (req, body, "company_id", "company_id", 40)) ||
      !(document = get_required_string (req, body, "document_type", "document_type", 60)) ||
      !parse_visit (req, body, post))
    return FALSE;

  post->visit.company_id = hubd_id_parse (HUBD_ID_COMPANY, company);
  if (post->visit.company_id == 0)
    return invalid (req, "company_id", "“company_id” is not a company id.");

  post->document = hubd_document_type_lookup (document);
  if (post->document == NULL)
    return invalid (req, "document_type",
                    "“document_type” is not a document type: see GET "
                    "/api/v1/document-types.");
  if (post->document->visit_type != post->visit.visit_type)
    return invalid (req, "document_type",
                    "This document type belongs to the other kind of visit.");

  posted = get_optional_string (req, body, "posted_at", "posted_at", 40, &ok);
  if (!ok)
    return FALSE;
  post->posted_at = req->now;
  if (posted != NULL) {
    g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (posted, NULL);

    if (time == NULL || g_date_time_to_unix (time) > req->now)
      return invalid (req, "posted_at",
                      "“posted_at” must be a date and time with a time zone, "
                      "not in the future.");
    post->posted_at = g_date_time_to_unix (time);
  }

  return TRUE;
}

static gint64
store_post (HubdRequest  *req,
            Post         *post,
            GError      **error)
{
  HubdStore *store = req->server->store;
  gint64 visit_id, result_id;

  if (!hubd_store_begin (store, error))
    return 0;

  visit_id = hubd_store_add_visit (store, &post->visit, error);
  result_id = visit_id != 0
    ? hubd_store_add_result (store, visit_id, post->document->code,
                             post->posted_at, error)
    : 0;
  if (result_id == 0 || !hubd_store_commit (store, error)) {
    hubd_store_rollback (store);
    return 0;
  }

  return result_id;
}

/* No PHI: not the employee, not the document type, not the center. */
static void
send_notices (HubdRequest *req,
              gint64       company_id,
              const char  *company_name)
{
  HubdServer *self = req->server;
  g_autoptr (GPtrArray) recipients = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;

  recipients = hubd_store_list_notice_recipients (self->store, company_id, &error);
  if (recipients == NULL) {
    g_warning ("Could not list who to notify of a new result: %s", error->message);
    return;
  }

  body = g_strdup_printf ("Hello,\n"
                          "\n"
                          "A new result is waiting for %s in the HUB.\n"
                          "\n"
                          "Open it in HUB Desk:\n"
                          "  hubdesk://results\n"
                          "or on the web:\n"
                          "  %s/results\n"
                          "\n"
                          "You receive this notice because notifications of "
                          "new results are on for\n"
                          "you. A User Admin of your company can turn them off.\n",
                          company_name, self->public_url);

  for (guint i = 0; i < recipients->len; i++) {
    if (!hubd_outbox_send (self->outbox, g_ptr_array_index (recipients, i),
                           "A new result is waiting in the HUB", body, &error)) {
      g_warning ("Could not write a new-result notice: %s", error->message);
      g_clear_error (&error);
    }
  }
}

void
hubd_api_post_feed_result (HubdRequest *req)
{
  HubdServer *self = req->server;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (HubdResult) result = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  Post post = { { 0, }, };
  gint64 result_id;

  /* Without a key the feed does not exist. */
  if (self->feed_key == NULL) {
    hubd_request_respond_error (req, HUBD_ERROR_NOT_FOUND, NULL,
                                "There is no such API path.");
    return;
  }

  if (!feed_key_matches (self, soup_message_headers_get_one (headers, "X-Feed-Key"))) {
    hubd_request_respond_error (req, HUBD_ERROR_FORBIDDEN, NULL,
                                "Posting results needs the feed key in the "
                                "X-Feed-Key header.");
    return;
  }

  if (!(body = hubd_request_parse_object (req, post_fields)) ||
      !parse_post (req, body, &post))
    return;

  result_id = store_post (req, &post, &error);
  if (result_id == 0) {
    if (g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND))
      hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, "visit.location_id",
                                  "The company has no such location, or there "
                                  "is no such center.");
    else
      hubd_request_respond_gerror (req, error);
    return;
  }

  result = hubd_store_get_result (self->store, post.visit.company_id, result_id, 0,
                                  &error);
  if (result == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  send_notices (req, result->company_id, result->company_name);
  g_debug ("A clinic posted result %" G_GINT64_FORMAT, result_id);

  builder = json_builder_new ();
  hubd_build_result (builder, result, req->now);
  hubd_request_respond_json (req, SOUP_STATUS_CREATED, builder);
}
