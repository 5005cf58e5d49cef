/* test-data-files.c: the desktop entry and the metainfo that the build
 * produced agree with the project (app id, command, icon, version) and carry
 * the Spanish translation merged from po/. The validators check the formats;
 * this checks the content.
 *
 * Usage: test-data-files DESKTOP-FILE METAINFO-FILE DBUS-SERVICE-FILE
 */
#include <glib.h>

static const char *desktop_path;
static const char *metainfo_path;
static const char *service_path;

static void
test_desktop (void)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *icon = NULL;
  g_auto (GStrv) mime_types = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *comment_es = NULL;

  g_key_file_load_from_file (keys, desktop_path, G_KEY_FILE_KEEP_TRANSLATIONS,
                             &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (keys, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_equal (exec, "hubdesk") ||
                 g_str_has_prefix (exec, "hubdesk "));

  /* Links from reset and invitation emails open the app. */
  mime_types = g_key_file_get_string_list (keys, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) mime_types,
                                  "x-scheme-handler/hubdesk"));

  icon = g_key_file_get_string (keys, "Desktop Entry", "Icon", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, APP_ID);

  comment = g_key_file_get_string (keys, "Desktop Entry", "Comment", &error);
  g_assert_no_error (error);
  comment_es = g_key_file_get_locale_string (keys, "Desktop Entry", "Comment",
                                             "es", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment_es, !=, comment);
}

/* A D-Bus activatable entry is started through the session bus, so the
 * service it names must exist and start this app as a GApplication service. */
static void
test_dbus_service (void)
{
  g_autoptr (GKeyFile) desktop = g_key_file_new ();
  g_autoptr (GKeyFile) service = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *exec = NULL;

  g_key_file_load_from_file (desktop, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  if (!g_key_file_get_boolean (desktop, "Desktop Entry", "DBusActivatable",
                               NULL)) {
    g_test_skip ("the desktop entry is not D-Bus activatable");
    return;
  }

  g_key_file_load_from_file (service, service_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  name = g_key_file_get_string (service, "D-BUS Service", "Name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, APP_ID);

  exec = g_key_file_get_string (service, "D-BUS Service", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_path_is_absolute (exec));
  g_assert_true (g_str_has_suffix (exec, "/hubdesk --gapplication-service"));
}

typedef struct {
  GPtrArray *path;
  char *id;
  char *launchable;
  char *first_release;
  char *summary_es;
  gboolean in_summary_es;
} Metainfo;

static void
metainfo_clear (Metainfo *info)
{
  g_clear_pointer (&info->path, g_ptr_array_unref);
  g_clear_pointer (&info->id, g_free);
  g_clear_pointer (&info->launchable, g_free);
  g_clear_pointer (&info->first_release, g_free);
  g_clear_pointer (&info->summary_es, g_free);
}

static const char *
current_element (Metainfo *info)
{
  return info->path->len ? info->path->pdata[info->path->len - 1] : "";
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Metainfo *info = user_data;

  g_ptr_array_add (info->path, g_strdup (element));

  if (g_str_equal (element, "release") && info->first_release == NULL) {
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "version"))
        info->first_release = g_strdup (values[i]);
  }

  if (g_str_equal (element, "summary") && info->path->len == 2) {
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "xml:lang") && g_str_equal (values[i], "es"))
        info->in_summary_es = TRUE;
  }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Metainfo *info = user_data;

  info->in_summary_es = FALSE;
  g_ptr_array_remove_index (info->path, info->path->len - 1);
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Metainfo *info = user_data;
  const char *element = current_element (info);
  g_autofree char *value = g_strstrip (g_strndup (content, length));

  /* Only children of <component> are of interest here. */
  if (info->path->len != 2 || *value == '\0')
    return;

  if (g_str_equal (element, "id"))
    g_set_str (&info->id, value);
  else if (g_str_equal (element, "launchable"))
    g_set_str (&info->launchable, value);
  else if (info->in_summary_es)
    g_set_str (&info->summary_es, value);
}

static const GMarkupParser metainfo_parser = {
  .start_element = start_element,
  .end_element = end_element,
  .text = text,
};

static void
test_metainfo (void)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  Metainfo info = { 0 };

  g_file_get_contents (metainfo_path, &contents, &length, &error);
  g_assert_no_error (error);

  info.path = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&metainfo_parser,
                                        G_MARKUP_PREFIX_ERROR_POSITION,
                                        &info, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (info.id, ==, APP_ID);
  g_assert_cmpstr (info.launchable, ==, APP_ID ".desktop");

  /* The newest release is listed first and is the version being built. */
  g_assert_cmpstr (info.first_release, ==, PACKAGE_VERSION);

  g_assert_nonnull (info.summary_es);

  metainfo_clear (&info);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 4) {
    g_printerr ("usage: %s DESKTOP-FILE METAINFO-FILE DBUS-SERVICE-FILE\n",
                argv[0]);
    return 2;
  }
  desktop_path = argv[1];
  metainfo_path = argv[2];
  service_path = argv[3];

  g_test_add_func ("/data/desktop", test_desktop);
  g_test_add_func ("/data/dbus-service", test_dbus_service);
  g_test_add_func ("/data/metainfo", test_metainfo);

  return g_test_run ();
}
