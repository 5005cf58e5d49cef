/* hubd-results-api.c: Visit Results and Reports (F15–F23, R8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include <sodium.h>
#include <string.h>

#include "hubd-documents.h"

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE 200
#define MAX_CURSOR_LENGTH 1024
#define MAX_CHANGES 100

/* --- representations ----------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_id (JsonBuilder *builder,
        const char  *name,
        const char  *prefix,
        gint64       id)
{
  g_autofree char *text = hubd_id_format (prefix, id);

  add_string (builder, name, text);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       unix_seconds)
{
  g_autofree char *text = hubd_time_format (unix_seconds);

  add_string (builder, name, text);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

/* Who flagged or reviewed, and when. */
static void
add_mark (JsonBuilder *builder,
          const char  *mark,
          gint64       user_id,
          const char  *user_name,
          gint64       at)
{
  g_autofree char *by = g_strdup_printf ("%s_by", mark);
  g_autofree char *at_name = g_strdup_printf ("%s_at", mark);

  add_boolean (builder, mark, user_id != 0);
  if (user_id == 0)
    return;

  json_builder_set_member_name (builder, by);
  json_builder_begin_object (builder);
  add_id (builder, "id", HUBD_ID_USER, user_id);
  add_string (builder, "name", user_name != NULL ? user_name : "");
  json_builder_end_object (builder);
  add_time (builder, at_name, at);
}

void
hubd_build_result (JsonBuilder *builder,
                   HubdResult  *result,
                   gint64       now)
{
  json_builder_begin_object (builder);
  add_id (builder, "id", HUBD_ID_RESULT, result->id);
  add_id (builder, "company_id", HUBD_ID_COMPANY, result->company_id);

  json_builder_set_member_name (builder, "visit");
  json_builder_begin_object (builder);
  add_id (builder, "id", HUBD_ID_VISIT, result->visit_id);
  add_string (builder, "visit_date", result->visit_date);
  add_string (builder, "visit_type", hubd_visit_type_to_string (result->visit_type));
  add_string (builder, "state", result->state);
  if (result->claim_number != NULL)
    add_string (builder, "claim_number", result->claim_number);
  json_builder_set_member_name (builder, "employee");
  json_builder_begin_object (builder);
  add_string (builder, "first_name", result->first_name);
  add_string (builder, "last_name", result->last_name);
  add_string (builder, "date_of_birth", result->date_of_birth);
  if (result->employee_id != NULL)
    add_string (builder, "employee_id", result->employee_id);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "center");
  json_builder_begin_object (builder);
  add_id (builder, "id", HUBD_ID_CENTER, result->center.id);
  add_string (builder, "name", result->center.name);
  add_string (builder, "state", result->center.state);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  add_id (builder, "id", HUBD_ID_LOCATION, result->location_id);
  add_string (builder, "name", result->location_name);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "document");
  json_builder_begin_object (builder);
  add_string (builder, "type", result->document->code);
  add_string (builder, "name", result->document->name);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, result->document->pages);
  json_builder_end_object (builder);

  add_time (builder, "posted_at", result->posted_at);
  add_boolean (builder, "archived", result->posted_at <= now - HUBD_ARCHIVE_AGE);
  add_boolean (builder, "new", !result->opened);
  add_mark (builder, "flagged", result->flagged_by, result->flagged_by_name,
            result->flagged_at);
  add_mark (builder, "reviewed", result->reviewed_by, result->reviewed_by_name,
            result->reviewed_at);
  json_builder_end_object (builder);
}

static void
respond_result (HubdRequest *req,
                HubdResult  *result)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  hubd_build_result (builder, result, req->now);
  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

/* --- query strings ------------------------------------------------------- */

static gboolean
invalid (HubdRequest *req,
         const char  *field,
         const char  *message)
{
  hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, field, message);
  return FALSE;
}

static gboolean
parse_boolean (HubdRequest *req,
               GHashTable  *params,
               const char  *name,
               int         *value)
{
  const char *text = g_hash_table_lookup (params, name);
  g_autofree char *message = NULL;

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "true")) {
    *value = TRUE;
    return TRUE;
  }
  if (g_str_equal (text, "false")) {
    *value = FALSE;
    return TRUE;
  }

  message = g_strdup_printf ("“%s” must be true or false.", name);
  return invalid (req, name, message);
}

