/* hub-pdf-renderer.c: a parsed PDF that renders and searches off the UI
 * thread
 *
 * The bytes come from a server or a file and may be hostile: parsing,
 * drawing and searching never run on the UI thread, page sizes are bounded,
 * and a texture never grows past a fixed number of pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "hub-pdf-renderer.h"

/* A texture larger than this is drawn at a lower resolution and scaled up:
 * a page of any size costs at most 64 MiB. */
#define MAX_TEXTURE_PIXELS (4096.0 * 4096.0)

/* The largest page side PDF allows (200 inches); a document claiming more
 * is clamped, so that no widget or texture size overflows. */
#define MAX_PAGE_POINTS 14400.0
#define MIN_PAGE_POINTS 1.0

struct _HubPdfRenderer
{
  GObject          parent_instance;

  GBytes          *bytes;
  PopplerDocument *document;
  guint            n_pages;
  graphene_size_t *sizes;
};

G_DEFINE_FINAL_TYPE (HubPdfRenderer, hub_pdf_renderer, G_TYPE_OBJECT)

G_DEFINE_QUARK (hub-pdf-error-quark, hub_pdf_error)

/* poppler-glib is not thread safe, and its font and output caches are not
 * clearly per document either, so one lock covers every poppler call of the
 * process, as document viewers built on it do. Work under it is one page at
 * a time, which bounds how long anyone waits. */
static GMutex poppler_lock;

typedef struct {
  guint  page;
  double scale;
} RenderData;

static void
hub_pdf_renderer_finalize (GObject *object)
{
  HubPdfRenderer *self = HUB_PDF_RENDERER (object);

  /* The last reference may go in a worker thread while another document
   * renders; releasing poppler objects is poppler work too. */
  g_mutex_lock (&poppler_lock);
  g_clear_object (&self->document);
  g_mutex_unlock (&poppler_lock);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sizes, g_free);

  G_OBJECT_CLASS (hub_pdf_renderer_parent_class)->finalize (object);
}

static void
hub_pdf_renderer_class_init (HubPdfRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_pdf_renderer_finalize;
}

static void
hub_pdf_renderer_init (HubPdfRenderer *self)
{
}

static gboolean
set_error_if_cancelled (GCancellable  *cancellable,
                        GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, HUB_PDF_ERROR, HUB_PDF_ERROR_CANCELLED,
                       _("the operation was cancelled."));
  return TRUE;
}

static void
set_damaged_error (GError **error)
{
  g_set_error_literal (error, HUB_PDF_ERROR, HUB_PDF_ERROR_DAMAGED,
                       _("the file is damaged, incomplete or not a PDF."));
}

static double
sane_points (double points)
{
  /* NaN fails every comparison, so it lands on the minimum. */
  if (!(points >= MIN_PAGE_POINTS))
    return MIN_PAGE_POINTS;
  return MIN (points, MAX_PAGE_POINTS);
}

/**
 * hub_pdf_renderer_new:
 * @pdf: the document's bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #HubPdfError
 *
 * Parses @pdf. This blocks: call it from a worker thread, or use
 * hub_pdf_renderer_new_async().
 *
 * Returns: (transfer full): a renderer, or %NULL with @error set
 */
HubPdfRenderer *
hub_pdf_renderer_new (GBytes        *pdf,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr (HubPdfRenderer) self = NULL;
  g_autoptr (GError) poppler_error = NULL;
  gboolean damaged = FALSE;
  int n_pages;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Not even a header: poppler would only say the same at more cost. */
  if (g_bytes_get_size (pdf) < 8) {
    set_damaged_error (error);
    return NULL;
  }

  self = g_object_new (HUB_TYPE_PDF_RENDERER, NULL);
  self->bytes = g_bytes_ref (pdf);

  g_mutex_lock (&poppler_lock);
  self->document = poppler_document_new_from_bytes (pdf, NULL, &poppler_error);
  n_pages = self->document != NULL ? poppler_document_get_n_pages (self->document) : 0;
  if (n_pages > 0) {
    self->n_pages = (guint) n_pages;
    self->sizes = g_new0 (graphene_size_t, self->n_pages);
  }
  for (guint i = 0; i < self->n_pages && !damaged; i++) {
    PopplerPage *page = poppler_document_get_page (self->document, (int) i);
    double width = 0;
    double height = 0;

    if (page == NULL) {
      damaged = TRUE;
      break;
    }
    poppler_page_get_size (page, &width, &height);
    g_object_unref (page);
    graphene_size_init (&self->sizes[i], (float) sane_points (width), (float) sane_points (height));
  }
  g_mutex_unlock (&poppler_lock);

  if (self->document == NULL) {
    if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
      g_set_error_literal (error, HUB_PDF_ERROR, HUB_PDF_ERROR_ENCRYPTED,
                           _("it is protected by a password."));
    else
      set_damaged_error (error);
    return NULL;
  }

  if (damaged) {
    set_damaged_error (error);
    return NULL;
  }

  if (self->n_pages == 0) {
    g_set_error_literal (error, HUB_PDF_ERROR, HUB_PDF_ERROR_EMPTY,
                         _("it has no pages."));
    return NULL;
  }

  return g_steal_pointer (&self);
}

