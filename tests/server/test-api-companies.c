/* test-api-companies.c: the user, their companies, and what is public
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "api-client.h"

static HubTestServer *server;

static const char *
company_id_of (JsonObject *membership)
{
  return json_object_get_string_member (json_object_get_object_member (membership,
                                                                       "company"),
                                        "id");
}

static const char *
company_name_of (JsonObject *membership)
{
  return json_object_get_string_member (json_object_get_object_member (membership,
                                                                       "company"),
                                        "name");
}

static JsonObject *
find_membership (JsonArray  *companies,
                 const char *name)
{
  for (guint i = 0; i < json_array_get_length (companies); i++) {
    JsonObject *membership = json_array_get_object_element (companies, i);

    if (g_str_equal (company_name_of (membership), name))
      return membership;
  }

  return NULL;
}

static gboolean
permission (JsonObject *membership,
            const char *name)
{
  return json_object_get_boolean_member (json_object_get_object_member (membership,
                                                                        "permissions"),
                                         name);
}

static void
test_me_roles (void)
{
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_autofree char *activity = api_sign_in (server, "activity@northwind.example",
                                           DEMO_PASSWORD);
  g_autofree char *billing = api_sign_in (server, "billing@northwind.example",
                                          DEMO_PASSWORD);
  g_autoptr (ApiResponse) admin_me = api_call (server, "GET", "/api/v1/me", admin, NULL);
  g_autoptr (ApiResponse) activity_me = api_call (server, "GET", "/api/v1/me", activity,
                                                  NULL);
  g_autoptr (ApiResponse) billing_me = api_call (server, "GET", "/api/v1/me", billing,
                                                 NULL);
  JsonArray *companies;
  JsonObject *northwind, *harbor, *membership;

  g_assert_cmpuint (admin_me->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (admin_me->headers, "Cache-Control"),
                   ==, "no-store");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (api_response_object (admin_me),
                                                                  "id"),
                                   "usr_"));
  companies = json_object_get_array_member (api_response_object (admin_me), "companies");
  g_assert_cmpuint (json_array_get_length (companies), ==, 2);

  /* Ordered by name; User Admin in both, Billing Admin only in Northwind. */
  g_assert_cmpstr (company_name_of (json_array_get_object_element (companies, 0)), ==,
                   "Harbor Foods");
  northwind = find_membership (companies, "Northwind Logistics");
  harbor = find_membership (companies, "Harbor Foods");
  g_assert_cmpstr (json_object_get_string_member (northwind, "role"), ==, "user_admin");
  g_assert_cmpstr (json_object_get_string_member (harbor, "role"), ==, "user_admin");
  g_assert_true (permission (northwind, "billing_admin"));
  g_assert_false (permission (harbor, "billing_admin"));
  g_assert_true (permission (northwind, "patient_visit_activity"));

  membership = json_array_get_object_element (
    json_object_get_array_member (api_response_object (activity_me), "companies"), 0);
  g_assert_cmpstr (json_object_get_string_member (membership, "role"), ==, "basic");
  g_assert_true (permission (membership, "patient_visit_activity"));
  g_assert_true (permission (membership, "visit_search"));
  g_assert_false (permission (membership, "billing_admin"));

  membership = json_array_get_object_element (
    json_object_get_array_member (api_response_object (billing_me), "companies"), 0);
  g_assert_true (json_object_get_boolean_member (membership, "billing_contact"));
  g_assert_false (permission (membership, "patient_visit_activity"));
}