static gboolean
parse_text (HubdRequest  *req,
            GHashTable   *params,
            const char   *name,
            gsize         max_length,
            const char  **value)
{
  const char *text = g_hash_table_lookup (params, name);
  g_autofree char *message = NULL;

  if (text == NULL)
    return TRUE;

  if (*text == '\0' || !g_utf8_validate (text, -1, NULL) ||
      g_utf8_strlen (text, -1) > (glong) max_length) {
    message = g_strdup_printf ("“%s” must be 1 to %" G_GSIZE_FORMAT " characters.",
                               name, max_length);
    return invalid (req, name, message);
  }

  *value = text;
  return TRUE;
}

static const struct {
  const char *name;
  HubdResultSort sort;
  gboolean descending;
} sorts[] = {
  { "visit_date", HUBD_RESULT_SORT_VISIT_DATE, FALSE },
  { "-visit_date", HUBD_RESULT_SORT_VISIT_DATE, TRUE },
  { "employee", HUBD_RESULT_SORT_EMPLOYEE, FALSE },
  { "-employee", HUBD_RESULT_SORT_EMPLOYEE, TRUE },
  { "document", HUBD_RESULT_SORT_DOCUMENT, FALSE },
  { "-document", HUBD_RESULT_SORT_DOCUMENT, TRUE },
  { "center", HUBD_RESULT_SORT_CENTER, FALSE },
  { "-center", HUBD_RESULT_SORT_CENTER, TRUE },
  { "state", HUBD_RESULT_SORT_STATE, FALSE },
  { "-state", HUBD_RESULT_SORT_STATE, TRUE },
  { "visit_type", HUBD_RESULT_SORT_VISIT_TYPE, FALSE },
  { "-visit_type", HUBD_RESULT_SORT_VISIT_TYPE, TRUE },
  { "claim", HUBD_RESULT_SORT_CLAIM, FALSE },
  { "-claim", HUBD_RESULT_SORT_CLAIM, TRUE },
  { "posted_at", HUBD_RESULT_SORT_POSTED_AT, FALSE },
  { "-posted_at", HUBD_RESULT_SORT_POSTED_AT, TRUE },
};

/* A search as the query string asks for it. */
typedef struct {
  HubdResultQuery query;
  char **name_words;
  char *state;
  GPtrArray *documents;
  char *filters; /* the filters and sort, as one canonical string */
  char *after_key;
} Search;

