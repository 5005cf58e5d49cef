/* hub-pdf-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "hub-core-private.h"
#include "hub-error.h"
#include "hub-pdf-merge.h"

/*
 * Merging draws every page of every document, at its own size, onto one
 * cairo PDF surface with poppler, and adds one outline entry per document
 * at its first page. Pages are drawn as for printing, so that what a form
 * shows on paper is what the merged file shows.
 *
 * The work happens in a thread: each document is opened there and used
 * there only. The output goes through HubAtomicFile, so a merge that fails
 * or is cancelled leaves neither a partial file under the final name nor
 * a temporary one.
 */

typedef struct {
  GPtrArray *documents;
  GStrv titles;
  GFile *destination;
  HubProgressCallback progress_callback;
  gpointer progress_data;
  GMainContext *context;
} Merge;

static void
merge_free (Merge *merge)
{
  g_clear_pointer (&merge->documents, g_ptr_array_unref);
  g_clear_pointer (&merge->titles, g_strfreev);
  g_clear_object (&merge->destination);
  g_clear_pointer (&merge->context, g_main_context_unref);
  g_free (merge);
}

typedef struct {
  HubProgressCallback callback;
  gpointer data;
  guint done;
  guint total;
} Progress;

static gboolean
report_progress (gpointer user_data)
{
  Progress *progress = user_data;

  progress->callback (progress->done, progress->total, progress->data);

  return G_SOURCE_REMOVE;
}

/* Reported in the caller's context, before the merge's own callback: both
 * go through that context at the same priority, in order. */
static void
merge_report_progress (Merge *merge,
                       guint  done,
                       guint  total)
{
  Progress *progress;

  if (merge->progress_callback == NULL)
    return;

  progress = g_new0 (Progress, 1);
  progress->callback = merge->progress_callback;
  progress->data = merge->progress_data;
  progress->done = done;
  progress->total = total;

  g_main_context_invoke_full (merge->context, G_PRIORITY_DEFAULT,
                              report_progress, progress, g_free);
}

static const char *
document_title (Merge *merge,
                guint  index)
{
  if (merge->titles != NULL && index < g_strv_length (merge->titles) &&
      merge->titles[index] != NULL && *merge->titles[index] != '\0')
    return merge->titles[index];

  return NULL;
}

/* Names the document that cannot be opened by its place, and its title
 * when it has one, in a whole sentence. */
static GError *
unreadable_error (Merge        *merge,
                  guint         index,
                  const GError *poppler_error)
{
  const char *title = document_title (merge, index);
  guint n = merge->documents->len;

  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (title != NULL)
        /* Translators: "Document 2 of 3, “Audiogram”, is protected…" */
        return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                            _("Document %u of %u, “%s”, is protected by a password "
                              "and cannot be merged. Save it as a separate file "
                              "instead."),
                            index + 1, n, title);

      return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                          _("Document %u of %u is protected by a password and cannot "
                            "be merged. Save it as a separate file instead."),
                          index + 1, n);
    }

  if (title != NULL)
    /* Translators: "Document 2 of 3, “Audiogram”, is damaged…" */
    return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                        _("Document %u of %u, “%s”, is damaged and cannot be merged. "
                          "Download it again, or save the others without it."),
                        index + 1, n, title);

  return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                      _("Document %u of %u is damaged and cannot be merged. Download "
                        "it again, or save the others without it."),
                      index + 1, n);
}

static char *
outline_title (Merge *merge,
               guint  index)
{
  const char *title = document_title (merge, index);

  if (title != NULL)
    return g_strdup (title);

  /* Translators: an entry of a merged PDF's outline, for a document
   * without a title */
  return g_strdup_printf (_("Document %u"), index + 1);
}

/* Opens every document before anything is written, so that a damaged
 * one fails the merge at once. */
static GPtrArray *
open_documents (Merge   *merge,
                guint   *n_pages,
                GError **error)
{
  g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_object_unref);

  *n_pages = 0;

  for (guint i = 0; i < merge->documents->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (merge->documents, i);
      g_autoptr(GError) local_error = NULL;
      PopplerDocument *document;

      document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
      if (document == NULL || poppler_document_get_n_pages (document) <= 0)
        {
          /* The reason goes to the debug log; it names no content. */
          g_debug ("Cannot open a document to merge: %s",
                   local_error != NULL ? local_error->message : "no pages");

          g_propagate_error (error, unreadable_error (merge, i, local_error));
          g_clear_object (&document);
          return NULL;
        }

      *n_pages += poppler_document_get_n_pages (document);
      g_ptr_array_add (opened, document);
    }

  return g_steal_pointer (&opened);
}

