/* hubd-documents.c: results' documents, drawn once and kept
 *
 * A document is drawn from its stored result the first time someone
 * asks for it, then kept as DATA_DIR/documents/re_ID.pdf with its SHA-256
 * in the store: the hash is the document's ETag. Drawing every document
 * of a large demo up front would take long and fill the disk for nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-documents.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hubd-pdf.h"

static char *
sha256_of (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* The kept copy, when it is there and still has the recorded hash. */
static GBytes *
read_kept (const char *path,
           const char *expected_sha256)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  char *contents;
  gsize length;

  if (expected_sha256 == NULL ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  bytes = g_bytes_new_take (contents, length);
  sha256 = sha256_of (bytes);
  if (!g_str_equal (sha256, expected_sha256)) {
    g_warning ("The kept copy of a document does not match its hash: "
               "drawing it again");
    return NULL;
  }

  return g_steal_pointer (&bytes);
}

/* The document's bytes, and their SHA-256 in hex in *sha256; the result
 * gets its content_sha256 when the document is first drawn. */
GBytes *
hubd_documents_get (HubdStore   *store,
                    const char  *data_dir,
                    HubdResult  *result,
                    char       **sha256,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (HUBD_IS_STORE (store), NULL);
  g_return_val_if_fail (data_dir != NULL && result != NULL && sha256 != NULL, NULL);

  dir = g_build_filename (data_dir, "documents", NULL);
  name = g_strdup_printf ("re_%" G_GINT64_FORMAT ".pdf", result->id);
  path = g_build_filename (dir, name, NULL);

  bytes = read_kept (path, result->content_sha256);
  if (bytes != NULL) {
    *sha256 = g_strdup (result->content_sha256);
    return g_steal_pointer (&bytes);
  }

  bytes = hubd_pdf_render (result, error);
  if (bytes == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0) {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "Cannot create the documents folder %s: %s", dir,
                 g_strerror (saved_errno));
    return NULL;
  }

  /* Written under a temporary name and renamed: a reader never sees half
   * a document. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  g_clear_pointer (&result->content_sha256, g_free);
  result->content_sha256 = sha256_of (bytes);
  if (!hubd_store_set_result_content (store, result->id, result->content_sha256,
                                      error))
    return NULL;

  *sha256 = g_strdup (result->content_sha256);
  return g_steal_pointer (&bytes);
}
