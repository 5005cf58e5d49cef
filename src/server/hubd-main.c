/* hubd-main.c: the hubd command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hubd-crypto.h"
#include "hubd-demo.h"
#include "hubd-outbox.h"
#include "hubd-server.h"
#include "hubd-sqlite-store.h"

typedef struct {
  int port;
  char *data_dir;
  char *demo;
  gint64 seed;
  char *listen;
  char *tls_cert;
  char *tls_key;
  int ready_fd;
  gint64 session_lifetime;
  gint64 session_idle_timeout;
  gint64 reset_token_lifetime;
  char *outbox;
  char *public_url;
  char *feed_key;
} Options;

static Options options = {
  .port = 8480,
  .seed = 1,
  .ready_fd = -1,
  .session_lifetime = 12 * 60 * 60,
  .session_idle_timeout = 30 * 60,
  .reset_token_lifetime = 60 * 60,
};

static gboolean
parse_demo (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  g_free (options.demo);
  options.demo = g_strdup (value != NULL ? value : "small");
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "port", 'p', 0, G_OPTION_ARG_INT, &options.port,
    "Port to listen on; 0 picks a free one (default 8480)", "N" },
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &options.data_dir,
    "Folder of the database, the outbox and portal-links.json (required)", "DIR" },
  { "demo", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_demo,
    "Fill an empty database with demo data of this size (small, medium or "
    "large; default small) and print the demo accounts", "SIZE" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &options.seed,
    "Seed of the demo data: the same seed and size give the same data "
    "(default 1)", "S" },
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &options.listen,
    "IP address to listen on (default 127.0.0.1, loopback only)", "ADDR" },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_cert,
    "PEM certificate: serve HTTPS (needs --tls-key)", "FILE" },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key,
    "PEM private key of --tls-cert", "FILE" },
  { "ready-fd", 0, 0, G_OPTION_ARG_INT, &options.ready_fd,
    "Once listening, write the port and a newline to this file descriptor "
    "and close it", "FD" },
  { "session-lifetime", 0, 0, G_OPTION_ARG_INT64, &options.session_lifetime,
    "Seconds a sign-in lasts at most (default 43200, 12 hours)", "SECS" },
  { "session-idle-timeout", 0, 0, G_OPTION_ARG_INT64, &options.session_idle_timeout,
    "Seconds without a request after which a sign-in ends (default 1800)", "SECS" },
  { "reset-token-lifetime", 0, 0, G_OPTION_ARG_INT64, &options.reset_token_lifetime,
    "Seconds a password reset link works (default 3600)", "SECS" },
  { "outbox", 0, 0, G_OPTION_ARG_FILENAME, &options.outbox,
    "Folder to write outgoing mail to, one file per mail (default "
    "DATA_DIR/outbox)", "DIR" },
  { "public-url", 0, 0, G_OPTION_ARG_STRING, &options.public_url,
    "Base of the web links in mails (default https://hub.example)", "URL" },
  { "feed-key", 0, 0, G_OPTION_ARG_STRING, &options.feed_key,
    "Key clinics send in X-Feed-Key to post results to /api/v1/feed/results "
    "(without it, the feed is off)", "KEY" },
  { NULL }
};

static gboolean
on_quit_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
check_options (GError **error)
{
  if (options.data_dir == NULL) {
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         "Choose a data folder with --data-dir DIR");
    return FALSE;
  }
  if (options.port < 0 || options.port > 65535) {
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "--port must be from 0 to 65535, not %d", options.port);
    return FALSE;
  }
  if ((options.tls_cert == NULL) != (options.tls_key == NULL)) {
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         "HTTPS needs both --tls-cert and --tls-key");
    return FALSE;
  }
  if (options.feed_key != NULL && strlen (options.feed_key) < 16) {
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         "--feed-key must be at least 16 characters long");
    return FALSE;
  }
  if (options.session_lifetime < 1 || options.session_idle_timeout < 1 ||
      options.reset_token_lifetime < 1) {
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         "--session-lifetime, --session-idle-timeout and "
                         "--reset-token-lifetime must be at least 1 second");
    return FALSE;
  }

  return TRUE;
}

static gboolean
fill_demo (HubdStore  *store,
           GError    **error)
{
  HubdDemoSize size;
  gboolean empty;
  g_autofree char *accounts = NULL;

  if (!hubd_demo_size_from_string (options.demo, &size)) {
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "--demo takes small, medium or large, not '%s'", options.demo);
    return FALSE;
  }

  if (!hubd_store_is_empty (store, &empty, error))
    return FALSE;
  if (empty && !hubd_demo_populate (store, size, (guint64) options.seed, error))
    return FALSE;

  /* Demo data is made once; data made by an older hubd lacks what came
   * later, and is never changed behind the user's back. */
  if (!empty && hubd_store_get_result_sequence (store, 0, NULL) == 0)
    g_printerr ("hubd: the demo data in %s was made before visit results "
                "existed: delete that folder to make it again, with results\n",
                options.data_dir);

  /* The demo accounts are what --demo is for: they go to standard output
   * for the person who started hubd, never to a log. They are made-up
   * people, not health information. */
  accounts = hubd_demo_describe_accounts ();
  g_print ("%s", accounts);
  fflush (stdout);
  return TRUE;
}

