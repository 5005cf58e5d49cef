/* test-models.c: reading the HUB API's JSON into models, and its errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hub-core.h"
#include "hub-core-private.h"

#define MEMBERSHIP_JSON(company_id, name, role)                                 \
  "{\"company\": {\"id\": \"" company_id "\", \"name\": \"" name "\"},"         \
  " \"role\": \"" role "\","                                                    \
  " \"permissions\": {\"patient_visit_activity\": true,"                        \
  "                   \"billing_admin\": false, \"visit_search\": true},"       \
  " \"billing_contact\": true}"

static JsonObject *
parse (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  object = hub_json_parse_object (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);

  return object;
}

static void
assert_contract_error (GError *error)
{
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "The HUB server sent an answer this version of HUB Desk does "
                   "not understand.");
}

static void
test_role_strings (void)
{
  g_autoptr(GEnumClass) enum_class = NULL;

  g_assert_cmpint (hub_role_from_string ("user_admin"), ==, HUB_ROLE_USER_ADMIN);
  g_assert_cmpint (hub_role_from_string ("basic"), ==, HUB_ROLE_BASIC);
  g_assert_cmpint (hub_role_from_string ("none"), ==, HUB_ROLE_NONE);
  g_assert_cmpint (hub_role_from_string ("auditor"), ==, HUB_ROLE_NONE);
  g_assert_cmpint (hub_role_from_string ("USER_ADMIN"), ==, HUB_ROLE_NONE);
  g_assert_cmpint (hub_role_from_string (NULL), ==, HUB_ROLE_NONE);

  for (HubRole role = HUB_ROLE_NONE; role <= HUB_ROLE_USER_ADMIN; role++)
    g_assert_cmpint (hub_role_from_string (hub_role_to_string (role)), ==, role);

  enum_class = g_type_class_ref (HUB_TYPE_ROLE);
  g_assert_cmpstr (g_enum_get_value (enum_class, HUB_ROLE_USER_ADMIN)->value_nick, ==,
                   "user-admin");
  g_assert_true (G_TYPE_IS_ENUM (HUB_TYPE_ERROR));
}

static void
test_membership (void)
{
  g_autoptr(JsonObject) object = parse (MEMBERSHIP_JSON ("co_north", "Northwind Logistics",
                                                         "user_admin"));
  g_autoptr(HubMembership) membership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HubRole role;

  membership = hub_membership_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_membership_get_company_id (membership), ==, "co_north");
  g_assert_cmpstr (hub_membership_get_company_name (membership), ==, "Northwind Logistics");
  g_assert_cmpint (hub_membership_get_role (membership), ==, HUB_ROLE_USER_ADMIN);
  g_assert_true (hub_membership_get_patient_visit_activity (membership));
  g_assert_false (hub_membership_get_billing_admin (membership));
  g_assert_true (hub_membership_get_visit_search (membership));
  g_assert_true (hub_membership_get_billing_contact (membership));

  /* The same values through the read-only properties the app binds to. */
  g_object_get (membership, "company-name", &name, "role", &role, NULL);
  g_assert_cmpstr (name, ==, "Northwind Logistics");
  g_assert_cmpint (role, ==, HUB_ROLE_USER_ADMIN);
}

static void
test_membership_unknown_role (void)
{
  g_autoptr(JsonObject) object = parse (MEMBERSHIP_JSON ("co_north", "Northwind", "auditor"));
  g_autoptr(HubMembership) membership = NULL;
  g_autoptr(GError) error = NULL;

  /* A role from a newer server grants nothing here, but is not an error. */
  membership = hub_membership_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hub_membership_get_role (membership), ==, HUB_ROLE_NONE);
}

