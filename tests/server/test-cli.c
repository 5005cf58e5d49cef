/* test-cli.c: the hubd command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

/* Runs hubd to its end; returns what it wrote to stdout, or to stderr. */
static char *
run_hubd (const char * const *args,
          gboolean            want_stderr,
          int                *exit_status)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *output = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HUBD_PATH"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                want_stderr ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, want_stderr ? NULL : &output,
                want_stderr ? &output : NULL, &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return output;
}

static void
remove_data_dir (const char *dir)
{
  const char *names[] = { "hubd.db", "hubd.db-wal", "hubd.db-shm", NULL };
  g_autofree char *outbox = g_build_filename (dir, "outbox", NULL);

  for (guint i = 0; names[i] != NULL; i++) {
    g_autofree char *path = g_build_filename (dir, names[i], NULL);
    g_remove (path);
  }
  g_rmdir (outbox);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --help names and explains every option. */
static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  const char *options[] = {
    "--port=N", "--data-dir=DIR", "--demo=SIZE", "--seed=S", "--listen=ADDR",
    "--tls-cert=FILE", "--tls-key=FILE", "--ready-fd=FD", "--session-lifetime=SECS",
    "--session-idle-timeout=SECS", "--reset-token-lifetime=SECS", "--outbox=DIR",
    "--public-url=URL", "--feed-key=KEY",
  };
  int status;
  g_autofree char *help = run_hubd (args, FALSE, &status);

  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++) {
    const char *line = strstr (help, options[i]);

    g_test_message ("%s", options[i]);
    g_assert_nonnull (line);
    /* Followed by an explanation on the same line. */
    line += strlen (options[i]);
    g_assert_cmpuint (strcspn (line, "\n"), >, 10);
  }
}

static void
test_refuses_bad_options (void)
{
  const struct {
    const char *args[4];
    int status;
    const char *says;
  } cases[] = {
    { { "--port=0", NULL }, 2, "--data-dir" },
    { { "--data-dir=/nonexistent/x", "--port=70000", NULL }, 2, "65535" },
    { { "--data-dir=/nonexistent/x", "--tls-cert=/x.pem", NULL }, 2, "--tls-key" },
    { { "--data-dir=/nonexistent/x", "--session-lifetime=0", NULL }, 2, "at least 1" },
    { { "--data-dir=/nonexistent/x", "--feed-key=short", NULL }, 2, "at least 16" },
    { { "--no-such-option", NULL }, 2, "no-such-option" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    int status;
    g_autofree char *errors = run_hubd (cases[i].args, TRUE, &status);

    g_test_message ("%s: %s", cases[i].args[0], errors);
    g_assert_cmpint (status, ==, cases[i].status);
    g_assert_nonnull (strstr (errors, cases[i].says));
  }
}

static void
test_refuses_bad_values (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubd-cli-XXXXXX", &error);
  g_autofree char *data_arg = g_strdup_printf ("--data-dir=%s", dir);
  const struct {
    const char *args[5];
    const char *says;
  } cases[] = {
    { { data_arg, "--demo=huge", NULL }, "small, medium or large" },
    { { data_arg, "--port=0", "--listen=nowhere", NULL }, "not an IP address" },
    { { data_arg, "--port=0", "--tls-cert=/nonexistent.pem", "--tls-key=/nonexistent.key",
        NULL }, "nonexistent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    int status;
    g_autofree char *errors = run_hubd (cases[i].args, TRUE, &status);

    g_test_message ("%s", errors);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (errors, cases[i].says));
  }

  /* Nothing else was left behind. */
  remove_data_dir (dir);
}

/* --demo prints the accounts to stdout, and --ready-fd follows. */
static void
test_demo_prints_accounts (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubd-cli-XXXXXX", &error);
  g_autofree char *data_arg = g_strdup_printf ("--data-dir=%s", dir);
  g_autoptr (GSubprocess) hubd = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GString) printed = g_string_new (NULL);
  char *line;

  hubd = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                           &error, g_getenv ("HUBD_PATH"), data_arg, "--port=0",
                           "--demo", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hubd));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL) {
    g_string_append_printf (printed, "%s\n", line);
    g_free (line);
    if (strstr (printed->str, "invited@northwind.example") != NULL)
      break;
  }
  g_assert_no_error (error);

  g_subprocess_send_signal (hubd, SIGTERM);
  g_subprocess_wait (hubd, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (hubd));

  g_assert_nonnull (strstr (printed->str, "HubDemo!2026"));
  for (const char *const *email = (const char *const[]) {
         "admin@northwind.example", "basic@northwind.example",
         "activity@northwind.example", "billing@northwind.example",
         "admin@harbor.example", "invited@northwind.example", NULL };
       *email != NULL; email++)
    g_assert_nonnull (strstr (printed->str, *email));

  remove_data_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/refuses-bad-options", test_refuses_bad_options);
  g_test_add_func ("/cli/refuses-bad-values", test_refuses_bad_values);
  g_test_add_func ("/cli/demo-prints-accounts", test_demo_prints_accounts);

  return g_test_run ();
}
