/* hub-pdf-view.c: an inline PDF viewer
 *
 * Pages are GtkPictures in a vertical box, each showing a light placeholder
 * until its texture arrives from a worker thread. Only the pages in view and
 * their neighbours are drawn, a few at a time, and textures of pages far
 * from view are dropped once their total passes a budget. The layout is
 * computed here rather than read back from the widgets, so that scrolling
 * to a page works before GTK has allocated the new sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <math.h>

#include "hub-pdf-renderer.h"
#include "hub-pdf-view.h"

/* Must match the spacing and margins of pages_box in the template. */
#define PAGE_SPACING 12

#define POINTS_TO_PIXELS (96.0 / 72.0)
#define MIN_ZOOM         0.25
#define MAX_ZOOM         4.0
#define ZOOM_EPSILON     0.001
#define SCROLL_STEP      48.0

/* Two pages drawn at once keep both cores busy without queueing work that
 * a scroll would make useless. */
#define MAX_RENDERS_IN_FLIGHT 2
#define PREFETCH_PAGES        1
#define CACHE_BUDGET_BYTES    ((gsize) 160 * 1024 * 1024)

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

typedef enum {
  SIZING_FREE,
  SIZING_FIT_WIDTH,
  /* Fit width, but never above 100 %: how a document first opens. */
  SIZING_AUTOMATIC,
} Sizing;

typedef struct {
  GtkWidget  *picture;
  GdkTexture *texture;
  double      texture_scale;
  gboolean    rendering;
  double      width_points;
  double      height_points;
  int         y;
  int         width;
  int         height;
} Page;

struct _HubPdfView
{
  AdwBin             parent_instance;

  HubPdfRenderer    *renderer;
  char              *title;
  const char        *state;
  GCancellable      *load_cancellable;
  GCancellable      *render_cancellable;
  GCancellable      *search_cancellable;

  Page              *pages;
  guint              n_pages;
  guint              page;
  double             zoom;
  Sizing             sizing;
  guint              renders_in_flight;
  gsize              cache_bytes;
  guint              update_id;

  /* Where the view should stay when sizes change: a page, and how far
   * down it the top of the view is, as a fraction of the page. */
  gboolean           anchor_set;
  guint              anchor_page;
  double             anchor_fraction;
  gboolean           scrolling;

  char              *search_text;
  GArray            *matches;
  guint              current_match;

  /* template children */
  GtkLabel          *page_label;
  GtkButton         *zoom_button;
  GtkMenuButton     *zoom_menu_button;
  GtkToggleButton   *search_button;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkScrolledWindow *scrolled;
  GtkViewport       *viewport;
  GtkBox            *pages_box;
};

G_DEFINE_FINAL_TYPE (HubPdfView, hub_pdf_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_STATE,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What an asynchronous call needs to find its way back, and to know that
 * nobody cancelled it in the meantime. */
typedef struct {
  HubPdfView   *self;
  GCancellable *cancellable;
  guint         page;
  double        scale;
} Call;

static Call *
call_new (HubPdfView   *self,
          GCancellable *cancellable)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (cancellable);

  return call;
}

static void
call_free (Call *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->cancellable);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void queue_update (HubPdfView *self);

static GtkAdjustment *
vadjustment (HubPdfView *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scrolled);
}

static GtkAdjustment *
hadjustment (HubPdfView *self)
{
  return gtk_scrolled_window_get_hadjustment (self->scrolled);
}

static gboolean
is_ready (HubPdfView *self)
{
  /* The renderer goes first in dispose, the state never changes there. */
  return self->renderer != NULL && g_str_equal (self->state, "ready");
}

static double
pixels_per_point (HubPdfView *self)
{
  return self->zoom * POINTS_TO_PIXELS;
}

static double
wanted_texture_scale (HubPdfView *self)
{
  return pixels_per_point (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void
cancel_and_clear (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static void
update_actions (HubPdfView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean ready = is_ready (self);
  gboolean has_matches = self->matches != NULL && self->matches->len > 0;

  gtk_widget_action_set_enabled (widget, "pdf.zoom-in",
                                 ready && self->zoom < MAX_ZOOM - ZOOM_EPSILON);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-out",
                                 ready && self->zoom > MIN_ZOOM + ZOOM_EPSILON);
  gtk_widget_action_set_enabled (widget, "pdf.zoom-reset", ready);
  gtk_widget_action_set_enabled (widget, "pdf.fit-width", ready);
  gtk_widget_action_set_enabled (widget, "pdf.find", ready);
  gtk_widget_action_set_enabled (widget, "pdf.print", ready);
  gtk_widget_action_set_enabled (widget, "pdf.previous-page", ready && self->page > 0);
  gtk_widget_action_set_enabled (widget, "pdf.first-page", ready && self->page > 0);
  gtk_widget_action_set_enabled (widget, "pdf.next-page", ready && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "pdf.last-page", ready && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "pdf.find-next", has_matches);
  gtk_widget_action_set_enabled (widget, "pdf.find-previous", has_matches);
}

static void
update_page_label (HubPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->n_pages == 0) {
    gtk_label_set_text (self->page_label, "");
    return;
  }

  /* Translators: the page in view, and how many pages the document has. */
  text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, text);
}

