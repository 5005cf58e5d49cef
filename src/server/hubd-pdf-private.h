/* hubd-pdf-private.h: the drawing kit the document layouts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hubd-pdf.h"

G_BEGIN_DECLS

/* One document being drawn, on US Letter pages. The layouts move down
 * the page through y; each layout draws exactly the number of pages its
 * document type declares, calling pdf_next_page() between them. */
typedef struct {
  cairo_t *cr;
  const HubdResult *result;
  GRand *rand;    /* seeded by the result id: the same document each time */
  double y;
  guint page;     /* 1-based */
  const char *provider; /* the clinician who signs */
} PdfDoc;

typedef void (*PdfLayout) (PdfDoc *doc);

/* The layout of a document type, by code (hubd-pdf-layouts.c). */
PdfLayout pdf_layout_for (const char *code);

void pdf_next_page      (PdfDoc     *doc);
void pdf_heading        (PdfDoc     *doc,
                         const char *text);
void pdf_fields         (PdfDoc     *doc,
                         const char *first_label,
                         ...) G_GNUC_NULL_TERMINATED;
void pdf_patient        (PdfDoc     *doc);
void pdf_paragraph      (PdfDoc     *doc,
                         const char *text);
void pdf_checkbox       (PdfDoc     *doc,
                         gboolean    checked,
                         const char *label);
void pdf_table_row      (PdfDoc     *doc,
                         gboolean    header,
                         const char *first_cell,
                         ...) G_GNUC_NULL_TERMINATED;
void pdf_signature      (PdfDoc     *doc,
                         const char *role);
void pdf_space          (PdfDoc     *doc,
                         double      points);
int  pdf_random         (PdfDoc     *doc,
                         int         begin,
                         int         end);
const char *pdf_pick    (PdfDoc            *doc,
                         const char *const *choices,
                         guint              n_choices);
char *pdf_date_after    (PdfDoc     *doc,
                         int         days);

#define PDF_PICK(doc, array) pdf_pick ((doc), (array), G_N_ELEMENTS (array))

G_END_DECLS
