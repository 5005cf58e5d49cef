/* test-pdf-view.c: the inline PDF viewer in a real window, under Xvfb.
 *
 * The documents are drawn here with cairo, so that what the viewer must
 * find (pages, sizes, words) is known exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "hub-app-test-util.h"
#include "hub-pdf-renderer.h"
#include "hub-pdf-view.h"

#define WAIT_MS 15000

/* US Letter, in points. */
#define PAGE_WIDTH  612.0
#define PAGE_HEIGHT 792.0

/* How often the search word appears on each page of the test document. */
static const guint hits_per_page[] = { 2, 1, 2 };
#define SEARCH_WORD "restriction"
#define N_HITS      5

typedef struct {
  int      width;
  int      height;
  gboolean dark;
} Size;

static const Size wide = { 1000, 800, FALSE };
static const Size narrow = { 360, 720, FALSE };
static const Size dark = { 820, 700, TRUE };

typedef struct {
  GtkWidget  *window;
  HubPdfView *view;
  guint       notified_page;
  guint       notified_zoom;
  guint       notified_state;
} Fixture;

/* Documents ------------------------------------------------------------------ */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_pdf (guint n_pages)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);

  for (guint page = 0; page < n_pages; page++) {
    g_autofree char *heading = g_strdup_printf ("Work Status Report, page %u", page + 1);
    guint hits = hits_per_page[page % G_N_ELEMENTS (hits_per_page)];
    double y = 120;

    cairo_set_source_rgb (cr, 0.1, 0.2, 0.45);
    cairo_rectangle (cr, 48, 40, PAGE_WIDTH - 96, 36);
    cairo_fill (cr);

    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_set_font_size (cr, 22);
    cairo_move_to (cr, 56, y);
    cairo_show_text (cr, heading);
    y += 40;

    cairo_set_font_size (cr, 13);
    for (guint line = 0; line < 14; line++) {
      const char *text = line < hits ?
        "The employee may return to work with one " SEARCH_WORD ": no lifting." :
        "Next visit at the clinic; bring this form and photo identification.";

      cairo_move_to (cr, 56, y);
      cairo_show_text (cr, text);
      y += 24;
    }

    cairo_show_page (cr);
  }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static GBytes *
random_bytes (gsize size)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (17);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, size);
}

/* Looking at pixels ---------------------------------------------------------- */

static GtkWidget *
page_picture (Fixture *fixture,
              guint    page)
{
  g_autofree char *name = g_strdup_printf ("pdf-page-%u", page + 1);

  return hub_app_test_find (GTK_WIDGET (fixture->view), name);
}

static GskRenderNode *
page_node (Fixture *fixture,
           guint    page)
{
  GtkWidget *picture = page_picture (fixture, page);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkPaintable *paintable;

  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gdk_paintable_get_intrinsic_width (paintable),
                          gdk_paintable_get_intrinsic_height (paintable));

  return gtk_snapshot_to_node (snapshot);
}

static GdkTexture *
find_texture (GskRenderNode *node)
{
  if (node == NULL)
    return NULL;

  switch (gsk_render_node_get_node_type (node)) {
    case GSK_TEXTURE_NODE:
      return gsk_texture_node_get_texture (node);
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++) {
        GdkTexture *texture = find_texture (gsk_container_node_get_child (node, i));

        if (texture != NULL)
          return texture;
      }
      return NULL;
    case GSK_TRANSFORM_NODE:
      return find_texture (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return find_texture (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return find_texture (gsk_rounded_clip_node_get_child (node));
    case GSK_DEBUG_NODE:
      return find_texture (gsk_debug_node_get_child (node));
    default:
      return NULL;
  }
}

/* The width of the texture the page shows, or 0 while it is a placeholder. */
static int
rendered_width (Fixture *fixture,
                guint    page)
{
  g_autoptr (GskRenderNode) node = page_node (fixture, page);
  GdkTexture *texture = find_texture (node);

  return texture != NULL ? gdk_texture_get_width (texture) : 0;
}

static int
expected_width (double zoom)
{
  return (int) ceil (PAGE_WIDTH * zoom * 96.0 / 72.0);
}

/* Pixels darker than mid grey: text and rules, never the page or the
 * placeholder. */
static guint
count_ink (Fixture *fixture,
           guint    page)
{
  g_autoptr (GskRenderNode) node = page_node (fixture, page);
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  graphene_rect_t bounds;
  GskRenderer *renderer;
  guint ink = 0;
  int width;
  int height;

  gsk_render_node_get_bounds (node, &bounds);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (fixture->view)));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);

  for (gsize i = 0; i < (gsize) width * height; i++) {
    const guchar *px = data + i * 4;

    if (px[0] + px[1] + px[2] < 3 * 128)
      ink++;
  }

  return ink;
}

