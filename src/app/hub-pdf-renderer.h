/* hub-pdf-renderer.h: a parsed PDF that renders and searches off the UI
 * thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HUB_PDF_ERROR (hub_pdf_error_quark ())

/**
 * HubPdfError:
 * @HUB_PDF_ERROR_DAMAGED: the bytes are not a PDF, or a damaged or
 *   incomplete one
 * @HUB_PDF_ERROR_ENCRYPTED: the document needs a password
 * @HUB_PDF_ERROR_EMPTY: the document has no pages
 * @HUB_PDF_ERROR_CANCELLED: the caller cancelled the operation
 *
 * Every error a #HubPdfRenderer reports is in this domain, and its message
 * completes the sentence "This document cannot be shown: …".
 */
typedef enum {
  HUB_PDF_ERROR_DAMAGED,
  HUB_PDF_ERROR_ENCRYPTED,
  HUB_PDF_ERROR_EMPTY,
  HUB_PDF_ERROR_CANCELLED,
} HubPdfError;

/**
 * HubPdfMatch:
 * @page: the page index, from 0
 * @rect: where the hit is, in points from the top left corner of the page
 *
 * One hit of a text search.
 */
typedef struct {
  guint           page;
  graphene_rect_t rect;
} HubPdfMatch;

#define HUB_TYPE_PDF_RENDERER (hub_pdf_renderer_get_type ())

G_DECLARE_FINAL_TYPE (HubPdfRenderer, hub_pdf_renderer, HUB, PDF_RENDERER, GObject)

GQuark          hub_pdf_error_quark                  (void);

HubPdfRenderer *hub_pdf_renderer_new                 (GBytes               *pdf,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void            hub_pdf_renderer_new_async           (GBytes               *pdf,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
HubPdfRenderer *hub_pdf_renderer_new_finish          (GAsyncResult         *result,
                                                      GError              **error);

GBytes         *hub_pdf_renderer_get_bytes           (HubPdfRenderer       *self);
guint           hub_pdf_renderer_get_n_pages         (HubPdfRenderer       *self);
void            hub_pdf_renderer_get_page_size       (HubPdfRenderer       *self,
                                                      guint                 page,
                                                      double               *width,
                                                      double               *height);

GdkTexture     *hub_pdf_renderer_render_page         (HubPdfRenderer       *self,
                                                      guint                 page,
                                                      double                scale,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void            hub_pdf_renderer_render_page_async   (HubPdfRenderer       *self,
                                                      guint                 page,
                                                      double                scale,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GdkTexture     *hub_pdf_renderer_render_page_finish  (HubPdfRenderer       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void            hub_pdf_renderer_find_text_async     (HubPdfRenderer       *self,
                                                      const char           *text,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GArray         *hub_pdf_renderer_find_text_finish    (HubPdfRenderer       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

GtkPrintOperation *hub_pdf_renderer_new_print_operation (HubPdfRenderer *self,
                                                         const char     *title);

G_END_DECLS