static void
update_zoom_label (HubPdfView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  int percent = (int) round (self->zoom * 100);

  /* Translators: the zoom level, such as "100 %". */
  text = g_strdup_printf (_("%d %%"), percent);
  gtk_button_set_label (self->zoom_button, text);
  gtk_menu_button_set_label (self->zoom_menu_button, text);

  /* Translators: a button that shows the zoom level and sets it to 100 %. */
  spoken = g_strdup_printf (_("Zoom %d %%, reset to 100 %%"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_clear_pointer (&spoken, g_free);

  /* Translators: the button that opens the zoom controls. */
  spoken = g_strdup_printf (_("Zoom %d %%"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
update_match_label (HubPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->search_text == NULL || self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the match in view, and how many there are. */
    text = g_strdup_printf (_("%u of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_text (self->match_label, text);
}

static void
set_state (HubPdfView *self,
           const char *state)
{
  gboolean ready = g_str_equal (state, "ready");

  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->stack, state);
  /* Not a bound template child: AdwBin owns and unparents its child. */
  adw_toolbar_view_set_reveal_top_bars (ADW_TOOLBAR_VIEW (adw_bin_get_child (ADW_BIN (self))),
                                        ready);
  /* A search stays open while the next document loads, to run on it. */
  if (!ready && !g_str_equal (state, "loading"))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (g_strcmp0 (self->state, state) != 0) {
    self->state = g_intern_string (state);
    update_actions (self);
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  }
}

static void
set_current_page (HubPdfView *self,
                  guint       page)
{
  if (self->page == page)
    return;

  self->page = page;
  update_page_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Page drawing --------------------------------------------------------------- */

static void
append_match (GtkSnapshot       *snapshot,
              const HubPdfMatch *match,
              double             scale,
              gboolean           current)
{
  static const GdkRGBA hit = { 1.0, 0.84, 0.0, 0.38 };
  static const GdkRGBA current_hit = { 1.0, 0.47, 0.0, 0.5 };
  static const GdkRGBA current_edge = { 0.8, 0.3, 0.0, 1.0 };
  graphene_rect_t rect;
  GskRoundedRect outline;

  /* A little air around the glyphs, as a marker pen leaves. */
  graphene_rect_init (&rect,
                      (float) (match->rect.origin.x * scale - 1),
                      (float) (match->rect.origin.y * scale - 1),
                      (float) (match->rect.size.width * scale + 2),
                      (float) (match->rect.size.height * scale + 2));
  gtk_snapshot_append_color (snapshot, current ? &current_hit : &hit, &rect);

  if (current) {
    gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
    gtk_snapshot_append_border (snapshot, &outline,
                                (const float[4]) { 2, 2, 2, 2 },
                                (const GdkRGBA[4]) { current_edge, current_edge,
                                                     current_edge, current_edge });
  }
}

static void
update_page_paintable (HubPdfView *self,
                       guint       index)
{
  static const GdkRGBA placeholder = { 0.965, 0.961, 0.957, 1.0 };
  static const GdkRGBA edge = { 0.0, 0.0, 0.0, 0.18 };
  Page *page = &self->pages[index];
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GdkPaintable) paintable = NULL;
  graphene_rect_t bounds;
  GskRoundedRect outline;

  graphene_rect_init (&bounds, 0, 0, page->width, page->height);

  /* A texture drawn for another zoom stands in, scaled, until the right
   * one arrives: better than a blank page while zooming. */
  if (page->texture != NULL)
    gtk_snapshot_append_texture (snapshot, page->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &placeholder, &bounds);

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++) {
    const HubPdfMatch *match = &g_array_index (self->matches, HubPdfMatch, i);

    if (match->page == index)
      append_match (snapshot, match, pixels_per_point (self), i == self->current_match);
  }

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_border (snapshot, &outline,
                              (const float[4]) { 1, 1, 1, 1 },
                              (const GdkRGBA[4]) { edge, edge, edge, edge });

  paintable = gtk_snapshot_to_paintable (snapshot, &bounds.size);
  gtk_picture_set_paintable (GTK_PICTURE (page->picture), paintable);
}

static void
drop_texture (HubPdfView *self,
              guint       index)
{
  Page *page = &self->pages[index];

  if (page->texture == NULL)
    return;

  self->cache_bytes -= (gsize) gdk_texture_get_width (page->texture) *
                       (gsize) gdk_texture_get_height (page->texture) * 4;
  g_clear_object (&page->texture);
  page->texture_scale = 0;
  update_page_paintable (self, index);
}

static gboolean
visible_range (HubPdfView *self,
               guint      *first,
               guint      *last)
{
  double top = gtk_adjustment_get_value (vadjustment (self));
  double bottom = top + gtk_adjustment_get_page_size (vadjustment (self));
  gboolean found = FALSE;

  if (bottom <= top)
    return FALSE;

  for (guint i = 0; i < self->n_pages; i++) {
    const Page *page = &self->pages[i];

    if (page->y + page->height < top || page->y > bottom)
      continue;
    if (!found)
      *first = i;
    *last = i;
    found = TRUE;
  }

  return found;
}

static void
evict_far_pages (HubPdfView *self)
{
  guint first = self->page;
  guint last = self->page;

  visible_range (self, &first, &last);

  /* The farthest page from view goes first; pages in view always stay. */
  while (self->cache_bytes > CACHE_BUDGET_BYTES) {
    guint farthest = G_MAXUINT;
    guint distance = 0;

    for (guint i = 0; i < self->n_pages; i++) {
      guint d = i < first ? first - i : i > last ? i - last : 0;

      if (self->pages[i].texture != NULL && d > distance) {
        farthest = i;
        distance = d;
      }
    }

    if (farthest == G_MAXUINT)
      break;
    drop_texture (self, farthest);
  }
}

static void
on_page_rendered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (Call) call = user_data;
  HubPdfView *self = call->self;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  Page *page;

  texture = hub_pdf_renderer_render_page_finish (HUB_PDF_RENDERER (source), result, &error);

  /* Whoever cancelled has reset the pages already. */
  if (g_cancellable_is_cancelled (call->cancellable))
    return;

  g_assert (HUB_PDF_RENDERER (source) == self->renderer);
  g_assert (self->renders_in_flight > 0);
  self->renders_in_flight--;
  page = &self->pages[call->page];
  page->rendering = FALSE;

  if (texture == NULL) {
    /* Only memory runs out here; the page keeps its placeholder and is
     * not asked for again at this zoom. */
    g_debug ("A page could not be drawn: %s", error->message);
    page->texture_scale = call->scale;
    queue_update (self);
    return;
  }

  if (page->texture != NULL)
    drop_texture (self, call->page);
  self->cache_bytes += (gsize) gdk_texture_get_width (texture) *
                       (gsize) gdk_texture_get_height (texture) * 4;
  page->texture = g_steal_pointer (&texture);
  page->texture_scale = call->scale;
  update_page_paintable (self, call->page);

  evict_far_pages (self);
  queue_update (self);
}

static void
request_render (HubPdfView *self,
                guint       index)
{
  Page *page = &self->pages[index];
  double scale = wanted_texture_scale (self);
  Call *call;

  if (page->rendering || G_APPROX_VALUE (page->texture_scale, scale, 1e-6))
    return;

  if (self->render_cancellable == NULL)
    self->render_cancellable = g_cancellable_new ();

  call = call_new (self, self->render_cancellable);
  call->page = index;
  call->scale = scale;
  page->rendering = TRUE;
  self->renders_in_flight++;
  hub_pdf_renderer_render_page_async (self->renderer, index, scale, self->render_cancellable,
                                      on_page_rendered, call);
}

static gboolean
update_visible_pages (gpointer user_data)
{
  HubPdfView *self = user_data;
  guint first;
  guint last;
  guint from;
  guint to;

  self->update_id = 0;

  if (!is_ready (self) || !visible_range (self, &first, &last))
    return G_SOURCE_REMOVE;

  /* The pages in view first, top to bottom, then one either side. */
  from = first >= PREFETCH_PAGES ? first - PREFETCH_PAGES : 0;
  to = MIN (last + PREFETCH_PAGES, self->n_pages - 1);
  for (guint i = first; i <= last && self->renders_in_flight < MAX_RENDERS_IN_FLIGHT; i++)
    request_render (self, i);
  for (guint i = last + 1; i <= to && self->renders_in_flight < MAX_RENDERS_IN_FLIGHT; i++)
    request_render (self, i);
  for (guint i = from; i < first && self->renders_in_flight < MAX_RENDERS_IN_FLIGHT; i++)
    request_render (self, i);

  return G_SOURCE_REMOVE;
}

static void
queue_update (HubPdfView *self)
{
  /* Without a document there is nothing to draw, and after dispose no
   * widget to ask what is in view. */
  if (self->renderer == NULL)
    return;

  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_visible_pages, self, NULL);
}

static void
cancel_renders (HubPdfView *self)
{
  cancel_and_clear (&self->render_cancellable);
  self->renders_in_flight = 0;
  for (guint i = 0; i < self->n_pages; i++)
    self->pages[i].rendering = FALSE;
}

/* Layout and scrolling ------------------------------------------------------- */

static void
layout_pages (HubPdfView *self)
{
  double scale = pixels_per_point (self);
  int y = PAGE_SPACING;

  for (guint i = 0; i < self->n_pages; i++) {
    Page *page = &self->pages[i];

    page->width = MAX (1, (int) ceil (page->width_points * scale));
    page->height = MAX (1, (int) ceil (page->height_points * scale));
    page->y = y;
    y += page->height + PAGE_SPACING;
    update_page_paintable (self, i);
  }
}

static void
scroll_to (HubPdfView *self,
           double      value)
{
  self->scrolling = TRUE;
  gtk_adjustment_set_value (vadjustment (self), value);
  self->scrolling = FALSE;
}

static double anchor_value (HubPdfView *self);

static void
apply_anchor (HubPdfView *self)
{
  if (!self->anchor_set || self->anchor_page >= self->n_pages)
    return;

  scroll_to (self, anchor_value (self));
}

static void
set_anchor (HubPdfView *self,
            guint       page,
            double      fraction)
{
  self->anchor_set = TRUE;
  self->anchor_page = page;
  self->anchor_fraction = CLAMP (fraction, 0.0, 1.0);
}

static void
anchor_at_current_page (HubPdfView *self)
{
  const Page *page;
  double value;

  if (self->anchor_set || self->n_pages == 0)
    return;

  page = &self->pages[self->page];
  value = gtk_adjustment_get_value (vadjustment (self));
  set_anchor (self, self->page, (value - (page->y - PAGE_SPACING)) / (page->height + PAGE_SPACING));
}

static guint
page_at_scroll (HubPdfView *self)
{
  double value = gtk_adjustment_get_value (vadjustment (self));
  double line = value + gtk_adjustment_get_page_size (vadjustment (self)) / 3;

  /* The page under the upper third of the view is the one being read. */
  for (guint i = 0; i < self->n_pages; i++) {
    const Page *page = &self->pages[i];

    if (line < page->y + page->height + PAGE_SPACING / 2)
      return i;
  }

  return self->n_pages > 0 ? self->n_pages - 1 : 0;
}

static double
anchor_value (HubPdfView *self)
{
  const Page *page = &self->pages[self->anchor_page];

  return page->y - PAGE_SPACING + self->anchor_fraction * (page->height + PAGE_SPACING);
}

static gboolean
is_user_scroll (HubPdfView    *self,
                GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double target;

  if (self->scrolling)
    return FALSE;
  if (!self->anchor_set)
    return TRUE;

  /* GTK clamps the value while it allocates new sizes: that moves the
   * view away from the place to keep without anyone scrolling. */
  target = anchor_value (self);
  return fabs (value - target) > 1 && target <= end;
}

static void
on_vadjustment_value_changed (GtkAdjustment *adjustment,
                              HubPdfView    *self)
{
  if (!is_ready (self))
    return;

  /* A scroll by the user sets a new place to keep. */
  if (is_user_scroll (self, adjustment)) {
    self->anchor_set = FALSE;
    set_current_page (self, page_at_scroll (self));
  }
  queue_update (self);
}

static void
on_vadjustment_changed (GtkAdjustment *adjustment,
                        HubPdfView    *self)
{
  if (!is_ready (self))
    return;

  /* New sizes are allocated now: the place to keep can be reached. */
  apply_anchor (self);
  queue_update (self);
}

static double
fit_width_zoom (HubPdfView *self,
                double      viewport_width)
{
  double widest = 0;

  for (guint i = 0; i < self->n_pages; i++)
    widest = MAX (widest, self->pages[i].width_points);

  return (viewport_width - 2 * PAGE_SPACING) / (widest * POINTS_TO_PIXELS);
}

static void apply_zoom (HubPdfView *self,
                        double      zoom);

static void
apply_sizing (HubPdfView *self)
{
  double width = gtk_adjustment_get_page_size (hadjustment (self));
  double zoom;

  if (self->sizing == SIZING_FREE || self->n_pages == 0 || width <= 2 * PAGE_SPACING)
    return;

  zoom = fit_width_zoom (self, width);
  if (self->sizing == SIZING_AUTOMATIC)
    zoom = MIN (zoom, 1.0);
  apply_zoom (self, zoom);
}

static void
on_hadjustment_changed (GtkAdjustment *adjustment,
                        HubPdfView    *self)
{
  if (is_ready (self))
    apply_sizing (self);
}

static void
apply_zoom (HubPdfView *self,
            double      zoom)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (fabs (zoom - self->zoom) < ZOOM_EPSILON)
    return;

  if (is_ready (self))
    anchor_at_current_page (self);

  self->zoom = zoom;
  cancel_renders (self);
  layout_pages (self);
  apply_anchor (self);
  update_zoom_label (self);
  update_actions (self);
  queue_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
scroll_to_match (HubPdfView *self)
{
  const HubPdfMatch *match;
  const Page *page;
  GtkAdjustment *hadj = hadjustment (self);
  GtkAdjustment *vadj = vadjustment (self);
  double scale = pixels_per_point (self);
  double y;
  double x;
  double page_left;

  if (self->matches == NULL || self->matches->len == 0)
    return;

  match = &g_array_index (self->matches, HubPdfMatch, self->current_match);
  page = &self->pages[match->page];

  /* The hit sits in the upper third of the view, where the eye is. As an
   * anchor, it holds until GTK has allocated the pages, if it has not. */
  y = PAGE_SPACING + match->rect.origin.y * scale - gtk_adjustment_get_page_size (vadj) / 3;
  set_anchor (self, match->page, y / (page->height + PAGE_SPACING));
  apply_anchor (self);
  set_current_page (self, match->page);

  /* Pages are centred in the box, which is as wide as the widest. */
  page_left = PAGE_SPACING + (gtk_adjustment_get_upper (hadj) - 2 * PAGE_SPACING - page->width) / 2;
  x = page_left + match->rect.origin.x * scale;
  if (x < gtk_adjustment_get_value (hadj) ||
      x + match->rect.size.width * scale >
      gtk_adjustment_get_value (hadj) + gtk_adjustment_get_page_size (hadj))
    gtk_adjustment_set_value (hadj, x - gtk_adjustment_get_page_size (hadj) / 3);
}

/* Documents ------------------------------------------------------------------- */

static void
clear_matches (HubPdfView *self)
{
  gboolean had_matches = self->matches != NULL && self->matches->len > 0;

  cancel_and_clear (&self->search_cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  self->current_match = 0;

  if (had_matches) {
    for (guint i = 0; i < self->n_pages; i++)
      update_page_paintable (self, i);
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  }
  update_match_label (self);
  update_actions (self);
}

static void
reset_document (HubPdfView *self)
{
  GtkWidget *child;
  guint old_n_pages = self->n_pages;
  guint old_page = self->page;

  cancel_and_clear (&self->load_cancellable);
  cancel_renders (self);
  clear_matches (self);
  g_clear_handle_id (&self->update_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  for (guint i = 0; i < self->n_pages; i++)
    g_clear_object (&self->pages[i].texture);
  g_clear_pointer (&self->pages, g_free);
  g_clear_object (&self->renderer);
  self->n_pages = 0;
  self->page = 0;
  self->cache_bytes = 0;
  self->anchor_set = FALSE;

  update_page_label (self);
  if (old_n_pages != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  if (old_page != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
show_error (HubPdfView   *self,
            const GError *error)
{
  g_autofree char *description = NULL;

  /* Translators: the reason follows the colon, such as "the file is
   * damaged, incomplete or not a PDF." */
  description = g_strdup_printf (_("This document cannot be shown: %s"), error->message);
  adw_status_page_set_description (self->error_page, description);
  set_state (self, "error");
}

static void
set_up_pages (HubPdfView *self)
{
  self->n_pages = hub_pdf_renderer_get_n_pages (self->renderer);
  self->pages = g_new0 (Page, self->n_pages);

  for (guint i = 0; i < self->n_pages; i++) {
    Page *page = &self->pages[i];
    g_autofree char *name = g_strdup_printf ("pdf-page-%u", i + 1);
    /* Translators: what a screen reader says of a page's picture. */
    g_autofree char *alternative = g_strdup_printf (_("Page %u"), i + 1);

    hub_pdf_renderer_get_page_size (self->renderer, i, &page->width_points, &page->height_points);
    page->picture = gtk_picture_new ();
    gtk_widget_set_name (page->picture, name);
    gtk_widget_set_halign (page->picture, GTK_ALIGN_CENTER);
    gtk_picture_set_can_shrink (GTK_PICTURE (page->picture), FALSE);
    gtk_picture_set_alternative_text (GTK_PICTURE (page->picture), alternative);
    gtk_box_append (self->pages_box, page->picture);
  }
}

static void
on_renderer_ready (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (Call) call = user_data;
  HubPdfView *self = call->self;
  g_autoptr (HubPdfRenderer) renderer = NULL;
  g_autoptr (GError) error = NULL;
  const char *search_text;

  renderer = hub_pdf_renderer_new_finish (result, &error);
  if (g_cancellable_is_cancelled (call->cancellable))
    return;

  g_clear_object (&self->load_cancellable);
  if (renderer == NULL) {
    show_error (self, error);
    return;
  }

  g_object_freeze_notify (G_OBJECT (self));

  self->renderer = g_steal_pointer (&renderer);
  set_up_pages (self);
  self->sizing = SIZING_AUTOMATIC;
  layout_pages (self);
  set_state (self, "ready");
  update_page_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  scroll_to (self, 0);
  apply_sizing (self);
  queue_update (self);

  /* A search still open carries over to the next document. */
  search_text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (gtk_search_bar_get_search_mode (self->search_bar) && *search_text != '\0')
    hub_pdf_view_search (self, search_text);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Search ------------------------------------------------------------------- */

static void
on_text_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (Call) call = user_data;
  HubPdfView *self = call->self;
  g_autoptr (GArray) matches = NULL;
  g_autoptr (GError) error = NULL;

  matches = hub_pdf_renderer_find_text_finish (HUB_PDF_RENDERER (source), result, &error);
  if (g_cancellable_is_cancelled (call->cancellable))
    return;

  g_clear_object (&self->search_cancellable);
  if (matches == NULL) {
    g_debug ("Search failed: %s", error->message);
    return;
  }

  self->matches = g_steal_pointer (&matches);
  self->current_match = 0;
  for (guint i = 0; i < self->n_pages; i++)
    update_page_paintable (self, i);
  scroll_to_match (self);
  update_match_label (self);
  update_actions (self);

  if (self->matches->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static void
move_match (HubPdfView *self,
            int         delta)
{
  guint n;
  guint old;

  if (self->matches == NULL || self->matches->len == 0)
    return;

  n = self->matches->len;
  old = self->current_match;
  self->current_match = delta > 0 ? (old + 1) % n : (old + n - 1) % n;
  update_page_paintable (self, g_array_index (self->matches, HubPdfMatch, old).page);
  update_page_paintable (self,
                         g_array_index (self->matches, HubPdfMatch, self->current_match).page);
  scroll_to_match (self);
  update_match_label (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   HubPdfView     *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* The entry repeats, late, what hub_pdf_view_search() put in it. */
  if (g_strcmp0 (text, self->search_text) == 0 || (*text == '\0' && self->search_text == NULL))
    return;

  hub_pdf_view_search (self, text);
}

static void
on_search_activate (GtkSearchEntry *entry,
                    HubPdfView     *self)
{
  hub_pdf_view_find_next (self);
}

static void
on_search_next (GtkSearchEntry *entry,
                HubPdfView     *self)
{
  hub_pdf_view_find_next (self);
}

static void
on_search_previous (GtkSearchEntry *entry,
                    HubPdfView     *self)
{
  hub_pdf_view_find_previous (self);
}

static void
on_search_mode_changed (GtkSearchBar *bar,
                        GParamSpec   *pspec,
                        HubPdfView   *self)
{
  if (gtk_search_bar_get_search_mode (bar))
    return;

  hub_pdf_view_search (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (is_ready (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->viewport));
}

/* Printing ----------------------------------------------------------------- */

static void
show_print_error (HubPdfView   *self,
                  const GError *error)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Printing Failed"), error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr (HubPdfView) self = user_data;
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR) {
    gtk_print_operation_get_error (operation, &error);
    if (error != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
      show_print_error (self, error);
  }
}

/* Actions and keys ---------------------------------------------------------- */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hub_pdf_view_zoom_in (HUB_PDF_VIEW (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  hub_pdf_view_zoom_out (HUB_PDF_VIEW (widget));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hub_pdf_view_set_zoom (HUB_PDF_VIEW (widget), 1.0);
}

static void
fit_width_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hub_pdf_view_fit_width (HUB_PDF_VIEW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubPdfView *self = HUB_PDF_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hub_pdf_view_find_next (HUB_PDF_VIEW (widget));
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hub_pdf_view_find_previous (HUB_PDF_VIEW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  hub_pdf_view_print (HUB_PDF_VIEW (widget), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HubPdfView *self = HUB_PDF_VIEW (widget);

  if (self->n_pages == 0)
    return;

  if (g_str_equal (action_name, "pdf.previous-page"))
    hub_pdf_view_set_page (self, self->page > 0 ? self->page - 1 : 0);
  else if (g_str_equal (action_name, "pdf.next-page"))
    hub_pdf_view_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "pdf.first-page"))
    hub_pdf_view_set_page (self, 0);
  else
    hub_pdf_view_set_page (self, self->n_pages - 1);
}

static gboolean
scroll_by_key (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  HubPdfView *self = HUB_PDF_VIEW (gtk_widget_get_ancestor (widget, HUB_TYPE_PDF_VIEW));
  GtkAdjustment *adjustment;
  int dx;
  int dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  adjustment = dy != 0 ? vadjustment (self) : hadjustment (self);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + (dx + dy) * SCROLL_STEP);

  return TRUE;
}

static void
add_scroll_key (GtkShortcutController *controller,
                guint                  keyval,
                int                    dx,
                int                    dy)
{
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                               gtk_callback_action_new (scroll_by_key, NULL, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", dx, dy));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
on_pages_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  HubPdfView      *self)
{
  /* Clicking the pages puts the keys there, as in any document. */
  gtk_widget_grab_focus (GTK_WIDGET (self->viewport));
}

static void
on_scale_factor_changed (HubPdfView *self,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  queue_update (self);
}

/* GObject ------------------------------------------------------------------- */

static void
hub_pdf_view_dispose (GObject *object)
{
  HubPdfView *self = HUB_PDF_VIEW (object);

  /* Only the work and the document: dispose may run more than once, and
   * the widgets go with the template. */
  cancel_and_clear (&self->load_cancellable);
  cancel_and_clear (&self->render_cancellable);
  cancel_and_clear (&self->search_cancellable);
  g_clear_handle_id (&self->update_id, g_source_remove);
  for (guint i = 0; i < self->n_pages; i++)
    g_clear_object (&self->pages[i].texture);
  g_clear_pointer (&self->pages, g_free);
  self->n_pages = 0;
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->renderer);

  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_PDF_VIEW);

  G_OBJECT_CLASS (hub_pdf_view_parent_class)->dispose (object);
}

static void
hub_pdf_view_finalize (GObject *object)
{
  HubPdfView *self = HUB_PDF_VIEW (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (hub_pdf_view_parent_class)->finalize (object);
}

static void
hub_pdf_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HubPdfView *self = HUB_PDF_VIEW (object);

  switch (prop_id) {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, hub_pdf_view_get_n_matches (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_pdf_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HubPdfView *self = HUB_PDF_VIEW (object);

  switch (prop_id) {
    case PROP_PAGE:
      hub_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      hub_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_pdf_view_class_init (HubPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_pdf_view_dispose;
  object_class->finalize = hub_pdf_view_finalize;
  object_class->get_property = hub_pdf_view_get_property;
  object_class->set_property = hub_pdf_view_set_property;

  /**
   * HubPdfView:n-pages:
   *
   * How many pages the document has; 0 unless the state is "ready".
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubPdfView:page:
   *
   * The page being read, from 0: the one under the upper third of the view,
   * or the one last moved to.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubPdfView:zoom:
   *
   * The zoom level: 1.0 shows a page at its printed size on a 96 dpi screen.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubPdfView:state:
   *
   * "empty", "loading", "ready" or "error".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                         "empty",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HubPdfView:n-matches:
   *
   * How many hits the last search found; 0 while it runs.
   */
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, page_label);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, zoom_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, search_button);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, match_label);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, viewport);
  gtk_widget_class_bind_template_child (widget_class, HubPdfView, pages_box);

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "pdf.fit-width", NULL, fit_width_action);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "pdf.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "pdf.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "pdf.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "pdf.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0,
                                       "pdf.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0,
                                       "pdf.last-page", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hub_pdf_view_init (HubPdfView *self)
{
  GtkShortcutController *keys;
  GtkGesture *click;

  self->state = g_intern_static_string ("empty");
  self->zoom = 1.0;
  self->sizing = SIZING_AUTOMATIC;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->search_button, "active",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode_changed), self, 0);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, 0);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate), self, 0);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (on_search_next), self, 0);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (on_search_previous), self, 0);

  g_signal_connect_object (vadjustment (self), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed), self, 0);
  g_signal_connect_object (vadjustment (self), "changed",
                           G_CALLBACK (on_vadjustment_changed), self, 0);
  g_signal_connect_object (hadjustment (self), "changed",
                           G_CALLBACK (on_hadjustment_changed), self, 0);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);

  /* Arrow keys scroll the pages once they have the focus; elsewhere in
   * the view they keep moving the focus between controls. */
  keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  add_scroll_key (keys, GDK_KEY_Up, 0, -1);
  add_scroll_key (keys, GDK_KEY_Down, 0, 1);
  add_scroll_key (keys, GDK_KEY_Left, -1, 0);
  add_scroll_key (keys, GDK_KEY_Right, 1, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->viewport), GTK_EVENT_CONTROLLER (keys));

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pages_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->viewport),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document pages"),
                                  -1);
  update_zoom_label (self);
  update_actions (self);
}