/* Conditions ----------------------------------------------------------------- */

typedef struct {
  Fixture *fixture;
  guint    page;
  int      width;
} PageWidth;

static gboolean
is_ready (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (hub_pdf_view_get_state (fixture->view), "ready");
}

static gboolean
is_error (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (hub_pdf_view_get_state (fixture->view), "error");
}

static gboolean
page_rendered_at (gpointer data)
{
  PageWidth *pw = data;
  int width = pw->width;

  /* 0: whatever the zoom is by now, as it settles on the view's width. */
  if (width == 0)
    width = expected_width (hub_pdf_view_get_zoom (pw->fixture->view));

  return rendered_width (pw->fixture, pw->page) == width;
}

static void
wait_rendered_now (Fixture *fixture,
                   guint    page)
{
  PageWidth pw = { fixture, page, 0 };

  g_assert_true (hub_app_test_wait (page_rendered_at, &pw, WAIT_MS));
}

static void
wait_rendered (Fixture *fixture,
               guint    page,
               double   zoom)
{
  PageWidth pw = { fixture, page, expected_width (zoom) };

  g_assert_true (hub_app_test_wait (page_rendered_at, &pw, WAIT_MS));
}

typedef struct {
  Fixture *fixture;
  guint    n;
} Matches;

static gboolean
has_matches (gpointer data)
{
  Matches *m = data;

  return hub_pdf_view_get_n_matches (m->fixture->view) == m->n;
}

static gboolean
says_no_matches (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *label = hub_app_test_find (GTK_WIDGET (fixture->view), "match-label");

  return g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "No matches");
}

static gboolean
view_is_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->view == NULL;
}

static gboolean
activate (Fixture    *fixture,
          const char *action)
{
  return gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  GtkWidget *label = hub_app_test_find (GTK_WIDGET (fixture->view), name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static double
scroll_value (Fixture *fixture)
{
  GtkWidget *scrolled = hub_app_test_find (GTK_WIDGET (fixture->view), "pages-scroll");
  GtkAdjustment *adjustment;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  return gtk_adjustment_get_value (adjustment);
}

/* Fixture -------------------------------------------------------------------- */

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  if (g_str_equal (pspec->name, "page"))
    fixture->notified_page++;
  else if (g_str_equal (pspec->name, "zoom"))
    fixture->notified_zoom++;
  else if (g_str_equal (pspec->name, "state"))
    fixture->notified_state++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Size *size = data;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      size->dark ? ADW_COLOR_SCHEME_FORCE_DARK :
                                                   ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->window = gtk_window_new ();
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), size->width, size->height);

  fixture->view = HUB_PDF_VIEW (hub_pdf_view_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  g_signal_connect (fixture->view, "notify", G_CALLBACK (on_notify), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Renders may still be running: the view must go anyway, soon. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->window);
  g_assert_true (hub_app_test_wait (view_is_gone, fixture, WAIT_MS));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
load (Fixture *fixture,
      GBytes  *pdf)
{
  hub_pdf_view_load_bytes (fixture->view, pdf, "Work status report");
  g_assert_true (hub_app_test_wait (is_ready, fixture, WAIT_MS));
}

/* Tests ---------------------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (hub_pdf_view_get_state (fixture->view), ==, "empty");
  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 0);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 1.0);
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);

  /* Nothing to move to, and nothing happens. */
  hub_pdf_view_set_page (fixture->view, 3);
  hub_pdf_view_find_next (fixture->view);
  hub_pdf_view_load_bytes (fixture->view, NULL, NULL);
  g_assert_cmpstr (hub_pdf_view_get_state (fixture->view), ==, "empty");
  g_assert_cmpuint (fixture->notified_page, ==, 0);
  g_assert_cmpuint (fixture->notified_state, ==, 0);

  /* Zoom notifies on change only, and stays within its range. */
  hub_pdf_view_set_zoom (fixture->view, 2.0);
  hub_pdf_view_set_zoom (fixture->view, 2.0);
  g_assert_cmpuint (fixture->notified_zoom, ==, 1);
  hub_pdf_view_set_zoom (fixture->view, 100);
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 4.0);
  hub_pdf_view_set_zoom (fixture->view, 0.01);
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 0.25);
  g_assert_cmpuint (fixture->notified_zoom, ==, 3);
}