static void
search_clear (Search *search)
{
  g_strfreev (search->name_words);
  g_free (search->state);
  g_clear_pointer (&search->documents, g_ptr_array_unref);
  g_free (search->filters);
  g_free (search->after_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/* Folded words of a name query: "José  O'Neil" → "jose", "o", "neil". */
static char **
name_query_words (const char *text)
{
  g_autofree char *folded = hubd_fold_text (text);
  g_autoptr (GStrvBuilder) words = g_strv_builder_new ();
  g_auto (GStrv) parts = NULL;

  for (char *p = folded; *p != '\0'; p++) {
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  }

  parts = g_strsplit (folded, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++) {
    if (*parts[i] != '\0')
      g_strv_builder_add (words, parts[i]);
  }

  return g_strv_builder_end (words);
}

static gboolean
parse_filters (HubdRequest *req,
               GHashTable  *params,
               Search      *search)
{
  HubdResultQuery *query = &search->query;
  const char *name = NULL, *state = NULL, *center = NULL, *visit_type = NULL;
  const char *document = NULL, *sort = NULL, *limit = NULL;
  int include_archived = FALSE;
  guint64 number;

  query->visit_type = HUBD_TRISTATE_ANY;
  query->reviewed = HUBD_TRISTATE_ANY;
  query->flagged = HUBD_TRISTATE_ANY;
  query->limit = DEFAULT_PAGE_SIZE;

  if (!parse_text (req, params, "name", 100, &name) ||
      !parse_text (req, params, "dob", 10, &query->date_of_birth) ||
      !parse_text (req, params, "state", 10, &state) ||
      !parse_text (req, params, "center_id", 40, &center) ||
      !parse_text (req, params, "visit_type", 20, &visit_type) ||
      !parse_text (req, params, "claim", 40, &query->claim) ||
      !parse_text (req, params, "document", 100, &document) ||
      !parse_text (req, params, "from", 10, &query->from) ||
      !parse_text (req, params, "to", 10, &query->to) ||
      !parse_text (req, params, "sort", 20, &sort) ||
      !parse_boolean (req, params, "reviewed", &query->reviewed) ||
      !parse_boolean (req, params, "flagged", &query->flagged) ||
      !parse_boolean (req, params, "include_archived", &include_archived))
    return FALSE;
  query->include_archived = include_archived;

  if (name != NULL) {
    search->name_words = name_query_words (name);
    if (search->name_words[0] == NULL)
      return invalid (req, "name", "“name” needs at least one letter or digit.");
    query->name_words = search->name_words;
  }

  if (query->date_of_birth != NULL && !hubd_date_is_valid (query->date_of_birth))
    return invalid (req, "dob", "“dob” must be a date such as 1980-04-30.");
  if (query->from != NULL && !hubd_date_is_valid (query->from))
    return invalid (req, "from", "“from” must be a date such as 2026-01-31.");
  if (query->to != NULL && !hubd_date_is_valid (query->to))
    return invalid (req, "to", "“to” must be a date such as 2026-01-31.");
  if (query->from != NULL && query->to != NULL && strcmp (query->from, query->to) > 0)
    return invalid (req, "to", "“to” must not be before “from”.");

  if (state != NULL) {
    search->state = g_ascii_strup (state, -1);
    if (strlen (search->state) != 2 || !g_ascii_isalpha (search->state[0]) ||
        !g_ascii_isalpha (search->state[1]))
      return invalid (req, "state", "“state” must be a two-letter state code, "
                                    "such as TX.");
    query->state = search->state;
  }

  if (center != NULL) {
    query->center_id = hubd_id_parse (HUBD_ID_CENTER, center);
    if (query->center_id == 0)
      return invalid (req, "center_id", "“center_id” must be the id of a center, "
                                        "such as ce_12.");
  }

  if (visit_type != NULL) {
    HubdVisitType type;

    if (!hubd_visit_type_from_string (visit_type, &type))
      return invalid (req, "visit_type", "“visit_type” must be injury or non_injury.");
    query->visit_type = type;
  }

  if (document != NULL) {
    search->documents = hubd_document_types_matching (document);
    query->documents = search->documents;
  }

  query->sort = HUBD_RESULT_SORT_VISIT_DATE;
  query->descending = TRUE;
  if (sort != NULL) {
    guint i;

    for (i = 0; i < G_N_ELEMENTS (sorts) && !g_str_equal (sorts[i].name, sort); i++)
      ;
    if (i == G_N_ELEMENTS (sorts))
      return invalid (req, "sort", "“sort” must be one of visit_date, employee, "
                                   "document, center, state, visit_type, claim or "
                                   "posted_at, with a leading - for descending.");
    query->sort = sorts[i].sort;
    query->descending = sorts[i].descending;
  }

  limit = g_hash_table_lookup (params, "limit");
  if (limit != NULL) {
    if (!g_ascii_string_to_unsigned (limit, 10, 1, MAX_PAGE_SIZE, &number, NULL))
      return invalid (req, "limit", "“limit” must be a whole number from 1 to 200.");
    query->limit = number;
  }

  /* Everything but the page: a cursor only continues the same search. */
  search->filters = g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT "|%d|%s|%s|%d|%d|%s|%s|%d|%d|%d",
                                     name != NULL ? name : "",
                                     query->date_of_birth != NULL ? query->date_of_birth : "",
                                     query->state != NULL ? query->state : "",
                                     query->center_id, query->visit_type,
                                     query->claim != NULL ? query->claim : "",
                                     document != NULL ? document : "",
                                     query->reviewed, query->flagged,
                                     query->from != NULL ? query->from : "",
                                     query->to != NULL ? query->to : "",
                                     query->include_archived, query->sort,
                                     query->descending);
  return TRUE;
}

/* --- cursors ------------------------------------------------------------- */

/* A cursor is "<hash of the filters>|<sort key>|<id>" of the last item of
 * a page, base64url-encoded: clients treat it as opaque. */
static char *
filters_hash (const char *filters)
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, filters, -1);

  return g_strndup (hex, 16);
}

