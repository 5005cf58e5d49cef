/* hub-vault.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-core-private.h"
#include "hub-error.h"
#include "hub-vault.h"
#include "hub-vault-key-private.h"

/*
 * A vault is a folder of files sealed with libsodium's secretstream
 * (XChaCha20-Poly1305). A file is:
 *
 *   "HUBVLT01"                      the format, 8 bytes
 *   the secretstream header         24 bytes
 *   chunks                          each CHUNK_SIZE bytes of plaintext plus
 *                                   a 17-byte tag, the last one shorter
 *                                   (possibly empty) and tagged FINAL
 *
 * The first chunk authenticates the format and the file's name as its
 * additional data, so a file renamed to another document's name does not
 * open. Every chunk is authenticated and the stream must end with FINAL
 * exactly at the end of the file, so a tampered, truncated or extended
 * file is refused as a whole; no plaintext leaves a failed load.
 *
 * Files are written as ".NAME.XXXXXX" beside their final name, synced and
 * renamed, so a name holds either the previous file or the whole new one.
 * Names are restricted to a small alphabet, which keeps them inside the
 * folder and apart from the temporary files.
 */

#define FORMAT_MAGIC "HUBVLT01"
#define FORMAT_MAGIC_SIZE 8
#define HEADER_SIZE crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define CHUNK_SIZE 65536
#define TAG_SIZE crypto_secretstream_xchacha20poly1305_ABYTES
#define SEALED_CHUNK_SIZE (CHUNK_SIZE + TAG_SIZE)
#define TEMP_SUFFIX_SIZE 6

struct _HubVault {
  GObject parent_instance;

  GFile *folder;
  char *path;
  HubVaultKey *key;
};

G_DEFINE_FINAL_TYPE (HubVault, hub_vault, G_TYPE_OBJECT)

static void
hub_vault_finalize (GObject *object)
{
  HubVault *self = HUB_VAULT (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->key);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (hub_vault_parent_class)->finalize (object);
}

static void
hub_vault_class_init (HubVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_vault_finalize;
}

static void
hub_vault_init (HubVault *self)
{
}

/**
 * hub_vault_new:
 * @folder: a folder on this computer; created when first written to
 * @key: the key to seal and open files with
 *
 * Returns: (transfer full): a vault of the files in @folder
 */
HubVault *
hub_vault_new (GFile       *folder,
               HubVaultKey *key)
{
  HubVault *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (g_file_is_native (folder), NULL);
  g_return_val_if_fail (HUB_IS_VAULT_KEY (key), NULL);

  self = g_object_new (HUB_TYPE_VAULT, NULL);
  self->folder = g_object_ref (folder);
  self->path = g_file_get_path (folder);
  self->key = g_object_ref (key);

  return self;
}

/**
 * hub_vault_get_folder:
 * @self: a #HubVault
 *
 * Returns: (transfer none): the folder of the sealed files
 */
GFile *
hub_vault_get_folder (HubVault *self)
{
  g_return_val_if_fail (HUB_IS_VAULT (self), NULL);

  return self->folder;
}

/**
 * hub_vault_is_valid_name:
 * @name: (nullable): a name
 *
 * Returns: whether @name may name a sealed file: 1 to
 *   %HUB_VAULT_NAME_MAX of the characters A-Z, a-z, 0-9, "-" and "_"
 */
gboolean
hub_vault_is_valid_name (const char *name)
{
  gsize length = 0;

  if (name == NULL)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++, length++) {
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  }

  return length > 0 && length <= HUB_VAULT_NAME_MAX;
}

/* A leftover ".NAME.XXXXXX" of an interrupted store. */
static gboolean
is_temporary_name (const char *entry)
{
  g_autofree char *name = NULL;
  const char *last_dot;

  if (entry[0] != '.')
    return FALSE;

  last_dot = strrchr (entry, '.');
  if (last_dot == entry || strlen (last_dot + 1) != TEMP_SUFFIX_SIZE)
    return FALSE;

  name = g_strndup (entry + 1, last_dot - entry - 1);

  return hub_vault_is_valid_name (name);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (hub_vault_is_valid_name (name))
    return TRUE;

  g_set_error_literal (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT,
                       _("An offline document’s name may only hold letters, "
                         "digits, “-” and “_”, at most 64 of them."));
  return FALSE;
}