static void
test_membership_broken (void)
{
  static const char * const broken[] = {
    /* No permissions. */
    "{\"company\": {\"id\": \"co_a\", \"name\": \"A\"}, \"role\": \"basic\","
    " \"billing_contact\": false}",
    /* A permission of the wrong type. */
    "{\"company\": {\"id\": \"co_a\", \"name\": \"A\"}, \"role\": \"basic\","
    " \"permissions\": {\"patient_visit_activity\": \"yes\", \"billing_admin\": false,"
    " \"visit_search\": false}, \"billing_contact\": false}",
    /* A permission missing. */
    "{\"company\": {\"id\": \"co_a\", \"name\": \"A\"}, \"role\": \"basic\","
    " \"permissions\": {\"patient_visit_activity\": true, \"billing_admin\": false},"
    " \"billing_contact\": false}",
    /* A role that is not a string. */
    "{\"company\": {\"id\": \"co_a\", \"name\": \"A\"}, \"role\": 2,"
    " \"permissions\": {\"patient_visit_activity\": true, \"billing_admin\": false,"
    " \"visit_search\": false}, \"billing_contact\": false}",
    /* A company id that could escape a request path. */
    "{\"company\": {\"id\": \"../admin\", \"name\": \"A\"}, \"role\": \"basic\","
    " \"permissions\": {\"patient_visit_activity\": true, \"billing_admin\": false,"
    " \"visit_search\": false}, \"billing_contact\": false}",
    /* A company name of null. */
    "{\"company\": {\"id\": \"co_a\", \"name\": null}, \"role\": \"basic\","
    " \"permissions\": {\"patient_visit_activity\": true, \"billing_admin\": false,"
    " \"visit_search\": false}, \"billing_contact\": false}",
    /* The company as a string. */
    "{\"company\": \"co_a\", \"role\": \"basic\","
    " \"permissions\": {\"patient_visit_activity\": true, \"billing_admin\": false,"
    " \"visit_search\": false}, \"billing_contact\": false}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) object = parse (broken[i]);
      g_autoptr(HubMembership) membership = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("broken membership %u", i);
      membership = hub_membership_new_from_json (object, &error);
      g_assert_null (membership);
      assert_contract_error (error);
    }
}

static void
test_user (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubMembership) first = NULL;
  g_autoptr(HubMembership) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  GListModel *memberships;

  /* Out of name order on purpose: the user keeps them by company name. */
  object = parse ("{\"id\": \"usr_1\", \"email\": \"pat@example.com\","
                  " \"first_name\": \"Pat\", \"last_name\": \"Quinn\", \"companies\": ["
                  MEMBERSHIP_JSON ("co_zeta", "Zeta Freight", "basic") ","
                  MEMBERSHIP_JSON ("co_alpha", "Alpha Foods", "user_admin") "]}");

  user = hub_user_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_user_get_id (user), ==, "usr_1");
  g_assert_cmpstr (hub_user_get_email (user), ==, "pat@example.com");
  g_assert_cmpstr (hub_user_get_first_name (user), ==, "Pat");
  g_assert_cmpstr (hub_user_get_last_name (user), ==, "Quinn");

  display_name = hub_user_dup_display_name (user);
  g_assert_cmpstr (display_name, ==, "Pat Quinn");

  memberships = hub_user_get_memberships (user);
  g_assert_true (g_list_model_get_item_type (memberships) == HUB_TYPE_MEMBERSHIP);
  g_assert_cmpuint (g_list_model_get_n_items (memberships), ==, 2);
  first = g_list_model_get_item (memberships, 0);
  second = g_list_model_get_item (memberships, 1);
  g_assert_cmpstr (hub_membership_get_company_name (first), ==, "Alpha Foods");
  g_assert_cmpstr (hub_membership_get_company_name (second), ==, "Zeta Freight");

  g_assert_true (hub_user_find_membership (user, "co_zeta") == second);
  g_assert_cmpint (hub_membership_get_role (hub_user_find_membership (user, "co_alpha")), ==,
                   HUB_ROLE_USER_ADMIN);
  g_assert_null (hub_user_find_membership (user, "co_other"));
}

static void
test_user_one_name (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;

  object = parse ("{\"id\": \"usr_2\", \"email\": \"x@example.com\", \"first_name\": \"\","
                  " \"last_name\": \"Okafor\", \"companies\": []}");
  user = hub_user_new_from_json (object, &error);
  g_assert_no_error (error);

  display_name = hub_user_dup_display_name (user);
  g_assert_cmpstr (display_name, ==, "Okafor");
  g_assert_cmpuint (g_list_model_get_n_items (hub_user_get_memberships (user)), ==, 0);
}