/* Public API ---------------------------------------------------------------- */

/**
 * hub_pdf_view_new:
 *
 * Returns: (transfer floating): a new, empty #HubPdfView
 */
GtkWidget *
hub_pdf_view_new (void)
{
  return g_object_new (HUB_TYPE_PDF_VIEW, NULL);
}

/**
 * hub_pdf_view_load_bytes:
 * @self: a #HubPdfView
 * @pdf: (nullable): the document, or %NULL to clear the view
 * @title: (nullable): what the document is, for screen readers and the
 *   print job's name
 *
 * Shows @pdf, parsed in a worker thread: the state is "loading", then
 * "ready", or "error" with the reason on a status page if the document is
 * damaged, incomplete or not a PDF. Anything shown before is dropped and
 * its work cancelled.
 */
void
hub_pdf_view_load_bytes (HubPdfView *self,
                         GBytes     *pdf,
                         const char *title)
{
  g_autofree char *label = NULL;

  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  if (pdf == NULL) {
    hub_pdf_view_clear (self);
    return;
  }

  g_object_freeze_notify (G_OBJECT (self));

  reset_document (self);
  g_free (self->title);
  self->title = g_strdup (title);
  if (title != NULL && *title != '\0')
    /* Translators: what a screen reader says of the pages of a document. */
    label = g_strdup_printf (_("Pages of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->viewport),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Document pages"),
                                  -1);

  self->load_cancellable = g_cancellable_new ();
  set_state (self, "loading");
  hub_pdf_renderer_new_async (pdf, self->load_cancellable, on_renderer_ready,
                              call_new (self, self->load_cancellable));

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * hub_pdf_view_clear:
 * @self: a #HubPdfView
 *
 * Drops the document and cancels its work; the state becomes "empty".
 */
void
hub_pdf_view_clear (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  reset_document (self);
  g_clear_pointer (&self->title, g_free);
  set_state (self, "empty");
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * hub_pdf_view_get_state:
 * @self: a #HubPdfView
 *
 * Returns: "empty", "loading", "ready" or "error"
 */
const char *
hub_pdf_view_get_state (HubPdfView *self)
{
  g_return_val_if_fail (HUB_IS_PDF_VIEW (self), NULL);

  return self->state;
}

guint
hub_pdf_view_get_n_pages (HubPdfView *self)
{
  g_return_val_if_fail (HUB_IS_PDF_VIEW (self), 0);

  return self->n_pages;
}

/**
 * hub_pdf_view_get_page:
 * @self: a #HubPdfView
 *
 * Returns: the page being read, from 0
 */
guint
hub_pdf_view_get_page (HubPdfView *self)
{
  g_return_val_if_fail (HUB_IS_PDF_VIEW (self), 0);

  return self->page;
}

/**
 * hub_pdf_view_set_page:
 * @self: a #HubPdfView
 * @page: a page index, from 0; past the end means the last page
 *
 * Scrolls @page to the top of the view.
 */
void
hub_pdf_view_set_page (HubPdfView *self,
                       guint       page)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  if (self->n_pages == 0)
    return;

  page = MIN (page, self->n_pages - 1);
  set_anchor (self, page, 0);
  apply_anchor (self);
  set_current_page (self, page);
  queue_update (self);
}

double
hub_pdf_view_get_zoom (HubPdfView *self)
{
  g_return_val_if_fail (HUB_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * hub_pdf_view_set_zoom:
 * @self: a #HubPdfView
 * @zoom: 1.0 for 100 %, clamped to 25 %–400 %
 *
 * Zooms, keeping the page being read in view.
 */
void
hub_pdf_view_set_zoom (HubPdfView *self,
                       double      zoom)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  self->sizing = SIZING_FREE;
  apply_zoom (self, zoom);
}

void
hub_pdf_view_zoom_in (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  for (gsize i = 0; i < G_N_ELEMENTS (zoom_levels); i++) {
    if (zoom_levels[i] > self->zoom + ZOOM_EPSILON) {
      hub_pdf_view_set_zoom (self, zoom_levels[i]);
      return;
    }
  }
}

void
hub_pdf_view_zoom_out (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  for (gsize i = G_N_ELEMENTS (zoom_levels); i > 0; i--) {
    if (zoom_levels[i - 1] < self->zoom - ZOOM_EPSILON) {
      hub_pdf_view_set_zoom (self, zoom_levels[i - 1]);
      return;
    }
  }
}

/**
 * hub_pdf_view_fit_width:
 * @self: a #HubPdfView
 *
 * Zooms so that the widest page fills the width of the view, and keeps
 * doing so as the view is resized, until the zoom is set otherwise.
 */
void
hub_pdf_view_fit_width (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  self->sizing = SIZING_FIT_WIDTH;
  apply_sizing (self);
}

/**
 * hub_pdf_view_search:
 * @self: a #HubPdfView
 * @text: (nullable): what to look for, ignoring case; %NULL or "" clears
 *
 * Looks for @text on every page in a worker thread, then highlights every
 * hit and moves to the first. The search bar shows @text.
 */
void
hub_pdf_view_search (HubPdfView *self,
                     const char *text)
{
  /* @text may be the entry's own, which setting the entry frees. */
  g_autofree char *copy = g_strdup (text);

  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  clear_matches (self);
  g_clear_pointer (&self->search_text, g_free);

  if (copy == NULL || *copy == '\0') {
    update_match_label (self);
    return;
  }

  self->search_text = g_strdup (copy);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), copy) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), copy);

  if (self->renderer == NULL)
    return;

  self->search_cancellable = g_cancellable_new ();
  hub_pdf_renderer_find_text_async (self->renderer, copy, self->search_cancellable,
                                    on_text_found, call_new (self, self->search_cancellable));
}

void
hub_pdf_view_find_next (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  move_match (self, 1);
}

void
hub_pdf_view_find_previous (HubPdfView *self)
{
  g_return_if_fail (HUB_IS_PDF_VIEW (self));

  move_match (self, -1);
}

/**
 * hub_pdf_view_get_n_matches:
 * @self: a #HubPdfView
 *
 * Returns: how many hits the last search found; 0 while it runs
 */
guint
hub_pdf_view_get_n_matches (HubPdfView *self)
{
  g_return_val_if_fail (HUB_IS_PDF_VIEW (self), 0);

  return self->matches != NULL ? self->matches->len : 0;
}

/**
 * hub_pdf_view_print:
 * @self: a #HubPdfView
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog for the document; printing goes on after this
 * returns, and a failure is shown in a dialog.
 */
void
hub_pdf_view_print (HubPdfView *self,
                    GtkWindow  *parent)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_if_fail (HUB_IS_PDF_VIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (self->renderer == NULL)
    return;

  operation = hub_pdf_renderer_new_print_operation (self->renderer, self->title);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (self));

  /* Errors arrive through "done", whether the dialog ran or not. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
