/* test-credentials.c: the remembered sign-in, through a real keyring
 *
 * Runs against the Secret Service (the gnome-keyring that build-aux/dev
 * unlocks), or with --file-backend against libsecret's file backend, the
 * one it uses inside Flatpak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

#include "hub-core.h"

static gboolean file_backend;
static char *keyring_dir;

/* Another test may use the keyring at the same time: every server here is
 * unique to this process. */
static char *
unique_server (const char *name)
{
  return g_strdup_printf ("https://%s-%d.hubdesk-test.example", name, (int) getpid ());
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
store (const char *server,
       const char *email,
       const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hub_credentials_store_async (server, email, password, NULL, on_result, &result);
  g_assert_true (hub_credentials_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
lookup (const char  *server,
        char       **email,
        char       **password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hub_credentials_lookup_async (server, NULL, on_result, &result);
  g_assert_true (hub_credentials_lookup_finish (wait_for (&result), email, password, &error));
  g_assert_no_error (error);
}

static void
clear (const char *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hub_credentials_clear_async (server, NULL, on_result, &result);
  g_assert_true (hub_credentials_clear_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

/* The items of our schema for @server, read with libsecret directly. */
static GList *
items_for (const char *server)
{
  static const SecretSchema schema = {
    "io.github.hubdesk.HubDesk.Credentials",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_sync (&schema, SECRET_SEARCH_ALL, NULL, &error,
                                       "server", server,
                                       NULL);
  g_assert_no_error (error);

  return items;
}

static void
test_round_trip (void)
{
  g_autofree char *server = unique_server ("round-trip");
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected_label = NULL;
  GList *items;

  store (server, "admin@northwind.example", "HubDemo!2026");

  lookup (server, &email, &password);
  g_assert_cmpstr (email, ==, "admin@northwind.example");
  g_assert_cmpstr (password, ==, "HubDemo!2026");

  /* What a person sees in Passwords and Keys. */
  items = items_for (server);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  expected_label = g_strconcat ("HUB Desk sign-in for ", server + strlen ("https://"), NULL);
  g_assert_cmpstr (label, ==, expected_label);
  g_list_free_full (items, g_object_unref);

  clear (server);
}

static void
test_overwrite (void)
{
  g_autofree char *server = unique_server ("overwrite");
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;
  GList *items;

  store (server, "admin@northwind.example", "HubDemo!2026");
  store (server, "basic@northwind.example", "An0ther \"quoted\" pass\\word");

  /* One sign-in per server: the second replaced the first, email and all. */
  lookup (server, &email, &password);
  g_assert_cmpstr (email, ==, "basic@northwind.example");
  g_assert_cmpstr (password, ==, "An0ther \"quoted\" pass\\word");

  items = items_for (server);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  clear (server);
}

static void
test_clear (void)
{
  g_autofree char *server = unique_server ("clear");
  g_autofree char *other = unique_server ("clear-other");
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;
  g_autofree char *other_email = NULL;

  store (server, "admin@northwind.example", "HubDemo!2026");
  store (other, "admin@harbor.example", "HubDemo!2026");

  clear (server);

  /* Nothing remembered is a success with no email. */
  lookup (server, &email, &password);
  g_assert_null (email);
  g_assert_null (password);

  /* Another server's sign-in stays. */
  lookup (other, &other_email, NULL);
  g_assert_cmpstr (other_email, ==, "admin@harbor.example");

  /* Clearing twice, or what was never stored, is fine too. */
  clear (server);
  clear (other);
  g_clear_pointer (&other_email, g_free);
  lookup (other, &other_email, NULL);
  g_assert_null (other_email);
}

static void
test_server_spelling (void)
{
  g_autofree char *server = unique_server ("spelling");
  g_autofree char *with_slash = g_strconcat (server, "/", NULL);
  g_autofree char *email = NULL;

  store (with_slash, "admin@northwind.example", "HubDemo!2026");

  lookup (server, &email, NULL);
  g_assert_cmpstr (email, ==, "admin@northwind.example");

  clear (with_slash);
  g_clear_pointer (&email, g_free);
  lookup (server, &email, NULL);
  g_assert_null (email);
}

static void
test_cancelled (void)
{
  g_autofree char *server = unique_server ("cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;

  g_cancellable_cancel (cancellable);

  hub_credentials_lookup_async (server, cancellable, on_result, &result);
  g_assert_false (hub_credentials_lookup_finish (wait_for (&result), &email, NULL, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
  g_assert_null (email);
}

static void
test_file_backend_encrypts (void)
{
  g_autofree char *server = unique_server ("at-rest");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  store (server, "admin@northwind.example", "Plaintext-Canary-8841");

  path = g_build_filename (keyring_dir, "keyring", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_null (g_strstr_len (contents, length, "Plaintext-Canary-8841"));

  clear (server);
}

static void
test_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *server = unique_server ("unavailable");
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *email = NULL;

      hub_credentials_lookup_async (server, NULL, on_result, &result);
      g_assert_false (hub_credentials_lookup_finish (wait_for (&result), &email, NULL, &error));
      g_assert_error (error, HUB_ERROR, HUB_ERROR_KEYRING);
      g_assert_true (g_str_has_prefix (error->message,
                                       "The remembered sign-in cannot be read"));
      g_assert_null (email);

      g_clear_object (&result);
      g_clear_error (&error);
      hub_credentials_store_async (server, "a@example.com", "secret-secret", NULL,
                                   on_result, &result);
      g_assert_false (hub_credentials_store_finish (wait_for (&result), &error));
      g_assert_error (error, HUB_ERROR, HUB_ERROR_KEYRING);
      return;
    }
  else
    {
      g_auto(GStrv) envp = g_get_environ ();

      /* No Secret Service to talk to. */
      envp = g_environ_setenv (envp, "SECRET_BACKEND", "service", TRUE);
      envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS",
                               "unix:path=/nonexistent/hubdesk-bus", TRUE);
      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Chosen before libsecret picks its backend, once per process. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--file-backend"))
        {
          file_backend = TRUE;
          memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
          argc--;
          break;
        }
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (file_backend && !g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *keyring = NULL;

      keyring_dir = g_dir_make_tmp ("hubdesk-keyring-XXXXXX", &error);
      g_assert_no_error (error);
      keyring = g_build_filename (keyring_dir, "keyring", NULL);

      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
      g_setenv ("SECRET_FILE_TEST_PASSWORD", "hubdesk-file-backend-test", TRUE);
    }

  g_test_add_func ("/core/credentials/round-trip", test_round_trip);
  g_test_add_func ("/core/credentials/overwrite", test_overwrite);
  g_test_add_func ("/core/credentials/clear", test_clear);
  g_test_add_func ("/core/credentials/server-spelling", test_server_spelling);
  g_test_add_func ("/core/credentials/cancelled", test_cancelled);
  if (file_backend)
    g_test_add_func ("/core/credentials/file-backend-encrypts", test_file_backend_encrypts);
  g_test_add_func ("/core/credentials/unavailable", test_unavailable);

  ret = g_test_run ();

  if (keyring_dir != NULL)
    {
      g_autofree char *keyring = g_build_filename (keyring_dir, "keyring", NULL);

      g_unlink (keyring);
      g_rmdir (keyring_dir);
      g_clear_pointer (&keyring_dir, g_free);
    }

  secret_service_disconnect ();

  return ret;
}