static GError *
damaged_error (const char *why)
{
  /* Why, for a developer; never a byte of the file. */
  g_debug ("Sealed file refused: %s", why);

  return g_error_new_literal (HUB_ERROR, HUB_ERROR_FAILED,
                              _("The offline copy of this document is "
                                "damaged; download it again."));
}

static GError *
write_error (int saved_errno)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_FAILED,
                                _("The document cannot be kept offline: the "
                                  "disk is full. Free some space and try "
                                  "again."));

  /* Translators: %s is the system's reason, such as "Permission denied" */
  return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                      _("The document cannot be kept offline: %s."),
                      g_strerror (saved_errno));
}

static GError *
read_error (int saved_errno)
{
  /* Translators: %s is the system's reason, such as "Permission denied" */
  return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                      _("The offline copy of this document cannot be read: "
                        "%s."),
                      g_strerror (saved_errno));
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          size,
           GError       **error)
{
  while (size > 0) {
    gssize written = write (fd, data, size);

    if (written < 0 && errno == EINTR)
      continue;

    if (written <= 0) {
      g_propagate_error (error, write_error (written < 0 ? errno : EIO));
      return FALSE;
    }

    data += written;
    size -= written;
  }

  return TRUE;
}

/* Reads exactly @size bytes; a file that ends early is damaged. */
static gboolean
read_exactly (int      fd,
              guint8  *data,
              gsize    size,
              GError **error)
{
  while (size > 0) {
    gssize got = read (fd, data, size);

    if (got < 0 && errno == EINTR)
      continue;

    if (got < 0) {
      g_propagate_error (error, read_error (errno));
      return FALSE;
    }

    if (got == 0) {
      g_propagate_error (error, damaged_error ("shorter than it was"));
      return FALSE;
    }

    data += got;
    size -= got;
  }

  return TRUE;
}

/* The first chunk's additional data: the format and the name. */
static guint8 *
make_first_ad (const char *name,
               gsize      *size)
{
  gsize name_length = strlen (name);
  guint8 *ad = g_malloc (FORMAT_MAGIC_SIZE + name_length);

  memcpy (ad, FORMAT_MAGIC, FORMAT_MAGIC_SIZE);
  memcpy (ad + FORMAT_MAGIC_SIZE, name, name_length);
  *size = FORMAT_MAGIC_SIZE + name_length;

  return ad;
}

/* Makes sure a rename in @path survives a crash; not every file system
 * can sync a folder, and the rename is done either way. */
static void
sync_folder (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;

  if (fsync (fd) != 0)
    g_debug ("Cannot sync the vault folder: %s", g_strerror (errno));
  close (fd);
}

/* --- store --------------------------------------------------------------- */

typedef struct {
  char *name;
  GBytes *plaintext;
} Store;

static void
store_free (Store *store)
{
  g_free (store->name);
  g_bytes_unref (store->plaintext);
  g_free (store);
}

