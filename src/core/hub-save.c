/* hub-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hub-core-private.h"
#include "hub-error.h"
#include "hub-save.h"

/*
 * A file is written under a temporary name in its destination's folder
 * and renamed over the destination only once it is complete and on disk,
 * so that the final name holds either the old file or the whole new one.
 * The temporary file is private to the user (0600): what HUB Desk saves
 * is health information.
 */

static GError *
save_error (const char *path,
            int         saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                        _("“%s” cannot be saved: the disk is full. Free some "
                          "space or choose another folder."),
                        name);

  if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                        _("“%s” cannot be saved: HUB Desk may not write in "
                          "that folder. Choose another folder."),
                        name);

  /* Translators: the first %s is a file name, the second the system's
   * reason, such as "No such file or directory" */
  return g_error_new (HUB_ERROR, HUB_ERROR_FAILED,
                      _("“%s” cannot be saved: %s. Choose another folder."),
                      name, g_strerror (saved_errno));
}

/* Opens a temporary file beside @destination. */
gboolean
hub_atomic_file_open (HubAtomicFile  *file,
                      GFile          *destination,
                      GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  file->fd = -1;
  file->tmp_path = NULL;
  file->path = g_file_get_path (destination);

  if (file->path == NULL)
    {
      g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                           _("HUB Desk saves only to folders on this computer. "
                             "Choose another folder."));
      return FALSE;
    }

  dir = g_path_get_dirname (file->path);
  base = g_path_get_basename (file->path);
  template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  file->fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (file->fd < 0)
    {
      int saved_errno = errno;

      g_propagate_error (error, save_error (file->path, saved_errno));
      g_clear_pointer (&file->path, g_free);
      return FALSE;
    }

  file->tmp_path = g_steal_pointer (&template);
  return TRUE;
}

gboolean
hub_atomic_file_write (HubAtomicFile  *file,
                       const guint8   *data,
                       gsize           size,
                       GError        **error)
{
  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  while (size > 0)
    {
      gssize written = write (file->fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;

      if (written <= 0)
        {
          g_propagate_error (error, save_error (file->path, written < 0 ? errno : EIO));
          return FALSE;
        }

      data += written;
      size -= written;
    }

  return TRUE;
}

/* Puts the whole file under its final name, or leaves nothing. */
gboolean
hub_atomic_file_commit (HubAtomicFile  *file,
                        GError        **error)
{
  int fd;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  fd = file->fd;
  file->fd = -1;

  if (fsync (fd) != 0 || close (fd) != 0 || g_rename (file->tmp_path, file->path) != 0)
    {
      int saved_errno = errno;

      g_propagate_error (error, save_error (file->path, saved_errno));
      g_unlink (file->tmp_path);
      hub_atomic_file_clear (file);
      return FALSE;
    }

  hub_atomic_file_clear (file);
  return TRUE;
}

/* Removes the temporary file, if it is still there, and forgets it. */
void
hub_atomic_file_clear (HubAtomicFile *file)
{
  g_return_if_fail (file != NULL);

  if (file->fd >= 0)
    {
      close (file->fd);
      file->fd = -1;
      g_unlink (file->tmp_path);
    }

  g_clear_pointer (&file->tmp_path, g_free);
  g_clear_pointer (&file->path, g_free);
}

/* --- saving bytes ----------------------------------------------------------- */

static void
save_bytes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *destination = g_object_get_data (G_OBJECT (task), "destination");
  HubAtomicFile file = { -1, NULL, NULL };
  GError *error = NULL;
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);

  if (!hub_atomic_file_open (&file, destination, &error) ||
      !hub_atomic_file_write (&file, data, size, &error))
    {
      hub_atomic_file_clear (&file);
      g_task_return_error (task, error);
      return;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      hub_atomic_file_clear (&file);
      g_task_return_error (task, hub_error_new_cancelled ());
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
 * hub_save_bytes_async:
 * @bytes: what to save
 * @destination: the file to create or replace, on this computer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is saved or failed
 * @user_data: data for @callback
 *
 * Saves @bytes in a thread, atomically: the destination holds either what
 * it held before or all of @bytes, never part of it, and no temporary
 * file stays behind. The file is readable by the user only.
 */
void
hub_save_bytes_async (GBytes              *bytes,
                      GFile               *destination,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (G_IS_FILE (destination));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_save_bytes_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "destination",
                          g_object_ref (destination), g_object_unref);

  g_task_run_in_thread (task, save_bytes_thread);
}

gboolean
hub_save_bytes_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_save_bytes_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