static char *
cursor_encode (const char *filters,
               HubdResult *last)
{
  g_autofree char *hash = filters_hash (filters);
  g_autofree char *key = g_strdup_printf ("%s|%s|%" G_GINT64_FORMAT, hash,
                                          last->sort_key != NULL ? last->sort_key : "",
                                          last->id);
  gsize length = sodium_base64_ENCODED_LEN (strlen (key),
                                            sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *cursor = g_malloc (length);

  sodium_bin2base64 (cursor, length, (const guchar *) key, strlen (key),
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return cursor;
}

static gboolean
cursor_decode (HubdRequest *req,
               const char  *cursor,
               Search      *search)
{
  gsize length = strlen (cursor);
  g_autofree char *key = g_malloc0 (length + 1);
  g_autofree char *hash = filters_hash (search->filters);
  gsize key_length;
  guint64 id;
  char *first, *last;

  if (length == 0 || length > MAX_CURSOR_LENGTH ||
      sodium_base642bin ((guchar *) key, length, cursor, length, NULL,
                         &key_length, NULL,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      strlen (key) != key_length || !g_utf8_validate (key, -1, NULL) ||
      (first = strchr (key, '|')) == NULL || (last = strrchr (key, '|')) == first ||
      !g_ascii_string_to_unsigned (last + 1, 10, 1, G_MAXINT64, &id, NULL))
    return invalid (req, "cursor", "This “cursor” is not one the server gave out. "
                                   "Start again from the first page.");

  *first = *last = '\0';
  if (!g_str_equal (key, hash))
    return invalid (req, "cursor", "This “cursor” belongs to another search: "
                                   "the filters or the sort changed. Start again "
                                   "from the first page.");

  search->after_key = g_strdup (first + 1);
  search->query.after_key = search->after_key;
  search->query.after_id = id;
  return TRUE;
}

/* --- handlers ------------------------------------------------------------ */

static const char *const list_params[] = {
  "name", "dob", "state", "center_id", "visit_type", "claim", "document",
  "reviewed", "flagged", "from", "to", "include_archived", "sort", "limit",
  "cursor", NULL
};

void
hubd_api_list_results (HubdRequest *req)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Search) search = { { 0, }, };
  const char *cursor;
  gint64 total = 0;
  guint limit;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL ||
      (params = hubd_request_parse_query (req, list_params)) == NULL ||
      !parse_filters (req, params, &search))
    return;

  cursor = g_hash_table_lookup (params, "cursor");
  if (cursor != NULL && !cursor_decode (req, cursor, &search))
    return;

  search.query.company_id = membership->company_id;
  search.query.user_id = req->user->id;
  search.query.archived_before = req->now - HUBD_ARCHIVE_AGE;

  /* One more than asked for says whether there is a next page. */
  limit = search.query.limit;
  search.query.limit = limit + 1;
  page = hubd_store_search_results (req->server->store, &search.query, &total,
                                    &error);
  if (page == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (page->len, limit); i++)
    hubd_build_result (builder, g_ptr_array_index (page, i), req->now);
  json_builder_end_array (builder);
  if (page->len > limit) {
    g_autofree char *next = cursor_encode (search.filters,
                                           g_ptr_array_index (page, limit - 1));
    add_string (builder, "next_cursor", next);
  }
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

/* The result named by the path, of a company the user belongs to; NULL
 * after answering 403 or 404. */
static HubdResult *
require_result (HubdRequest     *req,
                HubdMembership **membership_out)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (GError) error = NULL;
  HubdResult *result;
  gint64 result_id;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL)
    return NULL;

  result_id = hubd_id_parse (HUBD_ID_RESULT, req->params[1]);
  result = result_id == 0 ? NULL
         : hubd_store_get_result (req->server->store, membership->company_id,
                                  result_id, req->user->id, &error);
  if (result == NULL) {
    if (result_id == 0 ||
        g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND))
      hubd_request_respond_error (req, HUBD_ERROR_NOT_FOUND, NULL,
                                  "This company has no such result.");
    else
      hubd_request_respond_gerror (req, error);
    return NULL;
  }

  if (membership_out != NULL)
    *membership_out = g_steal_pointer (&membership);
  return result;
}

void
hubd_api_get_result (HubdRequest *req)
{
  g_autoptr (HubdResult) result = require_result (req, NULL);

  if (result != NULL)
    respond_result (req, result);
}

typedef enum {
  MARK_FLAG,
  MARK_UNFLAG,
  MARK_REVIEW,
} Mark;

