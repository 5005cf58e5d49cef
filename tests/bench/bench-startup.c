/* bench-startup.c: process start to the sign-in window's first frame,
 * beside a bare AdwApplicationWindow started the same way in the same run,
 * so that the ratio means something on a noisy machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#define RUNS 11

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  g_print ("FIRST_FRAME\n");
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), user_data);
}

static void
on_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  g_signal_connect (window, "map", G_CALLBACK (on_map), application);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (int   argc,
          char *argv[])
{
  g_autoptr (AdwApplication) app = adw_application_new ("io.github.hubdesk.BareBench",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* Milliseconds from spawning @argv to its FIRST_FRAME line. */
static double
time_first_frame (const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed = -1;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL) {
    if (g_str_equal (line, "FIRST_FRAME")) {
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      break;
    }
    g_clear_pointer (&line, g_free);
  }
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (elapsed, >, 0);

  return elapsed;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *hubdesk = g_getenv ("HUBDESK_PATH");
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *app_argv[] = { hubdesk, "--bench-first-frame", NULL };
  const char *bare_argv[] = { self_path, "--bare", NULL };
  double app_ms[RUNS], bare_ms[RUNS];
  double app_median, bare_median;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare (argc, argv);

  g_assert_nonnull (hubdesk);

  /* Alternate, so that both see the same machine; the first of each warms
   * the caches and is dropped. */
  time_first_frame (app_argv);
  time_first_frame (bare_argv);
  for (guint i = 0; i < RUNS; i++) {
    app_ms[i] = time_first_frame (app_argv);
    bare_ms[i] = time_first_frame (bare_argv);
  }

  app_median = median (app_ms, RUNS);
  bare_median = median (bare_ms, RUNS);

  g_print ("BENCH startup_sign_in_first_frame %.1f ms target -\n", app_median);
  g_print ("BENCH startup_bare_window_first_frame %.1f ms target -\n", bare_median);
  g_print ("BENCH startup_ratio %.2f ratio target 1.2\n", app_median / bare_median);

  return 0;
}