static void
test_user_broken (void)
{
  static const char * const broken[] = {
    /* No companies. */
    "{\"id\": \"usr_1\", \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\"}",
    /* Companies not a list. */
    "{\"id\": \"usr_1\", \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\", \"companies\": {}}",
    /* A company that is not an object. */
    "{\"id\": \"usr_1\", \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\", \"companies\": [\"co_a\"]}",
    /* One company twice. */
    "{\"id\": \"usr_1\", \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\", \"companies\": [" MEMBERSHIP_JSON ("co_a", "A", "basic") ","
    MEMBERSHIP_JSON ("co_a", "A again", "user_admin") "]}",
    /* No email. */
    "{\"id\": \"usr_1\", \"first_name\": \"A\", \"last_name\": \"B\", \"companies\": []}",
    /* A numeric id. */
    "{\"id\": 7, \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\", \"companies\": []}",
    /* A broken membership breaks the user. */
    "{\"id\": \"usr_1\", \"email\": \"a@example.com\", \"first_name\": \"A\","
    " \"last_name\": \"B\", \"companies\": [{\"company\": {\"id\": \"co_a\"}}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) object = parse (broken[i]);
      g_autoptr(HubUser) user = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("broken user %u", i);
      user = hub_user_new_from_json (object, &error);
      g_assert_null (user);
      assert_contract_error (error);
    }
}

static void
test_company (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(HubCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *physical = NULL;
  g_autofree char *billing = NULL;

  object = parse ("{\"id\": \"co_north\", \"name\": \"Northwind Logistics\","
                  " \"phone\": \"(555) 010-2000\","
                  " \"physical_address\": {\"line1\": \"100 Harbor Way\", \"line2\": \"Suite 4\","
                  "   \"city\": \"Portland\", \"state\": \"OR\", \"postal_code\": \"97201\"},"
                  " \"billing_address\": {\"line1\": \"PO Box 12\", \"line2\": \"\","
                  "   \"city\": \"Salem\", \"state\": \"OR\", \"postal_code\": \"97301\"}}");

  company = hub_company_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_company_get_id (company), ==, "co_north");
  g_assert_cmpstr (hub_company_get_name (company), ==, "Northwind Logistics");
  g_assert_cmpstr (hub_company_get_phone (company), ==, "(555) 010-2000");

  physical = hub_company_dup_physical_address (company);
  g_assert_cmpstr (physical, ==, "100 Harbor Way\nSuite 4\nPortland, OR 97201");
  billing = hub_company_dup_billing_address (company);
  g_assert_cmpstr (billing, ==, "PO Box 12\nSalem, OR 97301");
}

static void
test_company_broken (void)
{
  static const char * const broken[] = {
    /* No billing address. */
    "{\"id\": \"co_a\", \"name\": \"A\", \"phone\": \"1\","
    " \"physical_address\": {\"line1\": \"1\", \"city\": \"C\", \"state\": \"OR\","
    " \"postal_code\": \"1\"}}",
    /* An address without a city. */
    "{\"id\": \"co_a\", \"name\": \"A\", \"phone\": \"1\","
    " \"physical_address\": {\"line1\": \"1\", \"state\": \"OR\", \"postal_code\": \"1\"},"
    " \"billing_address\": {\"line1\": \"1\", \"city\": \"C\", \"state\": \"OR\","
    " \"postal_code\": \"1\"}}",
    /* A phone number as a number. */
    "{\"id\": \"co_a\", \"name\": \"A\", \"phone\": 5550102000,"
    " \"physical_address\": {\"line1\": \"1\", \"city\": \"C\", \"state\": \"OR\","
    " \"postal_code\": \"1\"},"
    " \"billing_address\": {\"line1\": \"1\", \"city\": \"C\", \"state\": \"OR\","
    " \"postal_code\": \"1\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) object = parse (broken[i]);
      g_autoptr(HubCompany) company = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("broken company %u", i);
      company = hub_company_new_from_json (object, &error);
      g_assert_null (company);
      assert_contract_error (error);
    }
}