static void
test_renders_and_navigates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  double first_value;

  hub_pdf_view_load_bytes (fixture->view, pdf, "Work status report");
  g_assert_cmpstr (hub_pdf_view_get_state (fixture->view), ==, "loading");
  g_assert_true (hub_app_test_wait (is_ready, fixture, WAIT_MS));
  g_assert_cmpuint (fixture->notified_state, ==, 2);

  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 3);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);
  g_assert_cmpstr (label_text (fixture, "page-label"), ==, "Page 1 of 3");

  /* A wide view opens the page at 100 %, drawn, with text on it. */
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 1.0);
  wait_rendered (fixture, 0, 1.0);
  g_assert_cmpuint (count_ink (fixture, 0), >, 2000);
  first_value = scroll_value (fixture);

  hub_pdf_view_set_page (fixture->view, 1);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 1);
  g_assert_cmpuint (fixture->notified_page, ==, 1);
  g_assert_cmpstr (label_text (fixture, "page-label"), ==, "Page 2 of 3");
  hub_app_test_settle (100);
  g_assert_cmpfloat (scroll_value (fixture), >, first_value + 1000);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 1);
  wait_rendered (fixture, 1, 1.0);
  g_assert_cmpuint (count_ink (fixture, 1), >, 2000);

  /* The same moves as the keys make. */
  g_assert_true (activate (fixture, "pdf.next-page"));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
  g_assert_cmpstr (label_text (fixture, "page-label"), ==, "Page 3 of 3");
  g_assert_true (activate (fixture, "pdf.first-page"));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);
  g_assert_true (activate (fixture, "pdf.last-page"));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
  g_assert_true (activate (fixture, "pdf.previous-page"));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 1);

  /* Past the end means the last page; no notify when nothing changes. */
  hub_pdf_view_set_page (fixture->view, 99);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
  fixture->notified_page = 0;
  hub_pdf_view_set_page (fixture->view, 2);
  g_assert_cmpuint (fixture->notified_page, ==, 0);
  wait_rendered (fixture, 2, 1.0);

  /* Settled, the page stays where it was put. */
  hub_app_test_settle (200);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
}