static void
new_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *pdf = task_data;
  GError *error = NULL;
  HubPdfRenderer *renderer;

  renderer = hub_pdf_renderer_new (pdf, cancellable, &error);
  if (renderer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, renderer, g_object_unref);
}

/**
 * hub_pdf_renderer_new_async:
 * @pdf: the document's bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Parses @pdf in a worker thread.
 */
void
hub_pdf_renderer_new_async (GBytes              *pdf,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (pdf != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_pdf_renderer_new_async);
  /* Cancellation is reported in HUB_PDF_ERROR like every other error. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, new_in_thread);
}

/**
 * hub_pdf_renderer_new_finish:
 * @result: the result passed to the callback
 * @error: return location for a #HubPdfError
 *
 * Returns: (transfer full): a renderer, or %NULL with @error set
 */
HubPdfRenderer *
hub_pdf_renderer_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_pdf_renderer_new_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hub_pdf_renderer_get_bytes:
 * @self: a #HubPdfRenderer
 *
 * Returns: (transfer none): the bytes of the document
 */
GBytes *
hub_pdf_renderer_get_bytes (HubPdfRenderer *self)
{
  g_return_val_if_fail (HUB_IS_PDF_RENDERER (self), NULL);

  return self->bytes;
}

guint
hub_pdf_renderer_get_n_pages (HubPdfRenderer *self)
{
  g_return_val_if_fail (HUB_IS_PDF_RENDERER (self), 0);

  return self->n_pages;
}

/**
 * hub_pdf_renderer_get_page_size:
 * @self: a #HubPdfRenderer
 * @page: a page index, from 0
 * @width: (out) (optional): the width in points
 * @height: (out) (optional): the height in points
 *
 * The size of @page, known since parsing: this never waits for the lock.
 */
void
hub_pdf_renderer_get_page_size (HubPdfRenderer *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  g_return_if_fail (HUB_IS_PDF_RENDERER (self));
  g_return_if_fail (page < self->n_pages);

  if (width != NULL)
    *width = self->sizes[page].width;
  if (height != NULL)
    *height = self->sizes[page].height;
}

/**
 * hub_pdf_renderer_render_page:
 * @self: a #HubPdfRenderer
 * @page: a page index, from 0
 * @scale: texture pixels per point (96 / 72 is 100 % on a plain screen)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #HubPdfError
 *
 * Draws @page on white. This blocks: call it from a worker thread, or use
 * hub_pdf_renderer_render_page_async(). A page that would need more than
 * 16 million pixels is drawn smaller; the texture's size says how big.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GdkTexture *
hub_pdf_renderer_render_page (HubPdfRenderer  *self,
                              guint            page,
                              double           scale,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr (GBytes) pixels = NULL;
  const graphene_size_t *size;
  cairo_surface_t *surface;
  cairo_t *cr;
  int width;
  int height;
  int stride;

  g_return_val_if_fail (HUB_IS_PDF_RENDERER (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (set_error_if_cancelled (cancellable, error))
    return NULL;

  size = &self->sizes[page];
  if ((double) size->width * scale * size->height * scale > MAX_TEXTURE_PIXELS)
    scale = sqrt (MAX_TEXTURE_PIXELS / ((double) size->width * size->height));
  width = MAX (1, (int) ceil (size->width * scale));
  height = MAX (1, (int) ceil (size->height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy (surface);
    g_set_error_literal (error, HUB_PDF_ERROR, HUB_PDF_ERROR_DAMAGED,
                         _("there is not enough memory to draw its pages."));
    return NULL;
  }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / (double) size->width, height / (double) size->height);

  g_mutex_lock (&poppler_lock);
  if (!g_cancellable_is_cancelled (cancellable)) {
    PopplerPage *poppler_page = poppler_document_get_page (self->document, (int) page);

    if (poppler_page != NULL) {
      poppler_page_render (poppler_page, cr);
      g_object_unref (poppler_page);
    }
  }
  g_mutex_unlock (&poppler_lock);

  cairo_destroy (cr);
  if (set_error_if_cancelled (cancellable, error)) {
    cairo_surface_destroy (surface);
    return NULL;
  }

  /* The texture reads the surface's memory directly: no copy. */
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) stride * (gsize) height,
                                       (GDestroyNotify) cairo_surface_destroy,
                                       surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, (gsize) stride);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderData *data = task_data;
  GError *error = NULL;
  GdkTexture *texture;

  texture = hub_pdf_renderer_render_page (source_object, data->page, data->scale,
                                          cancellable, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/**
 * hub_pdf_renderer_render_page_async:
 * @self: a #HubPdfRenderer
 * @page: a page index, from 0
 * @scale: texture pixels per point
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Draws @page in a worker thread, as hub_pdf_renderer_render_page() does.
 */
void
hub_pdf_renderer_render_page_async (HubPdfRenderer      *self,
                                    guint                page,
                                    double               scale,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  RenderData *data;

  g_return_if_fail (HUB_IS_PDF_RENDERER (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (scale > 0);

  data = g_new0 (RenderData, 1);
  data->page = page;
  data->scale = scale;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_pdf_renderer_render_page_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, render_in_thread);
}

/**
 * hub_pdf_renderer_render_page_finish:
 * @self: a #HubPdfRenderer
 * @result: the result passed to the callback
 * @error: return location for a #HubPdfError
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GdkTexture *
hub_pdf_renderer_render_page_finish (HubPdfRenderer  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_pdf_renderer_render_page_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_matches (GArray                *matches,
             guint                  page,
             const graphene_size_t *size,
             GList                 *rects)
{
  for (GList *l = rects; l != NULL; l = l->next) {
    PopplerRectangle *r = l->data;
    HubPdfMatch match = { .page = page };
    double top = MAX (r->y1, r->y2);

    /* poppler answers in PDF space, whose origin is the bottom left. */
    graphene_rect_init (&match.rect,
                        (float) MIN (r->x1, r->x2),
                        (float) (size->height - top),
                        (float) fabs (r->x2 - r->x1),
                        (float) fabs (r->y2 - r->y1));
    g_array_append_val (matches, match);
  }
}