static gboolean
seal_to_fd (HubVault      *self,
            int            fd,
            const char    *name,
            GBytes        *plaintext,
            GCancellable  *cancellable,
            GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 header[HEADER_SIZE];
  g_autofree guint8 *sealed = g_malloc (SEALED_CHUNK_SIZE);
  g_autofree guint8 *first_ad = NULL;
  gsize first_ad_size = 0;
  const guint8 *data;
  gsize size;
  gsize offset = 0;
  gboolean last;
  gboolean ok = TRUE;

  data = g_bytes_get_data (plaintext, &size);
  first_ad = make_first_ad (name, &first_ad_size);

  crypto_secretstream_xchacha20poly1305_init_push (&state, header,
                                                   hub_vault_key_peek_bytes (self->key));

  if (!write_all (fd, (const guint8 *) FORMAT_MAGIC, FORMAT_MAGIC_SIZE, error) ||
      !write_all (fd, header, HEADER_SIZE, error))
    ok = FALSE;

  /* An empty document is one empty FINAL chunk. */
  for (last = FALSE; ok && !last; ) {
    gsize length = MIN (CHUNK_SIZE, size - offset);
    unsigned long long sealed_length = 0;
    unsigned char tag;

    if (g_cancellable_is_cancelled (cancellable)) {
      g_propagate_error (error, hub_error_new_cancelled ());
      ok = FALSE;
      break;
    }

    last = offset + length == size;
    tag = last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
               : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    crypto_secretstream_xchacha20poly1305_push (&state,
                                                sealed, &sealed_length,
                                                data + offset, length,
                                                offset == 0 ? first_ad : NULL,
                                                offset == 0 ? first_ad_size : 0,
                                                tag);
    ok = write_all (fd, sealed, sealed_length, error);
    offset += length;
  }

  sodium_memzero (&state, sizeof state);

  return ok;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  HubVault *self = source_object;
  Store *store = task_data;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  GError *error = NULL;
  int fd;

  if (g_mkdir_with_parents (self->path, 0700) != 0) {
    g_task_return_error (task, write_error (errno));
    return;
  }

  path = g_build_filename (self->path, store->name, NULL);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", self->path, store->name);

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    g_task_return_error (task, write_error (errno));
    return;
  }

  if (!seal_to_fd (self, fd, store->name, store->plaintext, cancellable, &error)) {
    close (fd);
    g_unlink (tmp_path);
    g_task_return_error (task, error);
    return;
  }

  /* The last moment a cancel can still leave the name untouched. */
  if (g_cancellable_is_cancelled (cancellable)) {
    close (fd);
    g_unlink (tmp_path);
    g_task_return_error (task, hub_error_new_cancelled ());
    return;
  }

  /* A failed close() still releases the descriptor. */
  if (fsync (fd) != 0) {
    int saved_errno = errno;

    close (fd);
    g_unlink (tmp_path);
    g_task_return_error (task, write_error (saved_errno));
    return;
  }

  if (close (fd) != 0 || g_rename (tmp_path, path) != 0) {
    int saved_errno = errno;

    g_unlink (tmp_path);
    g_task_return_error (task, write_error (saved_errno));
    return;
  }

  sync_folder (self->path);

  g_task_return_boolean (task, TRUE);
}

/**
 * hub_vault_store_async:
 * @self: a #HubVault
 * @name: the file's name (see hub_vault_is_valid_name())
 * @plaintext: what to seal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is stored or failed
 * @user_data: data for @callback
 *
 * Seals @plaintext in a thread and puts it under @name, replacing what
 * was there. The name holds either its previous file or the whole new
 * one, never part of one, and a failed or cancelled store leaves no
 * temporary file. The file is readable by the user only.
 */
