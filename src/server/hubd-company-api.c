/* hubd-company-api.c: the signed-in user and their companies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include <sodium.h>
#include <string.h>

#include "hubd-crypto.h"

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE 200
#define MAX_CURSOR_LENGTH 512

void
hubd_api_get_current_user (HubdRequest *req)
{
  g_autoptr (GPtrArray) memberships = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GError) error = NULL;

  memberships = hubd_list_all_memberships (req->server, req->user, &error);
  if (memberships == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  hubd_build_user (builder, req->user, memberships);
  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

/* A cursor is the sort key of the last item of a page, "<id>:<name>",
 * base64url-encoded: clients treat it as opaque. */
static char *
cursor_encode (HubdMembership *last)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s",
                                          last->company_id, last->company_name);
  gsize length = sodium_base64_ENCODED_LEN (strlen (key),
                                            sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  char *cursor = g_malloc (length);

  sodium_bin2base64 (cursor, length, (const guchar *) key, strlen (key),
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return cursor;
}

static gboolean
cursor_decode (const char  *cursor,
               char       **name,
               gint64      *company_id)
{
  gsize length = strlen (cursor);
  g_autofree char *key = g_malloc0 (length + 1);
  g_autofree char *id_text = NULL;
  gsize key_length;
  guint64 id;
  char *colon;

  if (length == 0 || length > MAX_CURSOR_LENGTH ||
      sodium_base642bin ((guchar *) key, length, cursor, length, NULL,
                         &key_length, NULL,
                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return FALSE;

  key[key_length] = '\0';
  colon = strchr (key, ':');
  if (colon == NULL || strlen (key) != key_length ||
      !g_utf8_validate (colon + 1, -1, NULL))
    return FALSE;

  id_text = g_strndup (key, colon - key);
  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  *name = g_strdup (colon + 1);
  *company_id = (gint64) id;
  return TRUE;
}

static gboolean
parse_page_query (HubdRequest  *req,
                  guint        *limit,
                  char        **after_name,
                  gint64       *after_id)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  g_autoptr (GHashTable) params = NULL;
  const char *value;
  guint64 number;

  *limit = DEFAULT_PAGE_SIZE;
  if (query == NULL)
    return TRUE;

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_REQUEST, NULL,
                                "The query string of this request is malformed.");
    return FALSE;
  }

  value = g_hash_table_lookup (params, "limit");
  if (value != NULL) {
    if (!g_ascii_string_to_unsigned (value, 10, 1, MAX_PAGE_SIZE, &number, NULL)) {
      hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, "limit",
                                  "“limit” must be a whole number from 1 to 200.");
      return FALSE;
    }
    *limit = number;
  }

  value = g_hash_table_lookup (params, "cursor");
  if (value != NULL && !cursor_decode (value, after_name, after_id)) {
    hubd_request_respond_error (req, HUBD_ERROR_INVALID_FIELD, "cursor",
                                "This “cursor” is not one the server gave out. "
                                "Start again from the first page.");
    return FALSE;
  }

  return TRUE;
}

void
hubd_api_list_companies (HubdRequest *req)
{
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after_name = NULL;
  gint64 after_id = 0;
  guint limit;

  if (!parse_page_query (req, &limit, &after_name, &after_id))
    return;

  /* One more than asked for says whether there is a next page. */
  page = hubd_store_list_memberships (req->server->store, req->user->id,
                                      after_name, after_id, limit + 1, &error);
  if (page == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (page->len, limit); i++)
    hubd_build_membership (builder, g_ptr_array_index (page, i));
  json_builder_end_array (builder);
  if (page->len > limit) {
    g_autofree char *cursor = cursor_encode (g_ptr_array_index (page, limit - 1));
    json_builder_set_member_name (builder, "next_cursor");
    json_builder_add_string_value (builder, cursor);
  }
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

static void
build_address (JsonBuilder       *builder,
               const char        *member,
               const HubdAddress *address)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "line1");
  json_builder_add_string_value (builder, address->line1);
  if (address->line2 != NULL && *address->line2 != '\0') {
    json_builder_set_member_name (builder, "line2");
    json_builder_add_string_value (builder, address->line2);
  }
  json_builder_set_member_name (builder, "city");
  json_builder_add_string_value (builder, address->city);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, address->state);
  json_builder_set_member_name (builder, "postal_code");
  json_builder_add_string_value (builder, address->postal_code);
  json_builder_end_object (builder);
}