static void
test_company_summary (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(HubCompanySummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  guint contacts;

  object = parse ("{\"company_id\": \"co_north\", \"locations\": 4, \"markets\": 2,"
                  " \"contacts\": 31, \"portal_users\": 12, \"user_admins\": 3,"
                  " \"pending_invitations\": 1, \"results_new\": 7,"
                  " \"results_unreviewed\": 40, \"results_flagged\": 2}");

  summary = hub_company_summary_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_company_summary_get_company_id (summary), ==, "co_north");
  g_assert_cmpuint (hub_company_summary_get_locations (summary), ==, 4);
  g_assert_cmpuint (hub_company_summary_get_markets (summary), ==, 2);
  g_assert_cmpuint (hub_company_summary_get_contacts (summary), ==, 31);
  g_assert_cmpuint (hub_company_summary_get_portal_users (summary), ==, 12);
  g_assert_cmpuint (hub_company_summary_get_user_admins (summary), ==, 3);
  g_assert_cmpuint (hub_company_summary_get_pending_invitations (summary), ==, 1);
  g_assert_cmpuint (hub_company_summary_get_results_new (summary), ==, 7);
  g_assert_cmpuint (hub_company_summary_get_results_unreviewed (summary), ==, 40);
  g_assert_cmpuint (hub_company_summary_get_results_flagged (summary), ==, 2);

  g_object_get (summary, "contacts", &contacts, NULL);
  g_assert_cmpuint (contacts, ==, 31);
}

static void
test_company_summary_without_results (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(HubCompanySummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* The results counts are part of the summary: a server without them
   * is not one this version talks to. */
  object = parse ("{\"company_id\": \"co_north\", \"locations\": 4, \"markets\": 2,"
                  " \"contacts\": 31, \"portal_users\": 12, \"user_admins\": 3,"
                  " \"pending_invitations\": 1, \"results_new\": 7,"
                  " \"results_unreviewed\": 40}");

  summary = hub_company_summary_new_from_json (object, &error);
  g_assert_null (summary);
  assert_contract_error (error);
}

static void
test_company_summary_broken (void)
{
  static const char * const counts[] = {
    "-1",
    "2.5",
    "\"4\"",
    "true",
    "4294967296",
    "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *json = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(HubCompanySummary) summary = NULL;
      g_autoptr(GError) error = NULL;

      json = g_strdup_printf ("{\"company_id\": \"co_north\", \"locations\": %s,"
                              " \"markets\": 2, \"contacts\": 31, \"portal_users\": 12,"
                              " \"user_admins\": 3, \"pending_invitations\": 1,"
                              " \"results_new\": 0, \"results_unreviewed\": 0,"
                              " \"results_flagged\": 0}",
                              counts[i]);
      object = parse (json);

      g_test_message ("locations: %s", counts[i]);
      summary = hub_company_summary_new_from_json (object, &error);
      g_assert_null (summary);
      assert_contract_error (error);
    }
}

static void
test_portal_links (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GListModel) links = NULL;
  g_autoptr(HubPortalLink) first = NULL;
  g_autoptr(HubPortalLink) second = NULL;
  g_autoptr(GError) error = NULL;

  object = parse ("{\"items\": ["
                  " {\"title\": \"Screening results\", \"url\": \"https://drugs.example.com/\","
                  "  \"description\": \"Results of drug screens\"},"
                  " {\"title\": \"Another lab\", \"url\": \"https://lab.example.org/login\"}]}");

  links = hub_portal_links_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (links) == HUB_TYPE_PORTAL_LINK);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);

  first = g_list_model_get_item (links, 0);
  g_assert_cmpstr (hub_portal_link_get_title (first), ==, "Screening results");
  g_assert_cmpstr (hub_portal_link_get_url (first), ==, "https://drugs.example.com/");
  g_assert_cmpstr (hub_portal_link_get_description (first), ==, "Results of drug screens");

  second = g_list_model_get_item (links, 1);
  g_assert_cmpstr (hub_portal_link_get_title (second), ==, "Another lab");
  g_assert_null (hub_portal_link_get_description (second));
}