static void
set_mark (HubdRequest *req,
          Mark         mark)
{
  HubdStore *store = req->server->store;
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (HubdResult) result = NULL;
  g_autoptr (HubdResult) updated = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE, ok;

  result = require_result (req, &membership);
  if (result == NULL)
    return;

  if (mark == MARK_REVIEW)
    ok = hubd_store_set_result_reviewed (store, membership->company_id, result->id,
                                         req->user->id, req->now, &changed, &error);
  else
    ok = hubd_store_set_result_flag (store, membership->company_id, result->id,
                                     req->user->id, mark == MARK_FLAG, req->now,
                                     &changed, &error);
  if (ok)
    updated = hubd_store_get_result (store, membership->company_id, result->id,
                                     req->user->id, &error);
  if (updated == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  hubd_build_result (builder, updated, req->now);
  add_boolean (builder, "changed", changed);
  json_builder_end_object (builder);

  if (changed)
    g_debug ("User %" G_GINT64_FORMAT " %s result %" G_GINT64_FORMAT,
             req->user->id,
             mark == MARK_FLAG ? "flagged" : mark == MARK_UNFLAG ? "unflagged"
                                                                 : "reviewed",
             result->id);
  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

void
hubd_api_flag_result (HubdRequest *req)
{
  set_mark (req, MARK_FLAG);
}

void
hubd_api_unflag_result (HubdRequest *req)
{
  set_mark (req, MARK_UNFLAG);
}

void
hubd_api_review_result (HubdRequest *req)
{
  set_mark (req, MARK_REVIEW);
}

/* --- content ------------------------------------------------------------- */

/* Whether an If-None-Match or If-Range value names this ETag. */
static gboolean
etag_listed (const char *header,
             const char *etag)
{
  g_auto (GStrv) tags = NULL;

  if (header == NULL)
    return FALSE;

  tags = g_strsplit (header, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++) {
    const char *tag = g_strstrip (tags[i]);

    if (g_str_has_prefix (tag, "W/"))
      tag += 2;
    if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
      return TRUE;
  }

  return FALSE;
}

typedef enum {
  RANGE_NONE,   /* serve it all */
  RANGE_ONE,
  RANGE_UNSATISFIABLE,
} RangeKind;

/* One "bytes=" range (RFC 9110 14.1.2); anything else, several ranges
 * included, is served whole, as the RFC allows. */
static RangeKind
parse_range (const char *header,
             gsize       length,
             gsize      *start,
             gsize      *end)
{
  g_autofree char *spec = NULL;
  const char *dash;
  guint64 first, last;

  if (header == NULL || !g_str_has_prefix (header, "bytes="))
    return RANGE_NONE;

  spec = g_strstrip (g_strdup (header + 6));
  dash = strchr (spec, '-');
  if (dash == NULL || strchr (spec, ',') != NULL)
    return RANGE_NONE;

  spec[dash - spec] = '\0';
  if (*spec == '\0') {
    /* The last N bytes. */
    if (!g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXUINT64, &last, NULL))
      return RANGE_NONE;
    if (last == 0 || length == 0)
      return RANGE_UNSATISFIABLE;
    *start = length - MIN (last, length);
    *end = length - 1;
    return RANGE_ONE;
  }

  if (!g_ascii_string_to_unsigned (spec, 10, 0, G_MAXUINT64, &first, NULL))
    return RANGE_NONE;
  if (dash[1] == '\0')
    last = G_MAXUINT64;
  else if (!g_ascii_string_to_unsigned (dash + 1, 10, 0, G_MAXUINT64, &last, NULL) ||
           last < first)
    return RANGE_NONE;

  if (first >= length)
    return RANGE_UNSATISFIABLE;

  *start = first;
  *end = MIN (last, length - 1);
  return RANGE_ONE;
}

void
hubd_api_get_result_content (HubdRequest *req)
{
  HubdServer *self = req->server;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (req->msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  g_autoptr (HubdResult) result = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *disposition = NULL;
  const char *if_range;
  gsize length, start = 0, end = 0;
  RangeKind range;

  result = require_result (req, NULL);
  if (result == NULL)
    return;

  bytes = hubd_documents_get (self->store, self->data_dir, result, &sha256, &error);
  if (bytes == NULL ||
      !hubd_store_mark_result_opened (self->store, result->id, req->user->id,
                                      req->now, &error)) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  /* The file name says nothing about the patient. */
  etag = g_strdup_printf ("\"%s\"", sha256);
  disposition = g_strdup_printf ("attachment; filename=\"result-re_%" G_GINT64_FORMAT
                                 ".pdf\"", result->id);
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
  soup_message_headers_replace (headers, "Content-Disposition", disposition);

  if (etag_listed (soup_message_headers_get_one (request_headers, "If-None-Match"),
                   etag)) {
    hubd_request_respond_empty (req, SOUP_STATUS_NOT_MODIFIED);
    return;
  }

  /* A Range for another version of the document gets the whole of this
   * one. */
  length = g_bytes_get_size (bytes);
  if_range = soup_message_headers_get_one (request_headers, "If-Range");
  range = if_range != NULL && !etag_listed (if_range, etag)
    ? RANGE_NONE : parse_range (req->range, length, &start, &end);

  if (range == RANGE_UNSATISFIABLE) {
    g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, length);

    soup_message_headers_replace (headers, "Content-Range", content_range);
    hubd_request_respond_error (req, HUBD_ERROR_RANGE_NOT_SATISFIABLE, NULL,
                                "The range asked for starts past the end of "
                                "the document.");
    return;
  }

  if (range == RANGE_ONE) {
    g_autoptr (GBytes) part = g_bytes_new_from_bytes (bytes, start, end - start + 1);
    g_autofree char *content_range = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%"
                                                      G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                                                      start, end, length);

    soup_message_headers_replace (headers, "Content-Range", content_range);
    hubd_request_respond_bytes (req, SOUP_STATUS_PARTIAL_CONTENT, "application/pdf", part);
    return;
  }

  hubd_request_respond_bytes (req, SOUP_STATUS_OK, "application/pdf", bytes);
}