static void
test_zoom_and_fit_width (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  GdkPaintable *paintable;
  GtkWidget *scrolled;
  double viewport;
  double fit;

  load (fixture, pdf);
  wait_rendered (fixture, 0, 1.0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (hub_app_test_find (GTK_WIDGET (fixture->view),
                                                                         "zoom-reset-button"))),
                   ==, "100 %");

  hub_pdf_view_set_zoom (fixture->view, 2.0);
  /* The page takes its new size at once, and its new pixels soon after. */
  paintable = gtk_picture_get_paintable (GTK_PICTURE (page_picture (fixture, 0)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, expected_width (2.0));
  wait_rendered (fixture, 0, 2.0);

  hub_pdf_view_zoom_out (fixture->view);
  g_assert_cmpfloat_with_epsilon (hub_pdf_view_get_zoom (fixture->view), 1.75, 1e-9);
  wait_rendered (fixture, 0, 1.75);
  g_assert_true (activate (fixture, "pdf.zoom-in"));
  g_assert_cmpfloat_with_epsilon (hub_pdf_view_get_zoom (fixture->view), 2.0, 1e-9);
  g_assert_true (activate (fixture, "pdf.zoom-reset"));
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 1.0);

  /* Zooming keeps the page being read in view. */
  hub_pdf_view_set_page (fixture->view, 1);
  hub_app_test_settle (100);
  hub_pdf_view_set_zoom (fixture->view, 1.5);
  hub_app_test_settle (300);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 1);
  g_assert_cmpfloat_with_epsilon (scroll_value (fixture),
                                  12 + ceil (PAGE_HEIGHT * 1.5 * 96 / 72), 2);
  wait_rendered (fixture, 1, 1.5);

  /* Fit width: the page fills the view, whatever the zoom was. */
  g_assert_true (activate (fixture, "pdf.fit-width"));
  scrolled = hub_app_test_find (GTK_WIDGET (fixture->view), "pages-scroll");
  viewport = gtk_widget_get_width (scrolled);
  fit = (viewport - 24) / (PAGE_WIDTH * 96 / 72);
  g_assert_cmpfloat_with_epsilon (hub_pdf_view_get_zoom (fixture->view), fit, 0.001);
  g_assert_cmpfloat (fit, >, 1.1);
  wait_rendered (fixture, 1, fit);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 1);
  hub_app_test_settle (200);
  g_assert_cmpint (gtk_widget_get_width (page_picture (fixture, 1)), ==, expected_width (fit));
}

static void
test_narrow_opens_fitted (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  g_autofree char *shot = NULL;
  int minimum = 0;

  load (fixture, pdf);
  hub_app_test_settle (100);

  /* A page wider than the view opens fitted to it, below 100 %. */
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), <, 0.6);
  wait_rendered_now (fixture, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), <=, 360);
  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  hub_app_test_settle (300);
  shot = hub_app_test_screenshot (fixture->window, "pdf-view-narrow");
  g_test_message ("Screenshot: %s", shot);

  /* The search bar fits too. */
  g_assert_true (activate (fixture, "pdf.find"));
  hub_pdf_view_search (fixture->view, SEARCH_WORD);
  g_assert_true (hub_app_test_wait (has_matches, &(Matches) { fixture, N_HITS }, WAIT_MS));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (fixture->window, "pdf-view-narrow-search"));
}