/* Pages of one item walk every membership exactly once. */
static void
test_pagination (void)
{
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  do {
    g_autofree char *path = NULL;
    g_autoptr (ApiResponse) page = NULL;
    JsonObject *object;
    JsonArray *items;

    path = cursor != NULL
      ? g_strdup_printf ("/api/v1/companies?limit=1&cursor=%s", cursor)
      : g_strdup ("/api/v1/companies?limit=1");
    page = api_call (server, "GET", path, admin, NULL);
    g_assert_cmpuint (page->status, ==, 200);
    object = api_response_object (page);
    items = json_object_get_array_member (object, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_ptr_array_add (seen, g_strdup (company_id_of (json_array_get_object_element (items, 0))));

    g_clear_pointer (&cursor, g_free);
    cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor",
                                                                   NULL));
    pages++;
    g_assert_cmpuint (pages, <=, 2);
  } while (cursor != NULL);

  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), !=, g_ptr_array_index (seen, 1));

  {
    g_autoptr (ApiResponse) all = api_call (server, "GET", "/api/v1/companies", admin, NULL);
    JsonObject *object = api_response_object (all);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")),
                      ==, 2);
    g_assert_false (json_object_has_member (object, "next_cursor"));
  }
}

static void
test_pagination_refused (void)
{
  g_autofree char *admin = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  const char *bad_limits[] = { "0", "201", "-1", "ten", "", "1.5" };
  const char *bad_cursors[] = { "bm90IGEgY3Vyc29y", "!!!", "MTI", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_limits); i++) {
    g_autofree char *path = g_strdup_printf ("/api/v1/companies?limit=%s", bad_limits[i]);
    g_autoptr (ApiResponse) response = api_call (server, "GET", path, admin, NULL);

    api_assert_error (response, 400, "invalid_field", "limit");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_cursors); i++) {
    g_autofree char *path = g_strdup_printf ("/api/v1/companies?cursor=%s", bad_cursors[i]);
    g_autoptr (ApiResponse) response = api_call (server, "GET", path, admin, NULL);

    api_assert_error (response, 400, "invalid_field", "cursor");
  }
}

static void
test_company (void)
{
  g_autofree char *basic = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autoptr (ApiResponse) company = api_call (server, "GET", "/api/v1/companies/co_1",
                                              basic, NULL);
  g_autoptr (ApiResponse) summary = api_call (server, "GET",
                                              "/api/v1/companies/co_1/summary",
                                              basic, NULL);
  JsonObject *object, *address;

  g_assert_cmpuint (company->status, ==, 200);
  object = api_response_object (company);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "co_1");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==,
                   "Northwind Logistics");
  address = json_object_get_object_member (object, "physical_address");
  g_assert_cmpstr (json_object_get_string_member (address, "city"), ==, "Dallas");
  g_assert_cmpstr (json_object_get_string_member (address, "state"), ==, "TX");

  g_assert_cmpuint (summary->status, ==, 200);
  object = api_response_object (summary);
  g_assert_cmpstr (json_object_get_string_member (object, "company_id"), ==, "co_1");
  g_assert_cmpint (json_object_get_int_member (object, "locations"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (object, "user_admins"), >=, 1);
  /* Invited, no password yet. */
  g_assert_cmpint (json_object_get_int_member (object, "pending_invitations"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (object, "contacts"), >,
                   json_object_get_int_member (object, "portal_users"));

  /* The dashboard's result counts, of the results not archived: the demo
   * has new, unreviewed and flagged ones. */
  {
    g_autoptr (ApiResponse) results = api_call (server, "GET",
                                                "/api/v1/companies/co_1/results?limit=1",
                                                basic, NULL);
    gint64 total = json_object_get_int_member (api_response_object (results), "total");
    const char *counts[] = { "results_new", "results_unreviewed", "results_flagged" };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++) {
      g_assert_cmpint (json_object_get_int_member (object, counts[i]), >, 0);
      g_assert_cmpint (json_object_get_int_member (object, counts[i]), <=, total);
    }
  }
}

/* Another company's data is refused whatever the id: existing, missing or
 * malformed. */
