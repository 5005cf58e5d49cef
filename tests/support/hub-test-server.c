/* hub-test-server.c: a private hubd for one test
 *
 * Starts $HUBD_PATH on a free loopback port with a fresh data folder and
 * demo data, learns the port through --ready-fd, and removes everything
 * again when freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hub-test-server.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <string.h>
#include <unistd.h>

/* The large demo (200,000 results) takes about 12 s to generate on a
 * two-core machine; tests running side by side slow it down. */
#define START_TIMEOUT_MS 60000
#define STOP_TIMEOUT_MS 10000
#define READY_FD 3

struct _HubTestServer
{
  GSubprocess *process;
  char *data_dir;
  char *outbox_dir;
  char *base_url;
  guint port;
};

static const char *
find_arg (const char * const *args,
          const char         *name)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++) {
    if (g_str_equal (args[i], name))
      return args[i + 1] != NULL ? args[i + 1] : "";
    if (g_str_has_prefix (args[i], name) && args[i][strlen (name)] == '=')
      return args[i] + strlen (name) + 1;
  }

  return NULL;
}

/* hubd goes when the test goes, even when the test crashes: a hubd left
 * behind would hold the test's output open and stall the test runner. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Reads "PORT\n" from fd; fails on EOF (hubd exited) or after the
 * timeout. */
static gboolean
read_port (int      fd,
           guint   *port,
           GError **error)
{
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_MS * 1000;
  char line[16] = { 0, };
  gsize length = 0;
  guint64 value;

  while (memchr (line, '\n', length) == NULL) {
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int timeout = (deadline - g_get_monotonic_time ()) / 1000;
    ssize_t n;

    if (timeout <= 0 || poll (&pfd, 1, timeout) == 0) {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "hubd did not report its port within %d s",
                   START_TIMEOUT_MS / 1000);
      return FALSE;
    }

    n = read (fd, line + length, sizeof line - 1 - length);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0 || length + n >= sizeof line - 1) {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "hubd exited before it was listening (its "
                           "messages are above)");
      return FALSE;
    }
    length += n;
  }

  *strchr (line, '\n') = '\0';
  if (!g_ascii_string_to_unsigned (line, 10, 1, 65535, &value, error))
    return FALSE;

  *port = value;
  return TRUE;
}

HubTestServer *
hub_test_server_new (const char          *demo_size,
                     const char * const  *extra_args,
                     GError             **error)
{
  g_autoptr (HubTestServer) self = g_new0 (HubTestServer, 1);
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *hubd = g_getenv ("HUBD_PATH");
  const char *outbox;
  int fds[2];
  gboolean ok;

  g_return_val_if_fail (demo_size != NULL, NULL);

  if (hubd == NULL || *hubd == '\0') {
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         "HUBD_PATH is not set: run the tests with meson test");
    return NULL;
  }

  self->data_dir = g_dir_make_tmp ("hubtest-XXXXXX", error);
  if (self->data_dir == NULL)
    return NULL;

  outbox = find_arg (extra_args, "--outbox");
  self->outbox_dir = outbox != NULL ? g_strdup (outbox)
                                    : g_build_filename (self->data_dir, "outbox", NULL);

  g_ptr_array_add (argv, g_strdup (hubd));
  g_ptr_array_add (argv, g_strdup ("--port=0"));
  g_ptr_array_add (argv, g_strdup_printf ("--ready-fd=%d", READY_FD));
  g_ptr_array_add (argv, g_strdup_printf ("--data-dir=%s", self->data_dir));
  g_ptr_array_add (argv, g_strdup_printf ("--demo=%s", demo_size));
  g_ptr_array_add (argv, g_strdup ("--seed=1"));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  if (!g_unix_open_pipe (fds, O_CLOEXEC, error))
    return NULL;

  /* The demo accounts hubd prints would confuse the TAP output. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], READY_FD);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher,
                                                (const char * const *) argv->pdata,
                                                error);
  /* Dropping the launcher closes our copy of the write end, so that the
   * read below sees EOF if hubd dies. */
  g_clear_object (&launcher);
  if (self->process == NULL) {
    close (fds[0]);
    return NULL;
  }

  ok = read_port (fds[0], &self->port, error);
  close (fds[0]);
  if (!ok)
    return NULL;

  self->base_url = g_strdup_printf ("%s://127.0.0.1:%u",
                                    find_arg (extra_args, "--tls-cert") != NULL
                                      ? "https" : "http",
                                    self->port);
  return g_steal_pointer (&self);
}

const char *
hub_test_server_get_base_url (HubTestServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_url;
}

guint
hub_test_server_get_port (HubTestServer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->port;
}

const char *
hub_test_server_get_data_dir (HubTestServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data_dir;
}

const char *
hub_test_server_get_outbox_dir (HubTestServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->outbox_dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every mail in the outbox, oldest first (the file names sort by time). */
char **
hub_test_server_read_outbox (HubTestServer *self)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GStrvBuilder) mails = g_strv_builder_new ();
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  dir = g_dir_open (self->outbox_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    if (g_str_has_suffix (name, ".eml"))
      g_ptr_array_add (names, g_strdup (name));
  }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++) {
    g_autofree char *path = g_build_filename (self->outbox_dir,
                                              g_ptr_array_index (names, i), NULL);
    g_autofree char *contents = NULL;

    if (g_file_get_contents (path, &contents, NULL, NULL))
      g_strv_builder_add (mails, contents);
  }

  return g_strv_builder_end (mails);
}

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Sends SIGTERM and waits; reports an error unless hubd exited cleanly in
 * time (it is killed then). Stopping twice is harmless. */
gboolean
hub_test_server_stop (HubTestServer  *self,
                      GError        **error)
{
  g_autoptr (GMainContext) context = NULL;
  g_autoptr (GSource) timeout = NULL;
  gboolean done = FALSE, timed_out = FALSE, killed, ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->process == NULL)
    return TRUE;

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait_async (self->process, NULL, on_waited, &done);
  timeout = g_timeout_source_new (STOP_TIMEOUT_MS);
  g_source_set_callback (timeout, on_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);
  while (!done && !timed_out)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);

  killed = !done;
  if (killed) {
    g_subprocess_force_exit (self->process);
    while (!done)
      g_main_context_iteration (context, TRUE);
  }
  g_main_context_pop_thread_default (context);

  if (killed) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                 "hubd did not stop within %d s of SIGTERM",
                 STOP_TIMEOUT_MS / 1000);
    ok = FALSE;
  } else if (!g_subprocess_get_if_exited (self->process) ||
             g_subprocess_get_exit_status (self->process) != 0) {
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 "hubd did not exit cleanly on SIGTERM (%s %d)",
                 g_subprocess_get_if_exited (self->process) ? "status" : "signal",
                 g_subprocess_get_if_exited (self->process)
                   ? g_subprocess_get_exit_status (self->process)
                   : g_subprocess_get_term_sig (self->process));
    ok = FALSE;
  }

  g_clear_object (&self->process);
  return ok;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL) {
    g_autofree char *child = g_build_filename (path, name, NULL);

    if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
        !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
      remove_tree (child);
    else
      g_unlink (child);
  }

  g_rmdir (path);
}

void
hub_test_server_free (HubTestServer *self)
{
  if (self == NULL)
    return;

  hub_test_server_stop (self, NULL);
  if (self->data_dir != NULL)
    remove_tree (self->data_dir);

  g_free (self->data_dir);
  g_free (self->outbox_dir);
  g_free (self->base_url);
  g_free (self);
}
