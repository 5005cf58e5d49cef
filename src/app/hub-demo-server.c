/* hub-demo-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif

#include "hub-demo-server.h"

#define READY_FD         3
#define START_TIMEOUT_S 60

struct _HubDemoServer
{
  GObject      parent_instance;

  char        *size;
  char        *base_url;
  GSubprocess *process;
};

G_DEFINE_FINAL_TYPE (HubDemoServer, hub_demo_server, G_TYPE_OBJECT)

static void
hub_demo_server_dispose (GObject *object)
{
  HubDemoServer *self = HUB_DEMO_SERVER (object);

  hub_demo_server_stop (self);

  G_OBJECT_CLASS (hub_demo_server_parent_class)->dispose (object);
}

static void
hub_demo_server_finalize (GObject *object)
{
  HubDemoServer *self = HUB_DEMO_SERVER (object);

  g_free (self->size);
  g_free (self->base_url);

  G_OBJECT_CLASS (hub_demo_server_parent_class)->finalize (object);
}

static void
hub_demo_server_class_init (HubDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hub_demo_server_dispose;
  object_class->finalize = hub_demo_server_finalize;
}

static void
hub_demo_server_init (HubDemoServer *self)
{
}

HubDemoServer *
hub_demo_server_new (const char *size)
{
  HubDemoServer *self = g_object_new (HUB_TYPE_DEMO_SERVER, NULL);

  self->size = g_strdup (size != NULL ? size : "small");

  return self;
}

const char *
hub_demo_server_get_size (HubDemoServer *self)
{
  g_return_val_if_fail (HUB_IS_DEMO_SERVER (self), NULL);

  return self->size;
}

const char *
hub_demo_server_get_base_url (HubDemoServer *self)
{
  g_return_val_if_fail (HUB_IS_DEMO_SERVER (self), NULL);

  return self->base_url;
}

/* hubd sits beside hubdesk once installed, and in src/server of the build
 * tree during development; HUBD_PATH overrides both. */
static char *
find_hubd (void)
{
  const char *from_env = g_getenv ("HUBD_PATH");
  g_autofree char *exe = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *in_build = NULL;
  g_autofree char *beside = NULL;

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL) {
    dir = g_path_get_dirname (exe);
    in_build = g_build_filename (dir, "..", "server", "hubd", NULL);
    if (g_file_test (in_build, G_FILE_TEST_IS_EXECUTABLE))
      return g_steal_pointer (&in_build);

    beside = g_build_filename (dir, "hubd", NULL);
    if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
      return g_steal_pointer (&beside);
  }

  return g_find_program_in_path ("hubd");
}

static gboolean
remove_tree (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr (GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (children != NULL) {
    GFile *child;

    while (g_file_enumerator_iterate (children, NULL, &child, cancellable, NULL) && child != NULL)
      if (!remove_tree (child, cancellable, error))
        return FALSE;
  }

  if (!g_file_delete (file, cancellable, error) &&
      !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return FALSE;

  g_clear_error (error);
  return TRUE;
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  /* The demo server must not outlive a crashed app. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static gboolean
on_start_timeout (gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);

  return G_SOURCE_REMOVE;
}

typedef struct {
  GDataInputStream *ready;
  GCancellable     *timeout_cancellable;
  guint             timeout_id;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->ready);
  g_clear_object (&data->timeout_cancellable);
  g_free (data);
}

static void
on_ready_line (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HubDemoServer *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  guint64 port = 0;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source),
                                                    result, NULL, &error);

  if (line == NULL || !g_ascii_string_to_unsigned (g_strstrip (line), 10, 1,
                                                   G_MAXUINT16, &port, NULL)) {
    if (self->process != NULL)
      g_subprocess_force_exit (self->process);
    g_clear_object (&self->process);

    if (g_task_return_error_if_cancelled (task))
      return;

    if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
      g_debug ("Timed out waiting for the demo server");

    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The demo server did not start in time."));
    return;
  }

  if (g_task_return_error_if_cancelled (task)) {
    hub_demo_server_stop (self);
    return;
  }

  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", (guint) port);
  g_debug ("Demo server listens on port %u", (guint) port);

  g_task_return_boolean (task, TRUE);
}

void
hub_demo_server_start_async (HubDemoServer       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) ready_stream = NULL;
  g_autofree char *hubd = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr (GFile) data_file = NULL;
  g_autofree char *demo_arg = NULL;
  g_autofree char *ready_arg = NULL;
  StartData *data;
  int fds[2];

  g_return_if_fail (HUB_IS_DEMO_SERVER (self));
  g_return_if_fail (self->process == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_demo_server_start_async);

  hubd = find_hubd ();
  if (hubd == NULL) {
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The demo server (hubd) is not installed."));
    return;
  }

  /* Every demo starts from freshly generated data (the small set takes a
   * fraction of a second), so that it always matches this hubd. */
  data_dir = g_build_filename (g_get_user_cache_dir (), "hubdesk",
                               "demo", self->size, NULL);
  data_file = g_file_new_for_path (data_dir);
  if (!remove_tree (data_file, NULL, &error)) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }
  if (g_mkdir_with_parents (data_dir, 0700) != 0) {
    g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                             _("Cannot create the demo data folder."));
    return;
  }

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, &error)) {
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], READY_FD);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  demo_arg = g_strdup_printf ("--demo=%s", self->size);
  ready_arg = g_strdup_printf ("%d", READY_FD);
  self->process = g_subprocess_launcher_spawn (launcher, &error,
                                               hubd, "--port", "0",
                                               "--data-dir", data_dir,
                                               demo_arg, "--seed", "1",
                                               "--ready-fd", ready_arg,
                                               NULL);
  if (self->process == NULL) {
    close (fds[0]);
    g_task_return_error (task, g_steal_pointer (&error));
    return;
  }

  data = g_new0 (StartData, 1);
  ready_stream = g_unix_input_stream_new (fds[0], TRUE);
  data->ready = g_data_input_stream_new (ready_stream);
  data->timeout_cancellable = g_cancellable_new ();
  data->timeout_id = g_timeout_add_seconds (START_TIMEOUT_S, on_start_timeout,
                                            data->timeout_cancellable);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);

  /* The parent's copy of the write end went with the launcher, so the read
   * ends with EOF if hubd exits before it is ready. */
  g_clear_object (&launcher);

  /* The caller's cancellable is honoured when the line arrives; the read
   * itself ends at the start timeout or when hubd exits. */
  g_data_input_stream_read_line_async (data->ready, G_PRIORITY_DEFAULT,
                                       data->timeout_cancellable,
                                       on_ready_line, g_steal_pointer (&task));
}

gboolean
hub_demo_server_start_finish (HubDemoServer  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (HUB_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hub_demo_server_stop (HubDemoServer *self)
{
  g_return_if_fail (HUB_IS_DEMO_SERVER (self));

  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
  g_clear_pointer (&self->base_url, g_free);
}
