/* test-client.c: the API client against a live hubd, and against fake
 * servers that misbehave in ways hubd never does
 *
 * Cancellation is checked as HUB_ERROR_CANCELLED: every error of the core
 * library is in the HUB_ERROR domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "hub-core.h"
#include "hub-test-server.h"

#define DEMO_PASSWORD "HubDemo!2026"

typedef struct {
  HubTestServer *server;
  HubClient *client;
  guint n_session_expired;
  guint n_user_notify;
  guint n_signed_in_notify;
} Fixture;

/* --- waiting for results ------------------------------------------------- */

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static HubUser *
sign_in (HubClient   *client,
         const char  *email,
         const char  *password,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_sign_in_async (client, email, password, NULL, on_result, &result);

  return hub_client_sign_in_finish (client, wait_for (&result), error);
}

static gboolean
sign_out (HubClient  *client,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_sign_out_async (client, NULL, on_result, &result);

  return hub_client_sign_out_finish (client, wait_for (&result), error);
}

static HubUser *
refresh_user (HubClient  *client,
              GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_refresh_user_async (client, NULL, on_result, &result);

  return hub_client_refresh_user_finish (client, wait_for (&result), error);
}

static HubCompany *
get_company (HubClient   *client,
             const char  *company_id,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_get_company_async (client, company_id, NULL, on_result, &result);

  return hub_client_get_company_finish (client, wait_for (&result), error);
}

static HubCompanySummary *
get_summary (HubClient   *client,
             const char  *company_id,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_get_company_summary_async (client, company_id, NULL, on_result, &result);

  return hub_client_get_company_summary_finish (client, wait_for (&result), error);
}

static gboolean
invite (HubClient   *client,
        const char  *company_id,
        const char  *contact_id,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_invite_contact_async (client, company_id, contact_id, NULL, on_result, &result);

  return hub_client_invite_contact_finish (client, wait_for (&result), error);
}

static gboolean
request_reset (HubClient   *client,
               const char  *email,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_request_password_reset_async (client, email, NULL, on_result, &result);

  return hub_client_request_password_reset_finish (client, wait_for (&result), error);
}

static gboolean
set_password (HubClient   *client,
              const char  *token,
              const char  *password,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_set_password_async (client, token, password, NULL, on_result, &result);

  return hub_client_set_password_finish (client, wait_for (&result), error);
}

static GListModel *
list_portal_links (HubClient  *client,
                   GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_list_portal_links_async (client, NULL, on_result, &result);

  return hub_client_list_portal_links_finish (client, wait_for (&result), error);
}

/* --- the fixture: a fresh hubd and a client for each test ---------------- */

static void
on_session_expired (HubClient *client,
                    Fixture   *fixture)
{
  fixture->n_session_expired++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "user"))
    fixture->n_user_notify++;
  else if (g_str_equal (pspec->name, "signed-in"))
    fixture->n_signed_in_notify++;
}

static HubClient *
watched_client_new (Fixture    *fixture,
                    const char *base_url)
{
  HubClient *client = hub_client_new (base_url);

  g_signal_connect (client, "session-expired", G_CALLBACK (on_session_expired), fixture);
  g_signal_connect (client, "notify", G_CALLBACK (on_notify), fixture);

  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = hub_test_server_new ("small", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->server);

  fixture->client = watched_client_new (fixture,
                                        hub_test_server_get_base_url (fixture->server));
}

/* Every request must have finished, and nothing may hold the client. */
static void
assert_finalized (HubClient **client)
{
  GObject *weak = G_OBJECT (*client);

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_clear_object (client);
  g_assert_null (weak);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_finalized (&fixture->client);
  g_clear_pointer (&fixture->server, hub_test_server_free);
}

static char *
company_id_by_name (HubUser    *user,
                    const char *name)
{
  GListModel *memberships = hub_user_get_memberships (user);

  for (guint i = 0; i < g_list_model_get_n_items (memberships); i++)
    {
      g_autoptr(HubMembership) membership = g_list_model_get_item (memberships, i);

      if (g_str_equal (hub_membership_get_company_name (membership), name))
        return g_strdup (hub_membership_get_company_id (membership));
    }

  g_assert_not_reached ();
}