static void
test_portal_links_broken (void)
{
  static const char * const broken[] = {
    "{\"links\": []}",
    "{\"items\": [{\"title\": \"Local file\", \"url\": \"file:///etc/passwd\"}]}",
    "{\"items\": [{\"title\": \"Plain\", \"url\": \"http://drugs.example.com/\"}]}",
    "{\"items\": [{\"title\": \"Script\", \"url\": \"javascript:alert(1)\"}]}",
    "{\"items\": [{\"title\": \"No host\", \"url\": \"https:///path\"}]}",
    "{\"items\": [{\"url\": \"https://drugs.example.com/\"}]}",
    "{\"items\": [42]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) object = parse (broken[i]);
      g_autoptr(GListModel) links = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("broken links %u", i);
      links = hub_portal_links_new_from_json (object, &error);
      g_assert_null (links);
      assert_contract_error (error);
    }
}

static void
test_not_json (void)
{
  static const char * const bodies[] = {
    "",
    "<html>Bad gateway</html>",
    "[1, 2]",
    "\"text\"",
    "{\"unterminated\": ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (bodies[i], strlen (bodies[i]));
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GError) error = NULL;

      object = hub_json_parse_object (bytes, &error);
      g_assert_null (object);
      assert_contract_error (error);
    }
}

static void
test_ids (void)
{
  g_assert_true (hub_json_is_id ("co_north"));
  g_assert_true (hub_json_is_id ("usr_0a9z"));
  g_assert_true (hub_json_is_id ("abcd_123456789012345678901234"));
  g_assert_false (hub_json_is_id ("abcde_1"));
  g_assert_false (hub_json_is_id ("c_1"));
  g_assert_false (hub_json_is_id ("co_"));
  g_assert_false (hub_json_is_id ("co_North"));
  g_assert_false (hub_json_is_id ("co_1/../x"));
  g_assert_false (hub_json_is_id ("abcd_1234567890123456789012345"));
  g_assert_false (hub_json_is_id (""));
  g_assert_false (hub_json_is_id (NULL));
}

static void
test_json_strings (void)
{
  static const char * const values[] = {
    "plain",
    "quote \" and backslash \\",
    "new\nline, tab\t, return\r",
    "bell \a and escape \x1b",
    "ünïcødé — ✓",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) text = g_string_new ("{\"value\":");
      g_autoptr(JsonObject) object = NULL;

      hub_json_append_string (text, values[i]);
      g_string_append_c (text, '}');
      g_assert_cmpuint (text->len - strlen ("{\"value\":}"), <=,
                        hub_json_string_max_size (values[i]));

      object = parse (text->str);
      g_assert_cmpstr (json_object_get_string_member (object, "value"), ==, values[i]);
    }
}

static GError *
error_from (guint       status,
            const char *body,
            const char *retry_after,
            gboolean    signing_in)
{
  g_autoptr(JsonObject) object = NULL;

  if (body != NULL)
    object = parse (body);

  return hub_error_new_response (status, object, retry_after, signing_in);
}