void
hub_vault_store_async (HubVault            *self,
                       const char          *name,
                       GBytes              *plaintext,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Store *store;

  g_return_if_fail (HUB_IS_VAULT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (plaintext != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_vault_store_async);
  /* Cancellation is reported in the HUB_ERROR domain. */
  g_task_set_check_cancellable (task, FALSE);

  if (!check_name (name, &error)) {
    g_task_return_error (task, error);
    return;
  }

  store = g_new0 (Store, 1);
  store->name = g_strdup (name);
  store->plaintext = g_bytes_ref (plaintext);
  g_task_set_task_data (task, store, (GDestroyNotify) store_free);

  g_task_run_in_thread (task, store_thread);
}

gboolean
hub_vault_store_finish (HubVault      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (HUB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_vault_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- load ---------------------------------------------------------------- */

/* Opens the stream of @fd into @out, which has room for every byte the
 * file can hold; returns the number written, or -1. */
static gssize
open_from_fd (HubVault      *self,
              int            fd,
              const char    *name,
              goffset        body_size,
              guint8        *out,
              GCancellable  *cancellable,
              GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 magic[FORMAT_MAGIC_SIZE];
  guint8 header[HEADER_SIZE];
  g_autofree guint8 *sealed = g_malloc (SEALED_CHUNK_SIZE);
  g_autofree guint8 *first_ad = NULL;
  gsize first_ad_size = 0;
  gsize written = 0;
  gboolean first = TRUE;
  gssize result = -1;

  first_ad = make_first_ad (name, &first_ad_size);

  if (!read_exactly (fd, magic, FORMAT_MAGIC_SIZE, error) ||
      !read_exactly (fd, header, HEADER_SIZE, error))
    return -1;

  if (memcmp (magic, FORMAT_MAGIC, FORMAT_MAGIC_SIZE) != 0) {
    g_propagate_error (error, damaged_error ("not in the vault's format"));
    return -1;
  }

  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, header,
                                                       hub_vault_key_peek_bytes (self->key)) != 0) {
    g_propagate_error (error, damaged_error ("invalid header"));
    return -1;
  }

  while (TRUE) {
    gsize length = MIN (SEALED_CHUNK_SIZE, body_size);
    unsigned long long opened_length = 0;
    unsigned char tag = 0;

    if (g_cancellable_is_cancelled (cancellable)) {
      g_propagate_error (error, hub_error_new_cancelled ());
      break;
    }

    if (length < TAG_SIZE) {
      g_propagate_error (error, damaged_error ("ends without a final chunk"));
      break;
    }

    if (!read_exactly (fd, sealed, length, error))
      break;
    body_size -= length;

    if (crypto_secretstream_xchacha20poly1305_pull (&state,
                                                    out + written, &opened_length, &tag,
                                                    sealed, length,
                                                    first ? first_ad : NULL,
                                                    first ? first_ad_size : 0) != 0) {
      g_propagate_error (error, damaged_error ("a chunk fails authentication"));
      break;
    }
    written += opened_length;
    first = FALSE;

    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (body_size != 0)
        g_propagate_error (error, damaged_error ("data after the final chunk"));
      else
        result = written;
      break;
    }

    if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
      g_propagate_error (error, damaged_error ("an unexpected chunk tag"));
      break;
    }
  }

  sodium_memzero (&state, sizeof state);

  return result;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HubVault *self = source_object;
  const char *name = task_data;
  g_autofree char *path = g_build_filename (self->path, name, NULL);
  GError *error = NULL;
  struct stat info;
  goffset body_size;
  goffset full_chunks;
  goffset rest;
  gsize capacity;
  guint8 *plaintext;
  gssize length;
  int fd;

  /* A symbolic link is nothing the vault wrote. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0) {
    if (errno == ENOENT)
      g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_NOT_FOUND,
                               _("This document is not kept offline; "
                                 "download it again."));
    else if (errno == ELOOP)
      g_task_return_error (task, damaged_error ("a symbolic link"));
    else
      g_task_return_error (task, read_error (errno));
    return;
  }

  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) ||
      info.st_size < FORMAT_MAGIC_SIZE + HEADER_SIZE + TAG_SIZE) {
    close (fd);
    g_task_return_error (task, damaged_error ("too short to be sealed"));
    return;
  }

  /* Every chunk carries a tag, so the plaintext is at most this long; a
   * last piece shorter than a tag is refused before it is opened. */
  body_size = info.st_size - FORMAT_MAGIC_SIZE - HEADER_SIZE;
  full_chunks = body_size / SEALED_CHUNK_SIZE;
  rest = body_size % SEALED_CHUNK_SIZE;
  capacity = full_chunks * CHUNK_SIZE + (rest > TAG_SIZE ? rest - TAG_SIZE : 0);
  plaintext = g_try_malloc (MAX (capacity, 1));
  if (plaintext == NULL) {
    close (fd);
    g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_FAILED,
                             _("The offline copy of this document is too "
                               "large to open on this computer."));
    return;
  }

  length = open_from_fd (self, fd, name, body_size, plaintext, cancellable, &error);
  close (fd);

  if (length < 0) {
    /* Whatever was opened before the failure goes with it. */
    sodium_memzero (plaintext, MAX (capacity, 1));
    g_free (plaintext);
    g_task_return_error (task, error);
    return;
  }

  g_task_return_pointer (task, g_bytes_new_take (plaintext, length),
                         (GDestroyNotify) g_bytes_unref);
}

/**
 * hub_vault_load_async:
 * @self: a #HubVault
 * @name: the file's name (see hub_vault_is_valid_name())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is opened or failed
 * @user_data: data for @callback
 *
 * Opens the file stored under @name in a thread, checking all of it.
 */
