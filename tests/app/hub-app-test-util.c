/* hub-app-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "hub-app-test-util.h"

/* Xvfb has no window manager, so X focus moves in ways a desktop never
 * shows, and GTK warns about focus-out events it missed. That one warning
 * is dropped; every other warning stays fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++) {
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "did not receive a focus-out event") != NULL)
      return G_LOG_WRITER_HANDLED;
  }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
hub_app_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr (GtkCssProvider) provider = NULL;
  g_autofree char *home = NULL;

  g_log_set_writer_func (log_writer, NULL, NULL);

  /* A home of its own for each test program. G_TEST_OPTION_ISOLATE_DIRS
   * would also hide the system's data folders, and with them the icon
   * theme and the MIME database that a window needs. */
  home = g_dir_make_tmp ("hubdesk-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (const char *const *var = (const char *const[]) { "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                                        "XDG_DATA_HOME", "XDG_STATE_HOME",
                                                        NULL };
       *var != NULL; var++) {
    g_autofree char *dir = g_build_filename (home, *var, NULL);

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_setenv (*var, dir, TRUE);
  }

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  /* AdwApplication adds the app's icons and style sheet from its
   * resources; tests have no application to do it for them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/hubdesk/HubDesk/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/hubdesk/HubDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
hub_app_test_find (GtkWidget  *root,
                   const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child)) {
    GtkWidget *found = hub_app_test_find (child, name);

    if (found != NULL)
      return found;
  }

  return NULL;
}

static gboolean
on_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
hub_app_test_wait (HubTestCondition condition,
                   gpointer         user_data,
                   guint            timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (20, on_tick, NULL);
  gboolean met;

  while (!(met = condition (user_data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return met;
}

static gboolean
never (gpointer user_data)
{
  return FALSE;
}

void
hub_app_test_settle (guint ms)
{
  hub_app_test_wait (never, NULL, ms);
}

void
hub_app_test_set_text (GtkWidget  *root,
                       const char *name,
                       const char *text)
{
  GtkWidget *widget = hub_app_test_find (root, name);

  g_assert_nonnull (widget);
  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

void
hub_app_test_click (GtkWidget  *root,
                    const char *name)
{
  GtkWidget *widget = hub_app_test_find (root, name);

  g_assert_nonnull (widget);
  g_assert_true (GTK_IS_BUTTON (widget));
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
}

/**
 * hub_app_test_screenshot:
 * @widget: a realized widget
 * @name: file name without extension
 *
 * Renders @widget as it is on screen into $HUB_TEST_OUTPUT/@name.png, to
 * be looked at by a person; nothing compares it.
 *
 * Returns: (transfer full): the path written
 */
char *
hub_app_test_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("HUB_TEST_OUTPUT");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_true (gtk_widget_get_realized (widget));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* A widget that has not been drawn since it changed has nothing to
   * give yet: wait for a frame or two. */
  paintable = gtk_widget_paintable_new (widget);
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++) {
    g_clear_object (&snapshot);
    snapshot = gtk_snapshot_new ();
    gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    node = gtk_snapshot_to_node (snapshot);
    if (node == NULL)
      hub_app_test_settle (100);
  }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return g_steal_pointer (&path);
}