/* --- changes, centers, document types ------------------------------------ */

static const char *const changes_params[] = { "since", NULL };

void
hubd_api_list_result_changes (HubdRequest *req)
{
  HubdStore *store = req->server->store;
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  const char *since;
  guint64 after = 0;
  gboolean more = FALSE;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL ||
      (params = hubd_request_parse_query (req, changes_params)) == NULL)
    return;

  since = g_hash_table_lookup (params, "since");
  if (since != NULL &&
      !g_ascii_string_to_unsigned (since, 10, 0, G_MAXINT64, &after, NULL)) {
    invalid (req, "since", "“since” must be a token this server gave out.");
    return;
  }

  if (since == NULL) {
    /* The first call only learns where the company stands now. */
    gint64 sequence = hubd_store_get_result_sequence (store, membership->company_id,
                                                      &error);

    if (sequence < 0) {
      hubd_request_respond_gerror (req, error);
      return;
    }
    token = g_strdup_printf ("%" G_GINT64_FORMAT, sequence);
    results = g_ptr_array_new ();
  } else {
    /* Oldest first from the store, so that a long list is walked in
     * order over several calls; the answer shows the newest first. */
    results = hubd_store_list_result_changes (store, membership->company_id,
                                              req->user->id, after, MAX_CHANGES + 1,
                                              &error);
    if (results == NULL) {
      hubd_request_respond_gerror (req, error);
      return;
    }
    more = results->len > MAX_CHANGES;
    if (more)
      g_ptr_array_set_size (results, MAX_CHANGES);
    token = results->len > 0
      ? g_strdup_printf ("%" G_GINT64_FORMAT,
                         ((HubdResult *) g_ptr_array_index (results, results->len - 1))->id)
      : g_strdup (since);
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "token", token);
  json_builder_set_member_name (builder, "new_results");
  json_builder_begin_array (builder);
  for (guint i = results->len; i > 0; i--)
    hubd_build_result (builder, g_ptr_array_index (results, i - 1), req->now);
  json_builder_end_array (builder);
  add_boolean (builder, "more", more);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

void
hubd_api_list_centers (HubdRequest *req)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (GPtrArray) centers = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL)
    return;

  centers = hubd_store_list_centers (req->server->store, membership->company_id,
                                     &error);
  if (centers == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < centers->len; i++) {
    HubdCenter *center = g_ptr_array_index (centers, i);

    json_builder_begin_object (builder);
    add_id (builder, "id", HUBD_ID_CENTER, center->id);
    add_string (builder, "name", center->name);
    add_string (builder, "state", center->state);
    json_builder_set_member_name (builder, "address");
    json_builder_begin_object (builder);
    add_string (builder, "line1", center->line1);
    add_string (builder, "city", center->city);
    add_string (builder, "state", center->state);
    add_string (builder, "postal_code", center->postal_code);
    json_builder_end_object (builder);
    add_string (builder, "phone", center->phone);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

void
hubd_api_list_document_types (HubdRequest *req)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const HubdDocumentType *types;
  guint n_types;

  types = hubd_document_types (&n_types);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_types; i++) {
    json_builder_begin_object (builder);
    add_string (builder, "code", types[i].code);
    add_string (builder, "name", types[i].name);
    add_string (builder, "visit_type", hubd_visit_type_to_string (types[i].visit_type));
    json_builder_set_member_name (builder, "pages");
    json_builder_add_int_value (builder, types[i].pages);
    json_builder_end_object (builder);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}