static const char *
shortcut_action (Fixture    *fixture,
                 const char *accelerator)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++) {
    g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

    if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
      continue;

    for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++) {
      g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
      g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);

      if (g_str_equal (text, accelerator) && GTK_IS_NAMED_ACTION (action))
        return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
    }
  }

  return NULL;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *accelerator;
    const char *action;
  } keys[] = {
    { "<Control>plus", "pdf.zoom-in" },
    { "<Control>equal", "pdf.zoom-in" },
    { "<Control>minus", "pdf.zoom-out" },
    { "<Control>0", "pdf.zoom-reset" },
    { "<Control>f", "pdf.find" },
    { "<Control>g", "pdf.find-next" },
    { "<Shift><Control>g", "pdf.find-previous" },
    { "<Control>p", "pdf.print" },
    { "Page_Up", "pdf.previous-page" },
    { "Page_Down", "pdf.next-page" },
    { "Home", "pdf.first-page" },
    { "End", "pdf.last-page" },
  };
  g_autoptr (GBytes) pdf = make_pdf (3);
  GtkWidget *entry;

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (shortcut_action (fixture, keys[i].accelerator), ==, keys[i].action);

  /* With nothing to show, the controls that act on a document are off. */
  g_assert_false (gtk_widget_is_sensitive (hub_app_test_find (GTK_WIDGET (fixture->view),
                                                              "print-button")));
  activate (fixture, "pdf.zoom-in");
  g_assert_cmpfloat (hub_pdf_view_get_zoom (fixture->view), ==, 1.0);

  /* Ctrl+F opens the search bar with the keys in its entry. */
  load (fixture, pdf);
  g_assert_true (activate (fixture, "pdf.find"));
  entry = hub_app_test_find (GTK_WIDGET (fixture->view), "search-entry");
  hub_app_test_settle (100);
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  Matches all = { fixture, N_HITS };
  GtkWidget *entry;
  g_autofree char *shot = NULL;
  guint expected_pages[N_HITS];
  guint k = 0;

  for (guint page = 0; page < G_N_ELEMENTS (hits_per_page); page++)
    for (guint i = 0; i < hits_per_page[page]; i++)
      expected_pages[k++] = page;

  load (fixture, pdf);
  hub_pdf_view_search (fixture->view, SEARCH_WORD);
  g_assert_true (hub_app_test_wait (has_matches, &all, WAIT_MS));
  g_assert_cmpstr (label_text (fixture, "match-label"), ==, "1 of 5");
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);

  /* Every hit in turn, then round to the first. */
  for (guint i = 1; i <= N_HITS; i++) {
    hub_pdf_view_find_next (fixture->view);
    g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, expected_pages[i % N_HITS]);
  }
  g_assert_cmpstr (label_text (fixture, "match-label"), ==, "1 of 5");
  g_assert_true (activate (fixture, "pdf.find-previous"));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
  g_assert_cmpstr (label_text (fixture, "match-label"), ==, "5 of 5");

  /* The view shows the hit, once GTK has laid the pages out. */
  hub_app_test_settle (300);
  g_assert_cmpfloat (scroll_value (fixture), >, 2 * PAGE_HEIGHT * 96 / 72);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 2);
  hub_app_test_settle (300);

  hub_app_test_settle (300);
  shot = hub_app_test_screenshot (fixture->window, "pdf-view-search");
  g_test_message ("Screenshot: %s", shot);

  /* Case does not matter; a word that is not there says so. */
  hub_pdf_view_search (fixture->view, "no such phrase");
  g_assert_true (hub_app_test_wait (says_no_matches, fixture, WAIT_MS));
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);
  hub_pdf_view_search (fixture->view, "RESTRICTION");
  g_assert_true (hub_app_test_wait (has_matches, &all, WAIT_MS));

  /* Typing in the search bar searches too; closing it clears the hits. */
  hub_pdf_view_search (fixture->view, NULL);
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);
  g_assert_true (activate (fixture, "pdf.find"));
  entry = hub_app_test_find (GTK_WIDGET (fixture->view), "search-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), SEARCH_WORD);
  g_assert_true (hub_app_test_wait (has_matches, &all, WAIT_MS));

  /* An open search runs again on the next document. */
  hub_pdf_view_load_bytes (fixture->view, pdf, "Another report");
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);
  g_assert_true (hub_app_test_wait (has_matches, &all, WAIT_MS));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, SEARCH_WORD);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hub_app_test_find (GTK_WIDGET (fixture->view),
                                                                        "find-button")),
                                FALSE);
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);
  hub_app_test_settle (300);
  g_assert_cmpuint (hub_pdf_view_get_n_matches (fixture->view), ==, 0);
}

static void
assert_error_for (Fixture *fixture,
                  GBytes  *pdf)
{
  GtkWidget *page;
  const char *description;

  hub_pdf_view_load_bytes (fixture->view, pdf, "Broken");
  g_assert_true (hub_app_test_wait (is_error, fixture, WAIT_MS));
  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 0);

  page = hub_app_test_find (GTK_WIDGET (fixture->view), "error-page");
  g_assert_nonnull (page);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_true (g_str_has_prefix (description, "This document cannot be shown: "));
  g_assert_cmpuint (strlen (description), >, strlen ("This document cannot be shown: ") + 5);
}

static void
test_broken_documents (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  g_autoptr (GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
  g_autoptr (GBytes) noise = random_bytes (20000);
  g_autoptr (GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr (GBytes) header_only = g_bytes_new_static ("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", 15);

  assert_error_for (fixture, truncated);
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (fixture->window, "pdf-view-error"));
  assert_error_for (fixture, noise);
  assert_error_for (fixture, nothing);
  assert_error_for (fixture, header_only);

  /* The view recovers with the next good document. */
  load (fixture, pdf);
  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 3);
  wait_rendered (fixture, 0, 1.0);

  hub_pdf_view_clear (fixture->view);
  g_assert_cmpstr (hub_pdf_view_get_state (fixture->view), ==, "empty");
  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 0);
}