void
hub_vault_load_async (HubVault            *self,
                      const char          *name,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (HUB_IS_VAULT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_vault_load_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!check_name (name, &error)) {
    g_task_return_error (task, error);
    return;
  }

  g_task_set_task_data (task, g_strdup (name), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * hub_vault_load_finish:
 * @self: a #HubVault
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the plaintext, or %NULL with
 *   %HUB_ERROR_NOT_FOUND when nothing is stored under the name, or
 *   %HUB_ERROR_FAILED when the file is damaged, was sealed under another
 *   name or with another key
 */
GBytes *
hub_vault_load_finish (HubVault      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (HUB_IS_VAULT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_vault_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the folder ---------------------------------------------------------- */

/**
 * hub_vault_remove:
 * @self: a #HubVault
 * @name: the file's name (see hub_vault_is_valid_name())
 * @error: return location for an error
 *
 * Removes the file stored under @name. Removing what is not there is a
 * success.
 *
 * Returns: whether nothing is stored under @name any more
 */
gboolean
hub_vault_remove (HubVault    *self,
                  const char  *name,
                  GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUB_IS_VAULT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!check_name (name, error))
    return FALSE;

  path = g_build_filename (self->path, name, NULL);
  if (g_unlink (path) != 0 && errno != ENOENT) {
    int saved_errno = errno;

    /* Translators: %s is the system's reason, such as "Permission denied" */
    g_set_error (error, HUB_ERROR, HUB_ERROR_FAILED,
                 _("The offline copy of this document cannot be removed: %s."),
                 g_strerror (saved_errno));
    return FALSE;
  }

  return TRUE;
}

/**
 * hub_vault_contains:
 * @self: a #HubVault
 * @name: a name
 *
 * Returns: whether a file is stored under @name; %FALSE for a name that
 *   is not valid. The file is not checked; loading it does that.
 */
gboolean
hub_vault_contains (HubVault   *self,
                    const char *name)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HUB_IS_VAULT (self), FALSE);

  if (!hub_vault_is_valid_name (name))
    return FALSE;

  path = g_build_filename (self->path, name, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Opens the folder; a folder never written to yet holds nothing. */
static GDir *
open_folder (HubVault  *self,
             gboolean  *missing,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  GDir *dir;

  *missing = FALSE;

  dir = g_dir_open (self->path, 0, &local_error);
  if (dir != NULL)
    return dir;

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
    *missing = TRUE;
    return NULL;
  }

  g_debug ("Cannot open the vault folder: %s", local_error->message);
  g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                       _("The offline library cannot be read. Check that "
                         "your home folder is readable."));
  return NULL;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * hub_vault_list:
 * @self: a #HubVault
 * @error: return location for an error
 *
 * Returns: (transfer full): the names of the stored files, sorted; empty
 *   when the folder does not exist yet
 */
GStrv
hub_vault_list (HubVault  *self,
                GError   **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GDir) dir = NULL;
  GStrv names;
  gboolean missing;
  const char *entry;

  g_return_val_if_fail (HUB_IS_VAULT (self), NULL);

  dir = open_folder (self, &missing, error);
  if (dir == NULL && !missing)
    return NULL;

  builder = g_strv_builder_new ();

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = NULL;

    /* Temporary files and anything else start outside the alphabet. */
    if (!hub_vault_is_valid_name (entry))
      continue;

    path = g_build_filename (self->path, entry, NULL);
    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      g_strv_builder_add (builder, entry);
  }

  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  return names;
}

/**
 * hub_vault_wipe:
 * @self: a #HubVault
 * @error: return location for an error
 *
 * Removes every stored file and every temporary file an interrupted store
 * left behind. Other files in the folder are left alone.
 *
 * Returns: whether every such file is gone
 */
gboolean
hub_vault_wipe (HubVault  *self,
                GError   **error)
{
  g_autoptr(GDir) dir = NULL;
  gboolean missing;
  int failed_errno = 0;
  const char *entry;

  g_return_val_if_fail (HUB_IS_VAULT (self), FALSE);

  dir = open_folder (self, &missing, error);
  if (dir == NULL)
    return missing;

  /* Keep going past a failure: every file removed is one less left. */
  while ((entry = g_dir_read_name (dir)) != NULL) {
    g_autofree char *path = NULL;

    if (!hub_vault_is_valid_name (entry) && !is_temporary_name (entry))
      continue;

    path = g_build_filename (self->path, entry, NULL);
    if (g_unlink (path) != 0 && errno != ENOENT && failed_errno == 0)
      failed_errno = errno;
  }

  if (failed_errno != 0) {
    /* Translators: %s is the system's reason, such as "Permission denied" */
    g_set_error (error, HUB_ERROR, HUB_ERROR_FAILED,
                 _("Some offline documents cannot be removed: %s."),
                 g_strerror (failed_errno));
    return FALSE;
  }

  sync_folder (self->path);

  return TRUE;
}