void
hubd_api_get_company (HubdRequest *req)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (HubdCompany) company = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL)
    return;

  company = hubd_store_get_company (req->server->store, membership->company_id,
                                    &error);
  if (company == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  id = hubd_id_format (HUBD_ID_COMPANY, company->id);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, company->name);
  build_address (builder, "physical_address", &company->physical);
  build_address (builder, "billing_address", &company->billing);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, company->phone);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
hubd_api_get_company_summary (HubdRequest *req)
{
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  HubdCompanySummary summary;
  HubdResultCounts results;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL)
    return;

  if (!hubd_store_get_company_summary (req->server->store,
                                       membership->company_id, &summary,
                                       &error) ||
      !hubd_store_count_results (req->server->store, membership->company_id,
                                 req->user->id, req->now - HUBD_ARCHIVE_AGE,
                                 &results, &error)) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  id = hubd_id_format (HUBD_ID_COMPANY, membership->company_id);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "company_id");
  json_builder_add_string_value (builder, id);
  add_count (builder, "locations", summary.locations);
  add_count (builder, "markets", summary.markets);
  add_count (builder, "contacts", summary.contacts);
  add_count (builder, "portal_users", summary.portal_users);
  add_count (builder, "user_admins", summary.user_admins);
  add_count (builder, "pending_invitations", summary.pending_invitations);
  add_count (builder, "results_new", results.new_results);
  add_count (builder, "results_unreviewed", results.unreviewed);
  add_count (builder, "results_flagged", results.flagged);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

static gboolean
send_invitation (HubdRequest     *req,
                 HubdMembership  *membership,
                 HubdContact     *contact,
                 const char      *token,
                 GError         **error)
{
  HubdServer *self = req->server;
  g_autofree char *links = hubd_password_links (self, token);
  g_autofree char *lifetime = hubd_format_lifetime (self->invite_token_lifetime);
  g_autofree char *body = NULL;

  body = g_strdup_printf ("Hello,\n"
                          "\n"
                          "You are invited to the HUB, the occupational-health "
                          "portal of %s.\n"
                          "Your user name is this email address. To choose "
                          "your password, open this\n"
                          "link in HUB Desk:\n"
                          "\n"
                          "%s"
                          "\n"
                          "The link works once and expires in %s. If you did "
                          "not expect this\n"
                          "invitation, ignore this message.\n",
                          membership->company_name, links, lifetime);

  return hubd_outbox_send (self->outbox, contact->email,
                           "You are invited to the HUB", body, error);
}

void
hubd_api_invite_contact (HubdRequest *req)
{
  HubdServer *self = req->server;
  g_autoptr (HubdMembership) membership = NULL;
  g_autoptr (HubdContact) contact = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires = NULL;
  gint64 contact_id, expires_at;

  membership = hubd_request_require_membership (req, req->params[0]);
  if (membership == NULL)
    return;

  if (membership->role != HUBD_ROLE_USER_ADMIN) {
    hubd_request_respond_error (req, HUBD_ERROR_FORBIDDEN, NULL,
                                "Only a User Admin of this company can invite "
                                "contacts to the portal.");
    return;
  }

  token = hubd_token_new ();
  token_hash = hubd_token_hash (token);
  expires_at = req->now + self->invite_token_lifetime;
  contact_id = hubd_id_parse (HUBD_ID_CONTACT, req->params[1]);
  if (contact_id == 0 ||
      !hubd_store_invite_contact (self->store, membership->company_id,
                                  contact_id, req->user->id, token_hash,
                                  req->now, expires_at, NULL, &error)) {
    if (contact_id == 0 ||
        g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND))
      hubd_request_respond_error (req, HUBD_ERROR_NOT_FOUND, NULL,
                                  "This company has no such contact.");
    else if (g_error_matches (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_CONFLICT))
      hubd_request_respond_error (req, HUBD_ERROR_CONFLICT, NULL, error->message);
    else
      hubd_request_respond_gerror (req, error);
    return;
  }

  contact = hubd_store_get_contact (self->store, membership->company_id,
                                    contact_id, &error);
  if (contact == NULL ||
      !send_invitation (req, membership, contact, token, &error)) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  expires = hubd_time_format (expires_at);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "contact_id");
  json_builder_add_string_value (builder, req->params[1]);
  json_builder_set_member_name (builder, "portal_status");
  json_builder_add_string_value (builder, "new");
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, expires);
  json_builder_end_object (builder);

  g_debug ("User %" G_GINT64_FORMAT " invited contact %" G_GINT64_FORMAT,
           req->user->id, contact_id);
  hubd_request_respond_json (req, SOUP_STATUS_ACCEPTED, builder);
}