static void
test_replace_while_rendering (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GBytes) big = make_pdf (40);
  g_autoptr (GBytes) small = make_pdf (3);
  g_autoptr (GBytes) noise = random_bytes (4096);

  /* Heavy pages, in flight, replaced over and over at every stage. */
  for (guint round = 0; round < 6; round++) {
    hub_pdf_view_load_bytes (fixture->view, big, "Big");
    if (round % 2 == 0) {
      g_assert_true (hub_app_test_wait (is_ready, fixture, WAIT_MS));
      hub_pdf_view_set_zoom (fixture->view, 3.0);
      hub_pdf_view_search (fixture->view, SEARCH_WORD);
      hub_pdf_view_set_page (fixture->view, 20 + round);
    }
    hub_app_test_settle (round * 7);
    hub_pdf_view_load_bytes (fixture->view, noise, "Noise");
    hub_pdf_view_load_bytes (fixture->view, small, "Small");
    hub_app_test_settle (round * 3);
    if (round == 3)
      hub_pdf_view_clear (fixture->view);
  }

  load (fixture, small);
  g_assert_cmpuint (hub_pdf_view_get_n_pages (fixture->view), ==, 3);
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);
  wait_rendered_now (fixture, 0);
  g_assert_cmpuint (count_ink (fixture, 0), >, 1000);
}

static void
test_long_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GBytes) pdf = make_pdf (40);

  load (fixture, pdf);
  wait_rendered (fixture, 0, 1.0);

  /* Far pages stay placeholders until they come into view. */
  hub_app_test_settle (300);
  g_assert_cmpint (rendered_width (fixture, 30), ==, 0);
  g_assert_cmpuint (count_ink (fixture, 30), ==, 0);

  hub_pdf_view_set_page (fixture->view, 30);
  wait_rendered (fixture, 30, 1.0);
  g_assert_cmpuint (count_ink (fixture, 30), >, 2000);
  g_assert_cmpstr (label_text (fixture, "page-label"), ==, "Page 31 of 40");

  hub_pdf_view_search (fixture->view, SEARCH_WORD);
  g_assert_true (hub_app_test_wait (has_matches, &(Matches) { fixture, 67 }, WAIT_MS));
  g_assert_cmpuint (hub_pdf_view_get_page (fixture->view), ==, 0);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  const Size *size = data;
  g_autoptr (GBytes) pdf = make_pdf (3);
  g_autofree char *name = g_strdup_printf ("pdf-view-%s", size->dark ? "dark" : "wide");
  g_autofree char *shot = NULL;

  load (fixture, pdf);
  wait_rendered_now (fixture, 0);
  hub_pdf_view_search (fixture->view, SEARCH_WORD);
  g_assert_true (hub_app_test_wait (has_matches, &(Matches) { fixture, N_HITS }, WAIT_MS));
  hub_app_test_settle (400);

  shot = hub_app_test_screenshot (fixture->window, name);
  g_test_message ("Screenshot: %s", shot);
}

static void
test_print_to_file (void)
{
  g_autoptr (GBytes) pdf = make_pdf (3);
  g_autoptr (HubPdfRenderer) renderer = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  PopplerDocument *printed;
  PopplerPage *page;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubdesk-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;

  renderer = hub_pdf_renderer_new (pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hub_pdf_renderer_get_n_pages (renderer), ==, 3);

  /* What the print dialog would send, written to a file instead. */
  operation = hub_pdf_renderer_new_print_operation (renderer, "Work status report");
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (path, NULL, NULL);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, 3);
  page = poppler_document_get_page (printed, 1);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Work Status Report, page 2"));
  g_object_unref (page);
  g_object_unref (printed);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_renderer_errors (void)
{
  g_autoptr (GBytes) noise = random_bytes (1000);
  g_autoptr (GBytes) pdf = make_pdf (1);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (HubPdfRenderer) renderer = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  renderer = hub_pdf_renderer_new (noise, NULL, &error);
  g_assert_error (error, HUB_PDF_ERROR, HUB_PDF_ERROR_DAMAGED);
  g_assert_null (renderer);
  g_clear_error (&error);

  renderer = hub_pdf_renderer_new (pdf, NULL, &error);
  g_assert_no_error (error);

  /* A cancelled render says so in the project's domain. */
  g_cancellable_cancel (cancellable);
  texture = hub_pdf_renderer_render_page (renderer, 0, 1.0, cancellable, &error);
  g_assert_error (error, HUB_PDF_ERROR, HUB_PDF_ERROR_CANCELLED);
  g_assert_null (texture);
  g_clear_error (&error);

  /* An absurd zoom is drawn within the pixel budget, not refused. */
  texture = hub_pdf_renderer_render_page (renderer, 0, 100.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture),
                   <=, (gint64) 4096 * 4096 + 8192);
}