static gboolean
announce_port (guint    port,
               GError **error)
{
  g_autofree char *line = g_strdup_printf ("%u\n", port);
  gsize written = 0;

  while (written < strlen (line)) {
    ssize_t n = write (options.ready_fd, line + written, strlen (line) - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot write the port to --ready-fd %d: %s",
                   options.ready_fd, g_strerror (saved_errno));
      return FALSE;
    }
    written += n;
  }

  close (options.ready_fd);
  return TRUE;
}

static gboolean
serve (GMainLoop  *loop,
       GError    **error)
{
  g_autoptr (HubdSqliteStore) store = NULL;
  g_autoptr (HubdOutbox) outbox = NULL;
  g_autoptr (HubdServer) server = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *outbox_dir = NULL;
  HubdServerConfig config = { 0, };

  if (!hubd_crypto_init (error))
    return FALSE;

  if (g_mkdir_with_parents (options.data_dir, 0700) != 0) {
    int saved_errno = errno;
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "Cannot create the data folder %s: %s", options.data_dir,
                 g_strerror (saved_errno));
    return FALSE;
  }

  db_path = g_build_filename (options.data_dir, "hubd.db", NULL);
  store = hubd_sqlite_store_new (db_path, error);
  if (store == NULL)
    return FALSE;

  if (options.demo != NULL && !fill_demo (HUBD_STORE (store), error))
    return FALSE;

  outbox_dir = options.outbox != NULL
    ? g_strdup (options.outbox)
    : g_build_filename (options.data_dir, "outbox", NULL);
  outbox = hubd_outbox_new (outbox_dir, error);
  if (outbox == NULL)
    return FALSE;

  if (options.tls_cert != NULL) {
    certificate = g_tls_certificate_new_from_files (options.tls_cert,
                                                    options.tls_key, error);
    if (certificate == NULL)
      return FALSE;
  }

  config.session_lifetime = options.session_lifetime;
  config.session_idle_timeout = options.session_idle_timeout;
  config.reset_token_lifetime = options.reset_token_lifetime;
  config.invite_token_lifetime = 7 * 24 * 60 * 60;
  config.public_url = options.public_url != NULL ? options.public_url
                                                 : "https://hub.example";
  config.data_dir = options.data_dir;
  config.feed_key = options.feed_key;
  server = hubd_server_new (HUBD_STORE (store), outbox, &config);
  if (!hubd_server_listen (server,
                           options.listen != NULL ? options.listen : "127.0.0.1",
                           options.port, certificate, error))
    return FALSE;

  g_message ("Listening on port %u (%s)", hubd_server_get_port (server),
             certificate != NULL ? "HTTPS" : "HTTP");
  if (options.ready_fd >= 0 &&
      !announce_port (hubd_server_get_port (server), error))
    return FALSE;

  g_main_loop_run (loop);

  g_message ("Stopping");
  hubd_server_disconnect (server);
  return TRUE;
}

static gboolean
run (GError **error)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint sigint, sigterm;
  gboolean ok;

  /* Handled from the start, so that a stop request that comes as soon as
   * the port is announced still ends hubd cleanly. */
  sigint = g_unix_signal_add (SIGINT, on_quit_signal, loop);
  sigterm = g_unix_signal_add (SIGTERM, on_quit_signal, loop);

  ok = serve (loop, error);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;

  context = g_option_context_new ("- serve the HUB API");
  g_option_context_set_summary (context,
                                "hubd serves the HUB API (/api/v1) from a "
                                "SQLite database in DATA_DIR.\n"
                                "Mail goes to files in the outbox folder. "
                                "Stop it with SIGINT or SIGTERM.");
  g_option_context_set_description (context,
                                    "DATA_DIR/portal-links.json, when present, "
                                    "lists the drug-screen portals of the "
                                    "sign-in page:\n"
                                    "  {\"items\": [{\"title\": \"...\", "
                                    "\"url\": \"https://...\", "
                                    "\"description\": \"...\"}]}\n"
                                    "Without it, hubd lists demo portals.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !check_options (&error)) {
    g_printerr ("hubd: %s\nTry 'hubd --help'.\n", error->message);
    return 2;
  }

  if (!run (&error)) {
    g_printerr ("hubd: %s\n", error->message);
    return 1;
  }

  return 0;
}