static void
test_server_errors (void)
{
  g_autoptr(GError) error = NULL;

  error = error_from (401, "{\"code\": \"invalid_credentials\", \"message\": \"No.\"}",
                      NULL, TRUE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS);
  g_assert_cmpstr (error->message, ==, "The email or password is not right.");
  g_clear_error (&error);

  error = error_from (429, "{\"code\": \"too_many_attempts\", \"message\": \"Wait.\","
                      " \"retry_after_seconds\": 840}", "840", TRUE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS);
  g_assert_cmpstr (error->message, ==, "Too many failed sign-ins. Try again in 14 minutes.");
  g_clear_error (&error);

  /* Rounded up: waiting the minutes said is always long enough. */
  error = error_from (429, "{\"code\": \"too_many_attempts\", \"message\": \"Wait.\","
                      " \"retry_after_seconds\": 61}", NULL, TRUE);
  g_assert_cmpstr (error->message, ==, "Too many failed sign-ins. Try again in 2 minutes.");
  g_clear_error (&error);

  error = error_from (429, "{\"code\": \"too_many_attempts\", \"message\": \"Wait.\","
                      " \"retry_after_seconds\": 30}", NULL, FALSE);
  g_assert_cmpstr (error->message, ==, "Too many attempts. Try again in 1 minute.");
  g_clear_error (&error);

  /* A proxy's 429 without the error shape: the header says how long. */
  error = error_from (429, NULL, "300", TRUE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS);
  g_assert_cmpstr (error->message, ==, "Too many failed sign-ins. Try again in 5 minutes.");
  g_clear_error (&error);

  error = error_from (401, "{\"code\": \"session_expired\", \"message\": \"Expired.\"}",
                      NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  error = error_from (403, "{\"code\": \"forbidden\", \"message\": \"No.\"}", NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
  g_clear_error (&error);

  error = error_from (404, "{\"code\": \"not_found\", \"message\": \"No.\"}", NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  error = error_from (409, "{\"code\": \"conflict\", \"message\": \"Already active.\"}",
                      NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Already active.");
  g_clear_error (&error);

  error = error_from (400, "{\"code\": \"invalid_token\", \"message\": \"Bad token.\"}",
                      NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_TOKEN);
  g_clear_error (&error);

  error = error_from (400, "{\"code\": \"weak_password\", \"message\": \"Use at least 10 "
                      "characters.\", \"field\": \"password\"}", NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_WEAK_PASSWORD);
  g_assert_cmpstr (error->message, ==, "Use at least 10 characters.");
  g_clear_error (&error);

  error = error_from (400, "{\"code\": \"invalid_field\", \"message\": \"The email is not "
                      "valid.\", \"field\": \"email\"}", NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The email is not valid.");
  g_clear_error (&error);

  error = error_from (500, "{\"code\": \"internal\", \"message\": \"Oops.\"}", NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_clear_error (&error);

  /* A code newer than this client: the status decides. */
  error = error_from (403, "{\"code\": \"account_suspended\", \"message\": \"Suspended.\"}",
                      NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==, "Suspended.");
  g_clear_error (&error);

  /* Not the error shape at all. */
  error = error_from (502, NULL, NULL, FALSE);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_clear_error (&error);

  error = error_from (404, "{\"detail\": \"Not Found\"}", NULL, FALSE);
  assert_contract_error (error);
}

static void
test_transport_errors (void)
{
  g_autoptr(GError) refused = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) untrusted = NULL;
  g_autoptr(GError) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "refused");
  error = hub_error_new_transport (refused, "127.0.0.1:9");
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==,
                   "The HUB server at 127.0.0.1:9 cannot be reached. Check the address "
                   "in Preferences and your network.");
  g_clear_error (&error);

  unknown = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no host");
  error = hub_error_new_transport (unknown, "hub.invalid");
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "hub.invalid"));
  g_clear_error (&error);

  untrusted = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, "bad");
  error = hub_error_new_transport (untrusted, "hub.example.com");
  g_assert_error (error, HUB_ERROR, HUB_ERROR_TLS);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The HUB server’s security certificate is not trusted."));
  g_clear_error (&error);

  cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  error = hub_error_new_transport (cancelled, "hub.example.com");
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/models/role-strings", test_role_strings);
  g_test_add_func ("/core/models/membership", test_membership);
  g_test_add_func ("/core/models/membership-unknown-role", test_membership_unknown_role);
  g_test_add_func ("/core/models/membership-broken", test_membership_broken);
  g_test_add_func ("/core/models/user", test_user);
  g_test_add_func ("/core/models/user-one-name", test_user_one_name);
  g_test_add_func ("/core/models/user-broken", test_user_broken);
  g_test_add_func ("/core/models/company", test_company);
  g_test_add_func ("/core/models/company-broken", test_company_broken);
  g_test_add_func ("/core/models/company-summary", test_company_summary);
  g_test_add_func ("/core/models/company-summary-broken", test_company_summary_broken);
  g_test_add_func ("/core/models/company-summary-without-results",
                   test_company_summary_without_results);
  g_test_add_func ("/core/models/portal-links", test_portal_links);
  g_test_add_func ("/core/models/portal-links-broken", test_portal_links_broken);
  g_test_add_func ("/core/models/not-json", test_not_json);
  g_test_add_func ("/core/models/ids", test_ids);
  g_test_add_func ("/core/models/json-strings", test_json_strings);
  g_test_add_func ("/core/errors/server", test_server_errors);
  g_test_add_func ("/core/errors/transport", test_transport_errors);

  return g_test_run ();
}