static void
test_hostile_documents (void)
{
  g_autoptr (GBytes) pdf = make_pdf (2);
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);
  GByteArray *array = g_byte_array_new ();
  g_autoptr (GBytes) giant = NULL;
  g_autoptr (HubPdfRenderer) renderer = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize size = g_bytes_get_size (pdf);

  /* Damaged bytes anywhere either fail to open or draw: never a crash. */
  for (guint round = 0; round < 40; round++) {
    g_autoptr (GByteArray) copy = g_byte_array_sized_new ((guint) size);
    g_autoptr (GBytes) mutated = NULL;
    g_autoptr (HubPdfRenderer) damaged = NULL;
    g_autoptr (GError) local_error = NULL;

    g_byte_array_append (copy, g_bytes_get_data (pdf, NULL), (guint) size);
    for (guint flip = 0; flip < 1 + round % 8; flip++) {
      gint32 at = g_rand_int_range (rand, 0, (gint32) size);

      copy->data[at] = (guint8) g_rand_int_range (rand, 0, 256);
    }
    mutated = g_byte_array_free_to_bytes (g_steal_pointer (&copy));

    damaged = hub_pdf_renderer_new (mutated, NULL, &local_error);
    if (damaged == NULL) {
      g_assert_true (local_error->domain == HUB_PDF_ERROR);
      continue;
    }
    for (guint page = 0; page < hub_pdf_renderer_get_n_pages (damaged); page++) {
      g_autoptr (GdkTexture) drawn = hub_pdf_renderer_render_page (damaged, page, 1.0,
                                                                   NULL, &local_error);

      g_assert_no_error (local_error);
      g_assert_nonnull (drawn);
    }
  }

  /* A page as large as PDF allows is drawn within the pixel budget. */
  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, 14000, 14000);
  cr = cairo_create (surface);
  cairo_rectangle (cr, 100, 100, 13800, 13800);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  giant = g_byte_array_free_to_bytes (array);

  renderer = hub_pdf_renderer_new (giant, NULL, &error);
  g_assert_no_error (error);
  texture = hub_pdf_renderer_render_page (renderer, 0, 96.0 / 72.0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) gdk_texture_get_width (texture) * gdk_texture_get_height (texture),
                   <=, (gint64) 4096 * 4096 + 8192);
}

int
main (int   argc,
      char *argv[])
{
  hub_app_test_init (&argc, &argv);

#define ADD(path, size, func) \
  g_test_add ("/app/pdf-view/" path, Fixture, size, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", &wide, test_empty);
  ADD ("renders-and-navigates", &wide, test_renders_and_navigates);
  ADD ("zoom-and-fit-width", &wide, test_zoom_and_fit_width);
  ADD ("narrow-opens-fitted", &narrow, test_narrow_opens_fitted);
  ADD ("keyboard", &wide, test_keyboard);
  ADD ("search", &wide, test_search);
  ADD ("broken-documents", &wide, test_broken_documents);
  ADD ("replace-while-rendering", &wide, test_replace_while_rendering);
  ADD ("long-document", &wide, test_long_document);
  ADD ("screenshot-wide", &wide, test_screenshots);
  ADD ("screenshot-dark", &dark, test_screenshots);
  g_test_add_func ("/app/pdf-view/print-to-file", test_print_to_file);
  g_test_add_func ("/app/pdf-view/renderer-errors", test_renderer_errors);
  g_test_add_func ("/app/pdf-view/hostile-documents", test_hostile_documents);

#undef ADD

  return g_test_run ();
}