/* The ids of the demo's companies, as the multi-company admin sees them. */
static char *
northwind_id (Fixture *fixture)
{
  g_autoptr(HubClient) admin = hub_client_new (hub_test_server_get_base_url (fixture->server));
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = sign_in (admin, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  return company_id_by_name (user, "Northwind Logistics");
}

static guint
count_outbox (Fixture *fixture)
{
  g_auto(GStrv) mails = hub_test_server_read_outbox (fixture->server);

  return mails != NULL ? g_strv_length (mails) : 0;
}

/* The token of the newest mail to @email that carries one. */
static char *
token_from_outbox (Fixture    *fixture,
                   const char *email)
{
  g_auto(GStrv) mails = hub_test_server_read_outbox (fixture->server);
  g_autoptr(GRegex) regex = g_regex_new ("token=([A-Za-z0-9_~.-]+)", 0, 0, NULL);
  g_autofree char *to = g_strdup_printf ("To: <%s>", email);
  char *token = NULL;

  g_assert_nonnull (mails);

  for (guint i = 0; mails[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (strstr (mails[i], to) == NULL)
        continue;

      if (g_regex_match (regex, mails[i], 0, &match))
        {
          g_free (token);
          token = g_match_info_fetch (match, 1);
        }
    }

  g_assert_nonnull (token);

  return token;
}

/* --- sign-in -------------------------------------------------------------- */

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  HubMembership *harbor;
  HubMembership *northwind;
  GListModel *memberships;

  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_assert_null (hub_client_get_user (fixture->client));

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (HUB_IS_USER (user));

  g_assert_true (hub_client_get_signed_in (fixture->client));
  g_assert_true (hub_client_get_user (fixture->client) == user);
  g_assert_cmpuint (fixture->n_user_notify, ==, 1);
  g_assert_cmpuint (fixture->n_signed_in_notify, ==, 1);
  g_assert_cmpuint (fixture->n_session_expired, ==, 0);

  g_assert_cmpstr (hub_user_get_email (user), ==, "admin@northwind.example");
  display_name = hub_user_dup_display_name (user);
  g_assert_cmpstr (display_name, !=, "");

  /* Both companies, by name. */
  memberships = hub_user_get_memberships (user);
  g_assert_cmpuint (g_list_model_get_n_items (memberships), ==, 2);
  harbor = g_list_model_get_item (memberships, 0);
  northwind = g_list_model_get_item (memberships, 1);
  g_assert_cmpstr (hub_membership_get_company_name (harbor), ==, "Harbor Foods");
  g_assert_cmpstr (hub_membership_get_company_name (northwind), ==, "Northwind Logistics");
  g_assert_cmpint (hub_membership_get_role (harbor), ==, HUB_ROLE_USER_ADMIN);
  g_assert_cmpint (hub_membership_get_role (northwind), ==, HUB_ROLE_USER_ADMIN);

  /* User Admins have these by default (R3). */
  g_assert_true (hub_membership_get_patient_visit_activity (northwind));
  g_assert_true (hub_membership_get_billing_admin (northwind));
  g_assert_true (hub_user_find_membership (user, hub_membership_get_company_id (harbor)) ==
                 harbor);
  g_object_unref (harbor);
  g_object_unref (northwind);
}

static void
test_sign_in_basic_user (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *company_id = NULL;
  HubMembership *membership;

  user = sign_in (fixture->client, "basic@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  company_id = company_id_by_name (user, "Northwind Logistics");
  membership = hub_user_find_membership (user, company_id);
  g_assert_cmpint (hub_membership_get_role (membership), ==, HUB_ROLE_BASIC);
  g_assert_false (hub_membership_get_patient_visit_activity (membership));
  g_assert_false (hub_membership_get_billing_admin (membership));
  g_assert_false (hub_membership_get_visit_search (membership));
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubUser) nobody = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown_error = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", "not-the-password", &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS);
  g_assert_cmpstr (error->message, ==, "The email or password is not right.");
  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_assert_cmpuint (fixture->n_user_notify, ==, 0);

  /* An unknown email reads exactly the same. */
  nobody = sign_in (fixture->client, "nobody@northwind.example", "not-the-password",
                    &unknown_error);
  g_assert_null (nobody);
  g_assert_error (unknown_error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS);
  g_assert_cmpstr (unknown_error->message, ==, error->message);

  /* A sign-in refused is not a session that expired. */
  g_assert_cmpuint (fixture->n_session_expired, ==, 0);
}

static void
test_locked_out (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *minutes = NULL;
  guint attempts = 0;

  /* Fail until the server locks the account; the right password is then
   * refused too. */
  while (TRUE)
    {
      g_autoptr(HubUser) refused = NULL;

      g_clear_error (&error);
      refused = sign_in (fixture->client, "activity@northwind.example", "wrong-password",
                         &error);
      g_assert_null (refused);
      attempts++;

      if (!g_error_matches (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS))
        break;
      g_assert_cmpuint (attempts, <, 50);
    }

  g_assert_error (error, HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS);
  g_assert_cmpuint (attempts, >, 1);

  regex = g_regex_new ("^Too many failed sign-ins\\. Try again in ([0-9]+) minutes?\\.$",
                       0, 0, NULL);
  g_assert_true (g_regex_match (regex, error->message, 0, &match));
  minutes = g_match_info_fetch (match, 1);
  g_assert_cmpint (atoi (minutes), >=, 1);
  g_assert_cmpint (atoi (minutes), <=, 60);

  g_clear_error (&error);
  user = sign_in (fixture->client, "activity@northwind.example", DEMO_PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS);
  g_assert_false (hub_client_get_signed_in (fixture->client));
}

static void
test_invited_user_cannot_sign_in (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* Until they set a password from the invitation, no password works. */
  user = sign_in (fixture->client, "invited@northwind.example", DEMO_PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS);
}

/* --- sessions ------------------------------------------------------------ */

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubUser) refreshed = NULL;
  g_autoptr(GError) error = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_true (sign_out (fixture->client, &error));
  g_assert_no_error (error);
  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_assert_null (hub_client_get_user (fixture->client));
  g_assert_cmpuint (fixture->n_user_notify, ==, 2);
  g_assert_cmpuint (fixture->n_signed_in_notify, ==, 2);

  /* A call after signing out is refused and says the session is over. */
  refreshed = refresh_user (fixture->client, &error);
  g_assert_null (refreshed);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (fixture->n_session_expired, ==, 1);

  /* Signing out twice is harmless. */
  g_clear_error (&error);
  g_assert_true (sign_out (fixture->client, &error));
  g_assert_no_error (error);
}