typedef struct {
  HubAtomicFile *file;
  GError *error;
} Output;

static cairo_status_t
write_output (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  Output *output = closure;

  if (output->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!hub_atomic_file_write (output->file, data, length, &output->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Draws every page onto @surface; FALSE when cancelled. */
static gboolean
draw_documents (Merge           *merge,
                GPtrArray       *opened,
                cairo_surface_t *surface,
                guint            n_pages,
                GCancellable    *cancellable)
{
  cairo_t *cr = cairo_create (surface);
  guint done = 0;

  for (guint i = 0; i < opened->len; i++)
    {
      PopplerDocument *document = g_ptr_array_index (opened, i);
      int n = poppler_document_get_n_pages (document);

      for (int p = 0; p < n; p++)
        {
          PopplerPage *page;
          double width = 0;
          double height = 0;

          if (g_cancellable_is_cancelled (cancellable))
            {
              cairo_destroy (cr);
              return FALSE;
            }

          /* poppler-glib of the floor has no autoptr for its types. */
          page = poppler_document_get_page (document, p);

          poppler_page_get_size (page, &width, &height);
          cairo_pdf_surface_set_size (surface, width, height);

          if (p == 0)
            {
              g_autofree char *title = outline_title (merge, i);
              g_autofree char *link = g_strdup_printf ("page=%u", done + 1);

              cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                             title, link, 0);
            }

          cairo_save (cr);
          poppler_page_render_for_printing (page, cr);
          cairo_restore (cr);
          cairo_show_page (cr);
          g_object_unref (page);

          merge_report_progress (merge, ++done, n_pages);
        }
    }

  cairo_destroy (cr);
  return TRUE;
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Merge *merge = task_data;
  g_autoptr(GPtrArray) opened = NULL;
  HubAtomicFile file = { -1, NULL, NULL };
  Output output = { &file, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  GError *error = NULL;
  gboolean drawn;
  guint n_pages;

  if (!(opened = open_documents (merge, &n_pages, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!hub_atomic_file_open (&file, merge->destination, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  merge_report_progress (merge, 0, n_pages);

  /* The first page sets its own size like every other. */
  surface = cairo_pdf_surface_create_for_stream (write_output, &output, 612, 792);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "HUB Desk");

  drawn = draw_documents (merge, opened, surface, n_pages, cancellable);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!drawn)
    {
      g_clear_error (&output.error);
      hub_atomic_file_clear (&file);
      g_task_return_error (task, hub_error_new_cancelled ());
      return;
    }

  if (output.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      hub_atomic_file_clear (&file);
      if (output.error == NULL)
        {
          g_debug ("Merging failed in cairo: %s", cairo_status_to_string (status));
          output.error = g_error_new_literal (HUB_ERROR, HUB_ERROR_FAILED,
                                              _("The documents could not be merged. "
                                                "Save them as separate files instead."));
        }
      g_task_return_error (task, output.error);
      return;
    }

  if (!hub_atomic_file_commit (&file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * hub_pdf_merge_async:
 * @documents: (element-type GBytes): the PDF documents, in order; at
 *   least one
 * @titles: (nullable): a title per document for
 *   the merged file's outline, such as the employee and document name;
 *   "Document N" where missing
 * @destination: the file to create or replace, on this computer
 * @progress_callback: (nullable) (scope notified): called with the pages
 *   drawn and the pages in all, in the caller's thread-default main
 *   context
 * @progress_data: data for @progress_callback; it must live until
 *   @callback has run
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is saved, or the merge failed
 * @user_data: data for @callback
 *
 * Saves the documents as one PDF, every page at its own size, with an
 * outline entry per document at its first page, in a thread. Either the
 * whole merged file ends up under @destination or nothing does, and no
 * temporary file stays behind. A document that cannot be opened fails
 * the merge with a message that says which one.
 */
void
hub_pdf_merge_async (GPtrArray           *documents,
                     GStrv                titles,
                     GFile               *destination,
                     HubProgressCallback  progress_callback,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Merge *merge;

  g_return_if_fail (documents != NULL && documents->len > 0);
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  merge = g_new0 (Merge, 1);
  merge->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (merge->documents, g_bytes_ref (g_ptr_array_index (documents, i)));
  merge->titles = g_strdupv (titles);
  merge->destination = g_object_ref (destination);
  merge->progress_callback = progress_callback;
  merge->progress_data = progress_data;
  merge->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_pdf_merge_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, merge, (GDestroyNotify) merge_free);

  g_task_run_in_thread (task, merge_thread);
}

gboolean
hub_pdf_merge_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_pdf_merge_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
