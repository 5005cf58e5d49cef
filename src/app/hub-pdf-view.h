/* hub-pdf-view.h: an inline PDF viewer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HUB_TYPE_PDF_VIEW (hub_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (HubPdfView, hub_pdf_view, HUB, PDF_VIEW, AdwBin)

GtkWidget  *hub_pdf_view_new             (void);
void        hub_pdf_view_load_bytes      (HubPdfView *self,
                                          GBytes     *pdf,
                                          const char *title);
void        hub_pdf_view_clear           (HubPdfView *self);
const char *hub_pdf_view_get_state       (HubPdfView *self);

guint       hub_pdf_view_get_n_pages     (HubPdfView *self);
guint       hub_pdf_view_get_page        (HubPdfView *self);
void        hub_pdf_view_set_page        (HubPdfView *self,
                                          guint       page);

double      hub_pdf_view_get_zoom        (HubPdfView *self);
void        hub_pdf_view_set_zoom        (HubPdfView *self,
                                          double      zoom);
void        hub_pdf_view_zoom_in         (HubPdfView *self);
void        hub_pdf_view_zoom_out        (HubPdfView *self);
void        hub_pdf_view_fit_width       (HubPdfView *self);

void        hub_pdf_view_search          (HubPdfView *self,
                                          const char *text);
void        hub_pdf_view_find_next       (HubPdfView *self);
void        hub_pdf_view_find_previous   (HubPdfView *self);
guint       hub_pdf_view_get_n_matches   (HubPdfView *self);

void        hub_pdf_view_print           (HubPdfView *self,
                                          GtkWindow  *parent);

G_END_DECLS
