/* bench-pdf-render.c: page 1 at 100 %, drawn in process by the viewer's
 * renderer, next to pdftoppm drawing the same page of the same file.
 *
 * Both sides open the document each time, as opening a result does, so
 * the comparison is like for like except for pdftoppm's process start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>

#include "hub-pdf-renderer.h"

#define RUNS 15
#define PAGE_WIDTH  612.0
#define PAGE_HEIGHT 792.0

typedef enum {
  LAYOUT_LETTER,
  LAYOUT_TABLE,
  LAYOUT_FIGURES,
  N_LAYOUTS
} Layout;

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_letterhead (cairo_t    *cr,
                 const char *title)
{
  cairo_set_source_rgb (cr, 0.1, 0.25, 0.5);
  cairo_rectangle (cr, 40, 36, PAGE_WIDTH - 80, 44);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 52, 64);
  cairo_show_text (cr, "Lakeside Occupational Health Clinic");
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 48, 120);
  cairo_show_text (cr, title);
}

static void
draw_page (cairo_t *cr,
           Layout   layout)
{
  switch (layout) {
    case LAYOUT_LETTER:
      draw_letterhead (cr, "First Notice of Injury");
      cairo_set_font_size (cr, 11);
      for (int line = 0; line < 44; line++) {
        cairo_move_to (cr, 48, 150 + line * 14);
        cairo_show_text (cr, "The employee reported an injury at work and was seen today; "
                             "see the attached work status.");
      }
      break;
    case LAYOUT_TABLE:
      draw_letterhead (cr, "Test and Lab Results");
      cairo_set_line_width (cr, 0.6);
      cairo_set_font_size (cr, 9);
      for (int row = 0; row < 40; row++) {
        for (int col = 0; col < 5; col++) {
          g_autofree char *cell = g_strdup_printf ("Value %d.%d", row, col);

          cairo_rectangle (cr, 48 + col * 103, 140 + row * 15, 103, 15);
          cairo_stroke (cr);
          cairo_move_to (cr, 52 + col * 103, 151 + row * 15);
          cairo_show_text (cr, cell);
        }
      }
      break;
    case LAYOUT_FIGURES:
      draw_letterhead (cr, "Audiogram");
      cairo_set_line_width (cr, 1.2);
      for (int curve = 0; curve < 12; curve++) {
        cairo_set_source_rgb (cr, curve / 12.0, 0.2, 1 - curve / 12.0);
        cairo_move_to (cr, 60, 300 + curve * 8);
        for (int x = 0; x <= 480; x += 4)
          cairo_line_to (cr, 60 + x, 300 + curve * 8 + 60 * sin ((x + curve * 17) / 40.0));
        cairo_stroke (cr);
      }
      cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 560, 0, 740);
      cairo_pattern_add_color_stop_rgb (gradient, 0, 0.9, 0.95, 1);
      cairo_pattern_add_color_stop_rgb (gradient, 1, 0.6, 0.7, 0.9);
      cairo_set_source (cr, gradient);
      cairo_rectangle (cr, 48, 560, PAGE_WIDTH - 96, 180);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
      break;
    case N_LAYOUTS:
    default:
      g_assert_not_reached ();
  }
}

static GBytes *
make_pdf (Layout layout)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int page = 0; page < 3; page++) {
    draw_page (cr, layout);
    cairo_show_page (cr);
  }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

static double
time_renderer (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (HubPdfRenderer) renderer = hub_pdf_renderer_new (pdf, NULL, &error);
  g_autoptr (GdkTexture) texture = NULL;

  g_assert_no_error (error);
  texture = hub_pdf_renderer_render_page (renderer, 0, 96.0 / 72.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 816);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_pdftoppm (const char *pdftoppm,
               const char *path,
               const char *out_prefix)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { pdftoppm, "-r", "96", "-f", "1", "-l", "1", path, out_prefix, NULL };
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *dir = g_dir_make_tmp ("hubdesk-bench-pdf-XXXXXX", NULL);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  double ours_ms;
  double theirs_ms;

  g_assert_nonnull (dir);

  for (Layout layout = 0; layout < N_LAYOUTS; layout++) {
    g_autoptr (GBytes) pdf = make_pdf (layout);
    g_autofree char *name = g_strdup_printf ("layout-%d.pdf", layout);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_autofree char *prefix = g_build_filename (dir, "page", NULL);
    g_autoptr (GArray) layout_ours = g_array_new (FALSE, FALSE, sizeof (double));

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                        (gssize) g_bytes_get_size (pdf), NULL));

    /* One warm-up each, so that fonts and caches are not what is timed. */
    time_renderer (pdf);
    if (pdftoppm != NULL)
      time_pdftoppm (pdftoppm, path, prefix);

    for (int run = 0; run < RUNS; run++) {
      double ms = time_renderer (pdf);

      g_array_append_val (ours, ms);
      g_array_append_val (layout_ours, ms);
      if (pdftoppm != NULL) {
        ms = time_pdftoppm (pdftoppm, path, prefix);
        g_array_append_val (theirs, ms);
      }
    }
    g_print ("# layout %d: renderer median %.2f ms\n", layout, median (layout_ours));
  }

  ours_ms = median (ours);
  g_print ("BENCH pdf_render_page1 %.2f ms target -\n", ours_ms);
  if (pdftoppm == NULL) {
    g_print ("# pdftoppm is not installed: no comparison\n");
  } else {
    theirs_ms = median (theirs);
    g_print ("BENCH pdftoppm_page1 %.2f ms target -\n", theirs_ms);
    g_print ("BENCH pdf_render_ratio %.3f ratio target 1.2\n", ours_ms / theirs_ms);
  }

  /* Leave nothing behind in the temporary folder. */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *entry;

    while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL) {
      g_autofree char *file = g_build_filename (dir, entry, NULL);

      g_unlink (file);
    }
    g_rmdir (dir);
  }

  return 0;
}