static void
find_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HubPdfRenderer *self = source_object;
  const char *text = task_data;
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (HubPdfMatch));
  GError *error = NULL;

  /* One page per turn of the lock, so that drawing the pages in view
   * goes on between the pages of a long search. */
  for (guint i = 0; i < self->n_pages; i++) {
    PopplerPage *page;
    GList *rects = NULL;

    if (set_error_if_cancelled (cancellable, &error)) {
      g_task_return_error (task, error);
      return;
    }

    g_mutex_lock (&poppler_lock);
    page = poppler_document_get_page (self->document, (int) i);
    if (page != NULL)
      rects = poppler_page_find_text (page, text);
    g_clear_object (&page);
    g_mutex_unlock (&poppler_lock);

    add_matches (matches, i, &self->sizes[i], rects);
    g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
  }

  g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify) g_array_unref);
}

/**
 * hub_pdf_renderer_find_text_async:
 * @self: a #HubPdfRenderer
 * @text: what to look for, ignoring case
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Finds every occurrence of @text, page after page, in a worker thread.
 */
void
hub_pdf_renderer_find_text_async (HubPdfRenderer      *self,
                                  const char          *text,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (HUB_IS_PDF_RENDERER (self));
  g_return_if_fail (text != NULL && *text != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_pdf_renderer_find_text_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, find_in_thread);
}

/**
 * hub_pdf_renderer_find_text_finish:
 * @self: a #HubPdfRenderer
 * @result: the result passed to the callback
 * @error: return location for a #HubPdfError
 *
 * Returns: (transfer full) (element-type HubPdfMatch): the hits in page
 *   order, or %NULL with @error set
 */
GArray *
hub_pdf_renderer_find_text_finish (HubPdfRenderer  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_pdf_renderer_find_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       gpointer           user_data)
{
  HubPdfRenderer *self = user_data;
  const graphene_size_t *size = &self->sizes[page_nr];

  /* A landscape page prints across the sheet rather than shrunk on it. */
  gtk_page_setup_set_orientation (setup, size->width > size->height ?
                                  GTK_PAGE_ORIENTATION_LANDSCAPE :
                                  GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  HubPdfRenderer *self = user_data;
  const graphene_size_t *size = &self->sizes[page_nr];
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale;

  /* Shrunk to the printable area when it does not fit, never enlarged:
   * a form keeps its printed size. */
  scale = MIN (1.0, MIN (width / size->width, height / size->height));

  cairo_save (cr);
  cairo_translate (cr, (width - size->width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);

  /* Printing runs on the UI thread; it waits at most for one page being
   * drawn for the screen. */
  g_mutex_lock (&poppler_lock);
  {
    PopplerPage *page = poppler_document_get_page (self->document, page_nr);

    if (page != NULL) {
      poppler_page_render_for_printing (page, cr);
      g_object_unref (page);
    }
  }
  g_mutex_unlock (&poppler_lock);

  cairo_restore (cr);
}

/**
 * hub_pdf_renderer_new_print_operation:
 * @self: a #HubPdfRenderer
 * @title: (nullable): the print job's name
 *
 * A print operation that prints every page of the document, each at its
 * size unless it must shrink to fit the paper.
 *
 * Returns: (transfer full): a #GtkPrintOperation
 */
GtkPrintOperation *
hub_pdf_renderer_new_print_operation (HubPdfRenderer *self,
                                      const char     *title)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (HUB_IS_PDF_RENDERER (self), NULL);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0' ?
                                    title : _("Document"));

  /* The operation may outlive the view that started it. */
  g_object_set_data_full (G_OBJECT (operation), "hub-pdf-renderer",
                          g_object_ref (self), g_object_unref);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);

  return operation;
}
