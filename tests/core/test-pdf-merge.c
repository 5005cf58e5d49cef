/* test-pdf-merge.c: merging PDF documents into one, and saving bytes,
 * atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>

#include "hub-core.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of @n_pages pages of @width × @height points, each saying which
 * document and page it is. */
static GBytes *
make_pdf (const char *name,
          guint       n_pages,
          double      width,
          double      height)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s page %u", name, i + 1);

      cairo_move_to (cr, 72, 72);
      cairo_set_font_size (cr, 18);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

typedef struct {
  char *dir;
  GFile *destination;
  GPtrArray *documents;
  guint n_progress;
  guint last_done;
  guint last_total;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("hub-merge-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "Results 2026-11.pdf", NULL);
  fixture->destination = g_file_new_for_path (path);

  fixture->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_ptr_array_add (fixture->documents, make_pdf ("Alpha", 1, 612, 792));
  g_ptr_array_add (fixture->documents, make_pdf ("Beta", 2, 595, 842));
  g_ptr_array_add (fixture->documents, make_pdf ("Gamma", 3, 792, 612));
}

/* The names in the folder, sorted. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  {
    g_auto(GStrv) strv = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);

    return g_strjoinv ("|", strv);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_object (&fixture->destination);
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, fixture->last_done);
  fixture->n_progress++;
  fixture->last_done = done;
  fixture->last_total = total;
}

static gboolean
merge (Fixture             *fixture,
       const char * const  *titles,
       GCancellable        *cancellable,
       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_pdf_merge_async (fixture->documents, (GStrv) titles, fixture->destination,
                       on_progress, fixture, cancellable, on_result, &result);

  return hub_pdf_merge_finish (wait_for (&result), error);
}

static PopplerDocument *
open_destination (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (fixture->destination);
  PopplerDocument *document;

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
assert_page (PopplerDocument *document,
             int              index,
             double           width,
             double           height,
             const char      *text)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  g_autofree char *page_text = poppler_page_get_text (page);
  double page_width;
  double page_height;

  poppler_page_get_size (page, &page_width, &page_height);
  g_assert_cmpfloat_with_epsilon (page_width, width, 0.5);
  g_assert_cmpfloat_with_epsilon (page_height, height, 0.5);
  g_assert_nonnull (strstr (page_text, text));
  g_object_unref (page);
}

/* --- merging ------------------------------------------------------------------ */

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const titles[] = {
    "Núñez, José — Work Status Report",
    "Lee, Ann — Audiogram",
    "Smith, Bo — Fit Test",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  PopplerDocument *document;
  PopplerIndexIter *iter;
  guint n_entries = 0;
  struct stat info;

  g_assert_true (merge (fixture, titles, NULL, &error));
  g_assert_no_error (error);

  /* Every page, in order, at its own size. */
  document = open_destination (fixture);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 6);
  assert_page (document, 0, 612, 792, "Alpha page 1");
  assert_page (document, 1, 595, 842, "Beta page 1");
  assert_page (document, 2, 595, 842, "Beta page 2");
  assert_page (document, 3, 792, 612, "Gamma page 1");
  assert_page (document, 5, 792, 612, "Gamma page 3");

  /* One outline entry per document, at its first page. */
  iter = poppler_index_iter_new (document);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      static const int first_pages[] = { 1, 2, 4 };

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_cmpstr (action->any.title, ==, titles[n_entries]);
      if (action->goto_dest.dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *dest = poppler_document_find_dest (document,
                                                          action->goto_dest.dest->named_dest);

          g_assert_cmpint (dest->page_num, ==, first_pages[n_entries]);
          poppler_dest_free (dest);
        }
      else
        {
          g_assert_cmpint (action->goto_dest.dest->page_num, ==, first_pages[n_entries]);
        }

      poppler_action_free (action);
      n_entries++;
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpuint (n_entries, ==, 3);
  g_object_unref (document);

  /* Progress counted the pages, to the end. */
  g_assert_cmpuint (fixture->n_progress, >=, 2);
  g_assert_cmpuint (fixture->last_done, ==, 6);
  g_assert_cmpuint (fixture->last_total, ==, 6);

  /* Nothing else in the folder, and the file is the user's alone. */
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "Results 2026-11.pdf");
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->destination), &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_merge_without_titles (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerIndexIter *iter;
  PopplerAction *action;

  g_assert_true (merge (fixture, NULL, NULL, &error));

  document = open_destination (fixture);
  iter = poppler_index_iter_new (document);
  action = poppler_index_iter_get_action (iter);
  g_assert_cmpstr (action->any.title, ==, "Document 1");
  poppler_action_free (action);
  poppler_index_iter_free (iter);
  g_object_unref (document);
}

