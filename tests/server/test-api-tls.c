/* test-api-tls.c: hubd over HTTPS with its own certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "api-client.h"

static void
test_https (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubd-tls-XXXXXX", &error);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert_arg = g_strdup_printf ("--tls-cert=%s", cert);
  g_autofree char *key_arg = g_strdup_printf ("--tls-key=%s", key);
  const char *openssl[] = {
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", key, "-out", cert, NULL
  };
  const char *args[] = { cert_arg, key_arg, NULL };
  g_autoptr (HubTestServer) server = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (ApiResponse) health = NULL;
  g_autofree char *token = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) openssl, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &out, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl could not make a certificate: %s", out);

  server = api_start_server (args);
  g_assert_true (g_str_has_prefix (hub_test_server_get_base_url (server), "https://"));

  certificate = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  api_trust_certificate (certificate);

  health = api_call (server, "GET", "/api/v1/health", NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
  token = api_sign_in (server, "admin@northwind.example", DEMO_PASSWORD);
  g_assert_nonnull (token);

  api_trust_certificate (NULL);
  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

/* Without trusting it, a client refuses the self-signed certificate. */
static void
test_untrusted (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubd-tls-XXXXXX", &error);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *cert_arg = g_strdup_printf ("--tls-cert=%s", cert);
  g_autofree char *key_arg = g_strdup_printf ("--tls-key=%s", key);
  const char *openssl[] = {
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL
  };
  const char *args[] = { cert_arg, key_arg, NULL };
  g_autoptr (HubTestServer) server = NULL;
  g_autoptr (SoupSession) session = soup_session_new_with_options ("proxy-resolver",
                                                                  NULL, NULL);
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *url = NULL;
  int status;

  g_spawn_sync (NULL, (char **) openssl, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  server = api_start_server (args);
  url = g_strconcat (hub_test_server_get_base_url (server), "/api/v1/health", NULL);
  msg = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);

  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  api_init (&argc, &argv);

  g_test_add_func ("/api/tls/https", test_https);
  g_test_add_func ("/api/tls/untrusted", test_untrusted);

  return api_run ();
}
