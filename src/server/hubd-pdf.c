/* hubd-pdf.c: drawing a result's document as PDF
 *
 * Documents are drawn with cairo's PDF surface and its toy text API (the
 * server has no Pango): real text, so readers can select and search it.
 * Everything on a page comes from the stored result and a random
 * sequence seeded by its id, and the file's dates are the posting time,
 * so the same result always gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-pdf-private.h"

#include <cairo-pdf.h>
#include <stdarg.h>
#include <string.h>

#include "hubd-error.h"

#define PAGE_WIDTH 612.0
#define PAGE_HEIGHT 792.0
#define MARGIN 54.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define FONT "DejaVu Sans"
#define LINE 15.0

static const char *const providers[] = {
  "Dr. Elena Marsh, MD", "Dr. Samuel Okoye, DO", "Dr. Priya Raman, MD",
  "Dr. Thomas Lindqvist, MD", "Jordan Blake, PA-C", "Dr. Aiko Mori, MD",
  "Casey Romero, NP", "Dr. Daniel Weiss, DO",
};

static void
set_font (PdfDoc  *doc,
          gboolean bold,
          double   size)
{
  cairo_select_font_face (doc->cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (doc->cr, size);
}

static void
text_at (PdfDoc     *doc,
         double      x,
         double      y,
         const char *text)
{
  cairo_move_to (doc->cr, x, y);
  cairo_show_text (doc->cr, text);
}

static double
text_width (PdfDoc     *doc,
            const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (doc->cr, text, &extents);
  return extents.x_advance;
}

int
pdf_random (PdfDoc *doc,
            int     begin,
            int     end)
{
  return g_rand_int_range (doc->rand, begin, end);
}

const char *
pdf_pick (PdfDoc            *doc,
          const char *const *choices,
          guint              n_choices)
{
  return choices[g_rand_int_range (doc->rand, 0, n_choices)];
}

/* The visit date plus some days, as MM/DD/YYYY. */
char *
pdf_date_after (PdfDoc *doc,
                int     days)
{
  g_autoptr (GDateTime) visit = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", doc->result->visit_date);

  visit = g_date_time_new_from_iso8601 (iso, NULL);
  if (visit == NULL)
    return g_strdup (doc->result->visit_date);

  later = g_date_time_add_days (visit, days);
  return g_date_time_format (later, "%m/%d/%Y");
}

static char *
us_date (const char *iso_date)
{
  /* YYYY-MM-DD → MM/DD/YYYY */
  if (iso_date == NULL || strlen (iso_date) != 10)
    return g_strdup (iso_date != NULL ? iso_date : "");

  return g_strdup_printf ("%.2s/%.2s/%.4s", iso_date + 5, iso_date + 8, iso_date);
}

/* --- page furniture ------------------------------------------------------ */

static void
draw_letterhead (PdfDoc *doc)
{
  const HubdCenter *center = &doc->result->center;
  cairo_t *cr = doc->cr;
  g_autofree char *address = g_strdup_printf ("%s, %s, %s %s", center->line1,
                                              center->city, center->state,
                                              center->postal_code);
  g_autofree char *phone = g_strdup_printf ("Phone %s", center->phone);

  /* The mark: a teal square with the clinic network's initials. */
  cairo_set_source_rgb (cr, 0.0, 0.45, 0.5);
  cairo_rectangle (cr, MARGIN, 36, 44, 44);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  set_font (doc, TRUE, 14);
  text_at (doc, MARGIN + 6, 63, "HUB");

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  set_font (doc, TRUE, 13);
  text_at (doc, MARGIN + 56, 50, center->name);
  set_font (doc, FALSE, 9);
  text_at (doc, MARGIN + 56, 64, address);
  text_at (doc, MARGIN + 56, 76, phone);

  cairo_set_source_rgb (cr, 0.0, 0.45, 0.5);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, MARGIN, 90);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, 90);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  set_font (doc, TRUE, 16);
  text_at (doc, MARGIN, 116, doc->result->document->name);
  doc->y = 140;
}