static void
test_merge_replaces (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  PopplerDocument *document;

  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->destination), "old", 3,
                                      NULL));

  g_assert_true (merge (fixture, NULL, NULL, &error));
  document = open_destination (fixture);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 6);
  g_object_unref (document);

  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "Results 2026-11.pdf");
}

static void
test_merge_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *contents = NULL;

  /* A cancelled merge leaves what was there, and nothing else. */
  g_assert_true (g_file_set_contents (g_file_peek_path (fixture->destination), "old", 3,
                                      NULL));
  g_cancellable_cancel (cancellable);

  g_assert_false (merge (fixture, NULL, cancellable, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);

  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "Results 2026-11.pdf");
  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->destination), &contents,
                                      NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
}

static void
test_merge_cancelled_new (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (merge (fixture, NULL, cancellable, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);

  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_merge_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const titles[] = { "Alpha", "Beta", "Gamma", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) untitled_error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GBytes) truncated = NULL;
  GBytes *good = g_ptr_array_index (fixture->documents, 1);

  /* The second document, cut short. */
  truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 3);
  g_ptr_array_index (fixture->documents, 1) = g_bytes_ref (truncated);
  g_bytes_unref (good);

  g_assert_false (merge (fixture, titles, NULL, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message,
                                   "Document 2 of 3, “Beta”, is damaged and cannot be "
                                   "merged."));

  g_assert_false (merge (fixture, NULL, NULL, &untitled_error));
  g_assert_true (g_str_has_prefix (untitled_error->message,
                                   "Document 2 of 3 is damaged and cannot be merged."));

  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_merge_unwritable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "merged.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->destination);
  fixture->destination = g_file_new_for_path (path);

  g_assert_false (merge (fixture, NULL, NULL, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "merged.pdf"));
}

/* --- saving bytes ----------------------------------------------------------------- */

static gboolean
save (GBytes        *bytes,
      GFile         *destination,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_save_bytes_async (bytes, destination, cancellable, on_result, &result);

  return hub_save_bytes_finish (wait_for (&result), error);
}

static void
test_save_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  GBytes *document = g_ptr_array_index (fixture->documents, 2);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct stat info;

  g_assert_true (save (document, fixture->destination, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (g_file_peek_path (fixture->destination), &contents,
                                      &length, NULL));
  saved = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (g_bytes_equal (saved, document));
  g_assert_cmpint (g_stat (g_file_peek_path (fixture->destination), &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Saved again over itself: still one file. */
  g_assert_true (save (g_ptr_array_index (fixture->documents, 0), fixture->destination,
                       NULL, &error));
  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "Results 2026-11.pdf");
}

static void
test_save_bytes_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (save (g_ptr_array_index (fixture->documents, 0), fixture->destination,
                        cancellable, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);

  names = list_dir (fixture->dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_save_bytes_unwritable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (save (g_ptr_array_index (fixture->documents, 0), destination, NULL, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "“report.pdf” cannot be saved"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/pdf-merge/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("merge", test_merge);
  ADD ("merge-without-titles", test_merge_without_titles);
  ADD ("merge-replaces", test_merge_replaces);
  ADD ("merge-cancelled", test_merge_cancelled);
  ADD ("merge-cancelled-new", test_merge_cancelled_new);
  ADD ("merge-damaged", test_merge_damaged);
  ADD ("merge-unwritable", test_merge_unwritable);
  ADD ("save-bytes", test_save_bytes);
  ADD ("save-bytes-cancelled", test_save_bytes_cancelled);
  ADD ("save-bytes-unwritable", test_save_bytes_unwritable);

#undef ADD

  return g_test_run ();
}
