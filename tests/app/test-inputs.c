/* test-inputs.c: what the app accepts from people before it asks the
 * server anything: server addresses and links from emails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "hub-preferences-dialog.h"
#include "hub-set-password-dialog.h"

static void
assert_server (const char *typed,
               const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = hub_preferences_normalize_server_url (typed, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, expected);
}

static void
assert_server_refused (const char *typed,
                       const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = hub_preferences_normalize_server_url (typed, &error);

  g_assert_null (url);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_server_addresses (void)
{
  assert_server ("hub.example.com", "https://hub.example.com");
  assert_server ("  https://hub.example.com/  ", "https://hub.example.com");
  assert_server ("HTTPS://hub.example.com:8443", "https://hub.example.com:8443");
  assert_server ("http://127.0.0.1:8480", "http://127.0.0.1:8480");
  assert_server ("http://localhost:8480/", "http://localhost:8480");

  /* Health information never crosses a network unencrypted. */
  assert_server_refused ("http://hub.example.com", "https://");
  assert_server_refused ("ftp://hub.example.com", "https://");
  assert_server_refused ("", "Enter the address");
  assert_server_refused ("   ", "Enter the address");
  assert_server_refused ("https://hub.example.com/portal", "without a path");
  assert_server_refused ("https://hub.example.com/?x=1", "without a path");
  assert_server_refused ("https://user:pw@hub.example.com", "without a path");
  assert_server_refused ("https://", "not a server address");
}

static void
assert_token (const char *link,
              const char *expected)
{
  g_autofree char *token = hub_set_password_dialog_token_from_link (link);

  g_assert_cmpstr (token, ==, expected);
}

static void
test_links_from_emails (void)
{
  assert_token ("hubdesk://set-password?token=abc_DEF-123", "abc_DEF-123");
  assert_token ("https://hub.example.com/set-password?kind=reset&token=Zz9", "Zz9");
  assert_token ("  abc_DEF-123\n", "abc_DEF-123");
  assert_token ("hubdesk://set-password?token=a%2Db", "a-b");

  assert_token ("", NULL);
  assert_token ("hubdesk://set-password", NULL);
  assert_token ("hubdesk://set-password?token=", NULL);
  assert_token ("not a token", NULL);
  assert_token (NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/app/inputs/server-addresses", test_server_addresses);
  g_test_add_func ("/app/inputs/links-from-emails", test_links_from_emails);

  return g_test_run ();
}