static void
draw_footer (PdfDoc *doc)
{
  g_autofree char *page = g_strdup_printf ("Page %u of %u", doc->page,
                                           doc->result->document->pages);
  g_autofree char *reference = g_strdup_printf ("Document re_%" G_GINT64_FORMAT,
                                                doc->result->id);

  cairo_set_source_rgb (doc->cr, 0.35, 0.35, 0.35);
  set_font (doc, FALSE, 8);
  text_at (doc, MARGIN, PAGE_HEIGHT - 30,
           "Confidential: protected health information. If you received this "
           "in error, notify the sender and destroy it.");
  text_at (doc, MARGIN, PAGE_HEIGHT - 18, reference);
  text_at (doc, PAGE_WIDTH - MARGIN - text_width (doc, page), PAGE_HEIGHT - 18, page);
  cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
}

/* Pages after the first name the patient again, as clinic forms do. */
static void
draw_continuation (PdfDoc *doc)
{
  g_autofree char *dob = us_date (doc->result->date_of_birth);
  g_autofree char *line = g_strdup_printf ("Patient: %s, %s    DOB: %s",
                                           doc->result->last_name,
                                           doc->result->first_name, dob);

  set_font (doc, FALSE, 9);
  text_at (doc, MARGIN, doc->y, line);
  doc->y += 22;
}

void
pdf_next_page (PdfDoc *doc)
{
  draw_footer (doc);
  cairo_show_page (doc->cr);
  doc->page++;
  draw_letterhead (doc);
  draw_continuation (doc);
}

void
pdf_space (PdfDoc *doc,
           double  points)
{
  doc->y += points;
}

/* --- content ------------------------------------------------------------- */

void
pdf_heading (PdfDoc     *doc,
             const char *text)
{
  doc->y += 6;
  cairo_set_source_rgb (doc->cr, 0.0, 0.35, 0.4);
  set_font (doc, TRUE, 11);
  text_at (doc, MARGIN, doc->y, text);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, MARGIN, doc->y + 4);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y + 4);
  cairo_stroke (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
  doc->y += LINE + 4;
}

/* Label and value pairs, two pairs to a line. */
void
pdf_fields (PdfDoc     *doc,
            const char *first_label,
            ...)
{
  va_list args;
  const char *label = first_label;
  guint column = 0;

  va_start (args, first_label);
  while (label != NULL) {
    const char *value = va_arg (args, const char *);
    double x = MARGIN + column * (CONTENT_WIDTH / 2);
    g_autofree char *label_colon = g_strdup_printf ("%s:", label);
    double label_width;

    set_font (doc, TRUE, 9);
    text_at (doc, x, doc->y, label_colon);
    label_width = text_width (doc, label_colon);
    set_font (doc, FALSE, 9);
    text_at (doc, x + label_width + 5, doc->y, value != NULL ? value : "");

    column = 1 - column;
    if (column == 0)
      doc->y += LINE;
    label = va_arg (args, const char *);
  }
  va_end (args);

  if (column == 1)
    doc->y += LINE;
}

void
pdf_patient (PdfDoc *doc)
{
  const HubdResult *result = doc->result;
  g_autofree char *name = g_strdup_printf ("%s, %s", result->last_name,
                                           result->first_name);
  g_autofree char *dob = us_date (result->date_of_birth);
  g_autofree char *visit = us_date (result->visit_date);

  pdf_heading (doc, "Patient and visit");
  pdf_fields (doc,
              "Patient", name,
              "Date of birth", dob,
              "Employee ID", result->employee_id != NULL ? result->employee_id : "—",
              "Date of service", visit,
              "Employer", result->company_name,
              "Location", result->location_name,
              "Visit type", result->visit_type == HUBD_VISIT_INJURY ? "Injury"
                                                                    : "Non-injury",
              "Claim number", result->claim_number != NULL ? result->claim_number : "—",
              NULL);
}

/* Text wrapped to the content width. */
void
pdf_paragraph (PdfDoc     *doc,
               const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr (GString) line = g_string_new (NULL);

  set_font (doc, FALSE, 9.5);
  for (guint i = 0; words[i] != NULL; i++) {
    g_autofree char *candidate = line->len > 0
      ? g_strdup_printf ("%s %s", line->str, words[i])
      : g_strdup (words[i]);

    if (line->len > 0 && text_width (doc, candidate) > CONTENT_WIDTH) {
      text_at (doc, MARGIN, doc->y, line->str);
      doc->y += LINE - 2;
      g_string_assign (line, words[i]);
    } else {
      g_string_assign (line, candidate);
    }
  }

  if (line->len > 0) {
    text_at (doc, MARGIN, doc->y, line->str);
    doc->y += LINE - 2;
  }
  doc->y += 4;
}