static void
test_cross_company (void)
{
  g_autofree char *basic = api_sign_in (server, "basic@northwind.example", DEMO_PASSWORD);
  g_autofree char *harbor_admin = api_sign_in (server, "admin@harbor.example",
                                               DEMO_PASSWORD);
  const char *ids[] = { "co_2", "co_3", "co_999999", "xyz", "co_0", "co_-1" };
  const char *suffixes[] = { "", "/summary" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++) {
    for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++) {
      g_autofree char *path = g_strdup_printf ("/api/v1/companies/%s%s", ids[i],
                                               suffixes[j]);
      g_autoptr (ApiResponse) response = api_call (server, "GET", path, basic, NULL);

      g_test_message ("GET %s", path);
      api_assert_error (response, 403, "forbidden", NULL);
    }
  }

  {
    g_autoptr (ApiResponse) northwind = api_call (server, "GET", "/api/v1/companies/co_1",
                                                  harbor_admin, NULL);
    g_autoptr (ApiResponse) invite = api_call (server, "POST",
                                               "/api/v1/companies/co_2/contacts/ct_1/invitation",
                                               basic, NULL);

    api_assert_error (northwind, 403, "forbidden", NULL);
    api_assert_error (invite, 403, "forbidden", NULL);
  }
}

static void
test_public (void)
{
  g_autoptr (ApiResponse) health = api_call (server, "GET", "/api/v1/health", NULL, NULL);
  g_autoptr (ApiResponse) links = api_call (server, "GET", "/api/v1/portal-links", NULL,
                                            NULL);
  g_autoptr (ApiResponse) contract = api_call (server, "GET", "/api/v1/openapi.yaml",
                                               NULL, NULL);
  g_autofree char *source = NULL;
  gsize length;
  JsonArray *items;

  g_assert_cmpuint (health->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (api_response_object (health), "status"),
                   ==, "ok");

  g_assert_cmpuint (links->status, ==, 200);
  items = json_object_get_array_member (api_response_object (links), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  for (guint i = 0; i < json_array_get_length (items); i++) {
    JsonObject *link = json_array_get_object_element (items, i);

    g_assert_true (g_str_has_prefix (json_object_get_string_member (link, "url"),
                                     "https://"));
    g_assert_cmpstr (json_object_get_string_member (link, "title"), !=, "");
  }

  /* The contract served is the one in the repository. */
  g_assert_cmpuint (contract->status, ==, 200);
  g_assert_cmpstr (contract->content_type, ==, "application/yaml");
  g_assert_true (g_file_get_contents (g_getenv ("HUB_OPENAPI"), &source, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (contract->body, NULL),
                   g_bytes_get_size (contract->body), source, length);
}

static void
test_portal_links_configured (void)
{
  g_autoptr (HubTestServer) own = api_start_server (NULL);
  g_autofree char *path = g_build_filename (hub_test_server_get_data_dir (own),
                                            "portal-links.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ApiResponse) links = NULL;
  JsonArray *items;

  g_file_set_contents (path,
                       "{\"items\": ["
                       "{\"title\": \"Our drug screen portal\","
                       " \"url\": \"https://screens.example/login\"},"
                       "{\"title\": \"Not secure\", \"url\": \"http://plain.example\"}"
                       "]}", -1, &error);
  g_assert_no_error (error);

  links = api_call (own, "GET", "/api/v1/portal-links", NULL, NULL);
  g_assert_cmpuint (links->status, ==, 200);
  items = json_object_get_array_member (api_response_object (links), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "url"),
                   ==, "https://screens.example/login");
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  api_init (&argc, &argv);
  server = api_start_server (NULL);

  g_test_add_func ("/api/companies/me-roles", test_me_roles);
  g_test_add_func ("/api/companies/pagination", test_pagination);
  g_test_add_func ("/api/companies/pagination-refused", test_pagination_refused);
  g_test_add_func ("/api/companies/company", test_company);
  g_test_add_func ("/api/companies/cross-company", test_cross_company);
  g_test_add_func ("/api/companies/public", test_public);
  g_test_add_func ("/api/companies/portal-links-configured", test_portal_links_configured);

  rc = api_run ();
  hub_test_server_free (server);
  return rc;
}