static void
test_sign_out_offline (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  g_clear_pointer (&fixture->server, hub_test_server_free);

  /* The server could not be told, but the session is gone here. */
  g_assert_false (sign_out (fixture->client, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NETWORK);
  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_assert_null (hub_client_get_user (fixture->client));
  g_assert_cmpuint (fixture->n_signed_in_notify, ==, 2);
}

static void
test_refresh_user (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubUser) refreshed = NULL;
  g_autoptr(GError) error = NULL;

  user = sign_in (fixture->client, "admin@harbor.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  refreshed = refresh_user (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_true (refreshed != user);
  g_assert_true (hub_client_get_user (fixture->client) == refreshed);
  g_assert_cmpstr (hub_user_get_id (refreshed), ==, hub_user_get_id (user));
  g_assert_cmpstr (hub_user_get_email (refreshed), ==, "admin@harbor.example");
  g_assert_cmpuint (g_list_model_get_n_items (hub_user_get_memberships (refreshed)), ==,
                    g_list_model_get_n_items (hub_user_get_memberships (user)));

  /* A new user object, still signed in. */
  g_assert_cmpuint (fixture->n_user_notify, ==, 2);
  g_assert_cmpuint (fixture->n_signed_in_notify, ==, 1);
}

static void
test_reset_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HubClient) other = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubUser) after = NULL;
  g_autoptr(HubUser) old_password = NULL;
  g_autoptr(HubUser) new_password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint mails_before;

  /* Signed in here while the password is reset elsewhere. */
  user = sign_in (fixture->client, "billing@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  other = hub_client_new (hub_test_server_get_base_url (fixture->server));
  mails_before = count_outbox (fixture);
  g_assert_true (request_reset (other, "billing@northwind.example", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_outbox (fixture), ==, mails_before + 1);

  token = token_from_outbox (fixture, "billing@northwind.example");
  g_assert_true (set_password (other, token, "A-new-password-2026", &error));
  g_assert_no_error (error);

  /* The link works once. */
  g_assert_false (set_password (other, token, "Yet-another-password-2026", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_TOKEN);
  g_clear_error (&error);

  /* Setting the password ended every session, this client's too: the
   * next call finds out, and the app hears about it. */
  after = refresh_user (fixture->client, &error);
  g_assert_null (after);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (fixture->n_session_expired, ==, 1);
  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_assert_null (hub_client_get_user (fixture->client));
  g_clear_error (&error);

  old_password = sign_in (fixture->client, "billing@northwind.example", DEMO_PASSWORD, &error);
  g_assert_null (old_password);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  new_password = sign_in (fixture->client, "billing@northwind.example", "A-new-password-2026",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_user_get_email (new_password), ==, "billing@northwind.example");

  assert_finalized (&other);
}

static void
test_forgot_password_unknown_email (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint mails_before = count_outbox (fixture);

  /* The same answer as for a real account, and no mail. */
  g_assert_true (request_reset (fixture->client, "nobody@northwind.example", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_outbox (fixture), ==, mails_before);
}

static void
test_set_password_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_false (set_password (fixture->client, "not-a-token", "A-good-long-password",
                                &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_TOKEN);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* A real token and a short password: the password is what is wrong. */
  g_assert_true (request_reset (fixture->client, "admin@harbor.example", &error));
  g_assert_no_error (error);
  token = token_from_outbox (fixture, "admin@harbor.example");

  g_assert_false (set_password (fixture->client, token, "short", &error));
  g_assert_true (g_error_matches (error, HUB_ERROR, HUB_ERROR_WEAK_PASSWORD) ||
                 g_error_matches (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT));
  g_assert_cmpstr (error->message, !=, "");
}

/* --- companies ----------------------------------------------------------- */

static void
test_company_and_summary (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubCompany) company = NULL;
  g_autoptr(HubCompanySummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *company_id = NULL;
  g_autofree char *physical = NULL;
  g_autofree char *billing = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  company_id = company_id_by_name (user, "Northwind Logistics");

  company = get_company (fixture->client, company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_company_get_id (company), ==, company_id);
  g_assert_cmpstr (hub_company_get_name (company), ==, "Northwind Logistics");
  g_assert_cmpstr (hub_company_get_phone (company), !=, "");

  /* Street, then "City, ST ZIP" at least. */
  physical = hub_company_dup_physical_address (company);
  g_assert_nonnull (strchr (physical, '\n'));
  g_assert_true (g_regex_match_simple (", [A-Z]{2} [0-9-]+$", physical, 0, 0));
  billing = hub_company_dup_billing_address (company);
  g_assert_nonnull (strchr (billing, '\n'));

  summary = get_summary (fixture->client, company_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hub_company_summary_get_company_id (summary), ==, company_id);
  g_assert_cmpuint (hub_company_summary_get_locations (summary), >=, 1);
  g_assert_cmpuint (hub_company_summary_get_markets (summary), >=, 1);
  g_assert_cmpuint (hub_company_summary_get_user_admins (summary), >=, 1);
  g_assert_cmpuint (hub_company_summary_get_portal_users (summary), >=,
                    hub_company_summary_get_user_admins (summary));
  g_assert_cmpuint (hub_company_summary_get_contacts (summary), >=,
                    hub_company_summary_get_portal_users (summary));
  /* invited@northwind.example has not set a password yet. */
  g_assert_cmpuint (hub_company_summary_get_pending_invitations (summary), >=, 1);
}

static void
test_cross_company_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubCompany) company = NULL;
  g_autoptr(HubCompanySummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *northwind = northwind_id (fixture);

  /* Harbor's admin asks for Northwind's data. */
  user = sign_in (fixture->client, "admin@harbor.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_null (hub_user_find_membership (user, northwind));

  company = get_company (fixture->client, northwind, &error);
  g_assert_null (company);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
  g_clear_error (&error);

  summary = get_summary (fixture->client, northwind, &error);
  g_assert_null (summary);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_false (invite (fixture->client, northwind, "ct_1", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);

  /* Refused, but still signed in. */
  g_assert_true (hub_client_get_signed_in (fixture->client));
  g_assert_cmpuint (fixture->n_session_expired, ==, 0);
}

static void
test_hostile_company_id (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubCompany) company = NULL;
  g_autoptr(GError) error = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);

  /* Escaped into one path segment: it can only name a company that is not
   * the user's. */
  company = get_company (fixture->client, "../session?x=1#y", &error);
  g_assert_null (company);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HUB_ERROR);
  g_assert_cmpint (error->code, !=, HUB_ERROR_UNAUTHENTICATED);
  g_assert_true (hub_client_get_signed_in (fixture->client));
  g_assert_cmpuint (fixture->n_session_expired, ==, 0);
}

static void
test_invite_refused_for_basic_user (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *company_id = NULL;
  guint mails_before = count_outbox (fixture);

  user = sign_in (fixture->client, "basic@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  company_id = company_id_by_name (user, "Northwind Logistics");

  g_assert_false (invite (fixture->client, company_id, "ct_1", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpuint (count_outbox (fixture), ==, mails_before);
}

static void
test_invite_unknown_contact (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *company_id = NULL;

  user = sign_in (fixture->client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_no_error (error);
  company_id = company_id_by_name (user, "Northwind Logistics");

  g_assert_false (invite (fixture->client, company_id, "ct_999999", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);
}

/* --- the sign-in page's links ------------------------------------------- */

static void
test_portal_links (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GError) error = NULL;

  /* No session needed. */
  links = list_portal_links (fixture->client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (links), >=, 1);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(HubPortalLink) link = g_list_model_get_item (links, i);

      g_assert_cmpstr (hub_portal_link_get_title (link), !=, "");
      g_assert_true (g_str_has_prefix (hub_portal_link_get_url (link), "https://"));
    }
}

/* --- cancellation -------------------------------------------------------- */

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) links_result = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled while the request is on its way. */
  hub_client_sign_in_async (fixture->client, "admin@northwind.example", DEMO_PASSWORD,
                            cancellable, on_result, &result);
  g_cancellable_cancel (cancellable);
  user = hub_client_sign_in_finish (fixture->client, wait_for (&result), &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
  g_assert_false (hub_client_get_signed_in (fixture->client));
  g_clear_error (&error);

  /* Cancelled before it started. */
  g_cancellable_cancel (before);
  hub_client_list_portal_links_async (fixture->client, before, on_result, &links_result);
  links = hub_client_list_portal_links_finish (fixture->client, wait_for (&links_result),
                                               &error);
  g_assert_null (links);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
}

/* --- servers that cannot be reached or trusted --------------------------- */

static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  /* A port that was free a moment ago and that nothing listens on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);

  return port;
}

static void
test_unreachable (void)
{
  g_autoptr(HubClient) client = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  guint16 port = closed_port ();

  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  client = hub_client_new (url);
  g_assert_cmpstr (hub_client_get_base_url (client), ==, url);

  user = sign_in (client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NETWORK);
  expected = g_strdup_printf ("The HUB server at 127.0.0.1:%u cannot be reached. Check the "
                              "address in Preferences and your network.", port);
  g_assert_cmpstr (error->message, ==, expected);

  assert_finalized (&client);
}

static void
test_not_an_address (void)
{
  g_autoptr(HubClient) client = hub_client_new ("hub example com");
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GError) error = NULL;

  links = list_portal_links (client, &error);
  g_assert_null (links);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Preferences"));

  assert_finalized (&client);
}

/* A fake HUB in this process, answering each path as the test says. */
typedef struct {
  SoupServer *soup;
  char *base_url;
  guint n_requests;
  char *last_authorization;
  char *last_query;
  gboolean signs_in;
} FakeServer;

static void
fake_server_free (FakeServer *fake)
{
  /* Let the server see every connection close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fake->soup);
  g_free (fake->base_url);
  g_free (fake->last_authorization);
  g_free (fake->last_query);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      body, strlen (body));
}

static void
fake_handler (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeServer *fake = user_data;
  const char *authorization;

  fake->n_requests++;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "Authorization");
  g_free (fake->last_authorization);
  fake->last_authorization = g_strdup (authorization);
  g_free (fake->last_query);
  fake->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));

  if (fake->signs_in && g_str_equal (path, "/api/v1/session"))
    respond (msg, 201, "{\"token\": \"fake-token-1\", \"expires_at\": \"2030-01-01T00:00:00Z\","
                       " \"idle_timeout_seconds\": 900,"
                       " \"user\": {\"id\": \"usr_1\", \"email\": \"a@example.com\","
                       " \"first_name\": \"A\", \"last_name\": \"B\", \"companies\": []}}");
  else if (fake->signs_in && g_str_equal (path, "/api/v1/me"))
    respond (msg, 401, "{\"code\": \"session_expired\", \"message\": \"Expired.\"}");
  else if (g_str_equal (path, "/api/v1/portal-links"))
    respond (msg, 200, "{\"items\": [{\"title\": \"Bad\", \"url\": \"file:///etc/passwd\"}]}");
  else if (g_str_equal (path, "/api/v1/session") &&
           g_str_equal (soup_server_message_get_method (msg), "POST"))
    /* Signed in, but without a token. */
    respond (msg, 201, "{\"expires_at\": \"2030-01-01T00:00:00Z\", \"idle_timeout_seconds\": 60,"
                       " \"user\": {\"id\": \"usr_1\", \"email\": \"a@example.com\","
                       " \"first_name\": \"A\", \"last_name\": \"B\", \"companies\": []}}");
  else if (g_str_equal (path, "/api/v1/password/forgot"))
    {
      /* Somewhere else: the client must not follow. */
      soup_server_message_set_redirect (msg, 307, "http://127.0.0.1:1/api/v1/password/forgot");
    }
  else if (g_str_equal (path, "/api/v1/password/reset"))
    respond (msg, 502, "<html>Bad gateway</html>");
  else
    respond (msg, 404, "{\"code\": \"not_found\", \"message\": \"No such thing.\"}");
}

static FakeServer *
fake_server_new (void)
{
  FakeServer *fake = g_new0 (FakeServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->soup, NULL, fake_handler, fake, NULL);
  soup_server_listen_local (fake->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->soup);
  g_assert_nonnull (uris);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

/* A TLS server whose certificate nobody vouches for. It is a bare socket
 * service rather than a SoupServer so that the test can wait until the
 * server side of every handshake has ended before freeing it. */
typedef struct {
  GSocketService *service;
  GTlsCertificate *certificate;
  GPtrArray *connections;
  guint n_handshakes_ended;
  guint16 port;
} TlsServer;

static void
on_server_handshake (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TlsServer *tls = user_data;
  g_autoptr(GError) error = NULL;

  /* The client hung up on the certificate. */
  g_assert_false (g_tls_connection_handshake_finish (G_TLS_CONNECTION (object), result, &error));
  g_assert_nonnull (error);
  tls->n_handshakes_ended++;
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  TlsServer *tls = user_data;
  g_autoptr(GError) error = NULL;
  GIOStream *stream;

  stream = g_tls_server_connection_new (G_IO_STREAM (connection), tls->certificate, &error);
  g_assert_no_error (error);
  g_ptr_array_add (tls->connections, stream);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (stream), G_PRIORITY_DEFAULT, NULL,
                                    on_server_handshake, tls);

  return TRUE;
}

static void
test_untrusted_certificate (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(HubClient) client = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  TlsServer tls = { NULL, };

  path = g_build_filename (CORE_TEST_DIR, "untrusted.pem", NULL);
  tls.certificate = g_tls_certificate_new_from_file (path, &error);
  g_assert_no_error (error);
  tls.connections = g_ptr_array_new_with_free_func (g_object_unref);

  tls.service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (tls.service), any,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (tls.service, "incoming", G_CALLBACK (on_incoming), &tls);
  tls.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  url = g_strdup_printf ("https://127.0.0.1:%u", tls.port);
  client = hub_client_new (url);

  user = sign_in (client, "admin@northwind.example", DEMO_PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_TLS);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The HUB server’s security certificate is not trusted."));

  assert_finalized (&client);

  /* Nothing was sent over the connection the client refused. */
  g_assert_cmpuint (tls.connections->len, >=, 1);
  while (tls.n_handshakes_ended < tls.connections->len)
    g_main_context_iteration (NULL, TRUE);

  g_socket_service_stop (tls.service);
  g_socket_listener_close (G_SOCKET_LISTENER (tls.service));
  g_clear_object (&tls.service);
  g_clear_pointer (&tls.connections, g_ptr_array_unref);
  g_clear_object (&tls.certificate);
}

static void
test_misbehaving_server (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(HubClient) client = hub_client_new (fake->base_url);
  g_autoptr(GListModel) links = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* A link the app would hand to the desktop must be https. */
  links = list_portal_links (client, &error);
  g_assert_null (links);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_clear_error (&error);

  /* A session without a token is no session. */
  user = sign_in (client, "a@example.com", "a password", &error);
  g_assert_null (user);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_false (hub_client_get_signed_in (client));
  g_clear_error (&error);

  /* Redirects are not followed. */
  g_assert_false (request_reset (client, "a@example.com", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_clear_error (&error);

  /* A proxy's error page. */
  g_assert_false (set_password (client, "token", "a long new password", &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==,
                   "The HUB server has a problem right now. Try again in a few minutes.");

  g_assert_cmpuint (fake->n_requests, ==, 4);
  g_assert_null (fake->last_authorization);

  assert_finalized (&client);
}

static void
test_expired_session (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(HubClient) client = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(HubUser) refreshed = NULL;
  g_autoptr(GError) error = NULL;
  Fixture counts = { NULL, };

  fake->signs_in = TRUE;
  client = watched_client_new (&counts, fake->base_url);

  user = sign_in (client, "a@example.com", "a password", &error);
  g_assert_no_error (error);
  g_assert_null (fake->last_authorization);
  g_assert_true (hub_client_get_signed_in (client));

  /* The token goes in the header, never in the address. */
  refreshed = refresh_user (client, &error);
  g_assert_cmpstr (fake->last_authorization, ==, "Bearer fake-token-1");
  g_assert_null (fake->last_query);

  g_assert_null (refreshed);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (error->message, ==, "Your session expired. Sign in again.");
  g_assert_cmpuint (counts.n_session_expired, ==, 1);
  g_assert_cmpuint (counts.n_signed_in_notify, ==, 2);
  g_assert_false (hub_client_get_signed_in (client));

  assert_finalized (&client);
}

int
main (int   argc,
      char *argv[])
{
  /* Every server here is on loopback, and the isolated data dirs hold no
   * system proxy settings for GIO's desktop proxy resolvers to read. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-in", test_sign_in);
  ADD ("sign-in-basic-user", test_sign_in_basic_user);
  ADD ("wrong-password", test_wrong_password);
  ADD ("locked-out", test_locked_out);
  ADD ("invited-user-cannot-sign-in", test_invited_user_cannot_sign_in);
  ADD ("sign-out", test_sign_out);
  ADD ("sign-out-offline", test_sign_out_offline);
  ADD ("refresh-user", test_refresh_user);
  ADD ("reset-password", test_reset_password);
  ADD ("forgot-password-unknown-email", test_forgot_password_unknown_email);
  ADD ("set-password-refused", test_set_password_refused);
  ADD ("company-and-summary", test_company_and_summary);
  ADD ("cross-company-refused", test_cross_company_refused);
  ADD ("hostile-company-id", test_hostile_company_id);
  ADD ("invite-refused-for-basic-user", test_invite_refused_for_basic_user);
  ADD ("invite-unknown-contact", test_invite_unknown_contact);
  ADD ("portal-links", test_portal_links);
  ADD ("cancelled", test_cancelled);

#undef ADD

  g_test_add_func ("/core/client/unreachable", test_unreachable);
  g_test_add_func ("/core/client/not-an-address", test_not_an_address);
  g_test_add_func ("/core/client/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/core/client/misbehaving-server", test_misbehaving_server);
  g_test_add_func ("/core/client/expired-session", test_expired_session);

  return g_test_run ();
}