void
pdf_checkbox (PdfDoc     *doc,
              gboolean    checked,
              const char *label)
{
  cairo_set_line_width (doc->cr, 0.8);
  cairo_rectangle (doc->cr, MARGIN + 2, doc->y - 8, 9, 9);
  cairo_stroke (doc->cr);
  if (checked) {
    cairo_move_to (doc->cr, MARGIN + 3.5, doc->y - 3.5);
    cairo_line_to (doc->cr, MARGIN + 6, doc->y - 1);
    cairo_line_to (doc->cr, MARGIN + 10, doc->y - 7);
    cairo_stroke (doc->cr);
  }

  set_font (doc, FALSE, 9.5);
  text_at (doc, MARGIN + 18, doc->y, label);
  doc->y += LINE;
}

/* A row of cells of equal width; a header row is bold, on a tint. */
void
pdf_table_row (PdfDoc     *doc,
               gboolean    header,
               const char *first_cell,
               ...)
{
  va_list args;
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  const char *cell;
  double width;

  va_start (args, first_cell);
  for (cell = first_cell; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);

  width = CONTENT_WIDTH / cells->len;
  if (header) {
    cairo_set_source_rgb (doc->cr, 0.88, 0.94, 0.95);
    cairo_rectangle (doc->cr, MARGIN, doc->y - 11, CONTENT_WIDTH, 15);
    cairo_fill (doc->cr);
    cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
  }

  set_font (doc, header, 9);
  for (guint i = 0; i < cells->len; i++)
    text_at (doc, MARGIN + 4 + i * width, doc->y, g_ptr_array_index (cells, i));

  cairo_set_source_rgb (doc->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (doc->cr, 0.4);
  cairo_move_to (doc->cr, MARGIN, doc->y + 4);
  cairo_line_to (doc->cr, PAGE_WIDTH - MARGIN, doc->y + 4);
  cairo_stroke (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.1, 0.1, 0.1);
  doc->y += LINE;
}

void
pdf_signature (PdfDoc     *doc,
               const char *role)
{
  g_autofree char *date = pdf_date_after (doc, 0);
  g_autofree char *signed_line = g_strdup_printf ("%s, %s", role, doc->provider);
  g_autofree char *date_line = g_strdup_printf ("Date: %s", date);

  doc->y += 26;
  cairo_set_line_width (doc->cr, 0.8);
  cairo_move_to (doc->cr, MARGIN, doc->y);
  cairo_line_to (doc->cr, MARGIN + 250, doc->y);
  cairo_stroke (doc->cr);

  /* An electronic signature, as clinic systems print them. */
  set_font (doc, FALSE, 11);
  cairo_select_font_face (doc->cr, "DejaVu Serif", CAIRO_FONT_SLANT_ITALIC,
                          CAIRO_FONT_WEIGHT_NORMAL);
  text_at (doc, MARGIN + 6, doc->y - 5, doc->provider);

  set_font (doc, FALSE, 8.5);
  text_at (doc, MARGIN, doc->y + 11, signed_line);
  text_at (doc, MARGIN + 320, doc->y + 11, date_line);
  doc->y += 28;
}

/* --- the document ------------------------------------------------------- */

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
hubd_pdf_render (const HubdResult  *result,
                 GError           **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GDateTime) posted = NULL;
  g_autofree char *date = NULL;
  PdfLayout layout;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfDoc doc = { .result = result, .page = 1 };

  g_return_val_if_fail (result != NULL && result->document != NULL, NULL);

  layout = pdf_layout_for (result->document->code);
  g_return_val_if_fail (layout != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes,
                                                 PAGE_WIDTH, PAGE_HEIGHT);
  posted = g_date_time_new_from_unix_utc (result->posted_at);
  date = g_date_time_format (posted, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  result->document->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "HUB Occupational Health");

  doc.cr = cairo_create (surface);
  doc.rand = g_rand_new_with_seed ((guint32) result->id * 2654435761u);
  doc.provider = PDF_PICK (&doc, providers);

  draw_letterhead (&doc);
  layout (&doc);
  draw_footer (&doc);
  cairo_show_page (doc.cr);

  /* Each layout draws as many pages as its type declares. */
  g_warn_if_fail (doc.page == result->document->pages);

  status = cairo_status (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_rand_free (doc.rand);

  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, HUBD_ERROR, HUBD_ERROR_INTERNAL,
                 "Could not draw a document: %s", cairo_status_to_string (status));
    return NULL;
  }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
