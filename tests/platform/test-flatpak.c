/* test-flatpak.c: the Flatpak manifest parses the way flatpak-builder reads
 * it (json-glib, which accepts C comments), names this app, a GNOME runtime
 * and the right command, asks for no more than the app needs, and pins every
 * downloaded source.
 *
 * Usage: test-flatpak MANIFEST.json
 */
#include <string.h>

#include <json-glib/json-glib.h>

static const char *manifest_path;

/* What the app cannot run without. */
static const char * const required_args[] = {
  "--share=network",
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",
};

/* Wider than needed: secrets go through the Secret portal, files through the
 * FileChooser and Documents portals, and X11 is a fallback only. */
static const char * const refused_prefixes[] = {
  "--talk-name=org.freedesktop.secrets",
  "--filesystem=",
  "--socket=x11",
  "--device=all",
  "--socket=session-bus",
  "--socket=system-bus",
};

static JsonObject *
load_manifest (JsonParser *parser)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, manifest_path, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

static void
test_identity (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  const char *id;

  /* Both spellings are accepted by flatpak-builder; "id" is current. */
  id = json_object_get_string_member_with_default (manifest, "id", NULL);
  if (id == NULL)
    id = json_object_get_string_member_with_default (manifest, "app-id", NULL);
  g_assert_cmpstr (id, ==, APP_ID);

  g_assert_cmpstr (json_object_get_string_member_with_default (manifest,
                                                               "runtime", NULL),
                   ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest,
                                                               "sdk", NULL),
                   ==, "org.gnome.Sdk");
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest,
                                                               "command", NULL),
                   ==, "hubdesk");

  /* GNOME 46 is the floor of the project; the runtime may only be newer. */
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member_with_default (
                                      manifest, "runtime-version", "0"),
                                    NULL, 10),
                   >=, 46);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *wanted)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), wanted) == 0)
      return TRUE;

  return FALSE;
}

static void
test_finish_args (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *args;

  g_assert_true (json_object_has_member (manifest, "finish-args"));
  args = json_object_get_array_member (manifest, "finish-args");

  for (guint i = 0; i < G_N_ELEMENTS (required_args); i++) {
    if (!array_has_string (args, required_args[i]))
      g_test_message ("missing finish-arg %s", required_args[i]);
    g_assert_true (array_has_string (args, required_args[i]));
  }

  for (guint i = 0; i < json_array_get_length (args); i++) {
    const char *arg = json_array_get_string_element (args, i);

    g_assert_nonnull (arg);
    for (guint j = 0; j < G_N_ELEMENTS (refused_prefixes); j++) {
      if (g_str_has_prefix (arg, refused_prefixes[j]))
        g_test_message ("finish-arg %s is wider than the app needs", arg);
      g_assert_false (g_str_has_prefix (arg, refused_prefixes[j]));
    }
  }
}

static void
check_source_is_pinned (const char *module,
                        JsonObject *source)
{
  const char *type = json_object_get_string_member_with_default (source,
                                                                 "type", "");

  if (g_str_equal (type, "archive") || g_str_equal (type, "file")) {
    const char *sha256 = json_object_get_string_member_with_default (
      source, "sha256", "");

    g_test_message ("%s: %s source", module, type);
    g_assert_cmpuint (strlen (sha256), ==, 64);
  } else if (g_str_equal (type, "git")) {
    g_test_message ("%s: git source", module);
    g_assert_true (json_object_has_member (source, "commit") ||
                   json_object_has_member (source, "tag"));
  } else {
    /* dir, patch, script and shell sources carry no download. */
    g_assert_cmpstr (type, !=, "");
  }
}

static void
test_modules (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *manifest = load_manifest (parser);
  JsonArray *modules;
  JsonObject *last;
  JsonArray *last_sources;
  guint n_modules;

  g_assert_true (json_object_has_member (manifest, "modules"));
  modules = json_object_get_array_member (manifest, "modules");
  n_modules = json_array_get_length (modules);
  g_assert_cmpuint (n_modules, >=, 1);

  for (guint i = 0; i < n_modules; i++) {
    JsonObject *module = json_array_get_object_element (modules, i);
    const char *name;
    JsonArray *sources;

    /* A module may also be a path to another manifest file. */
    if (module == NULL)
      continue;

    name = json_object_get_string_member_with_default (module, "name", NULL);
    g_assert_nonnull (name);
    g_assert_true (json_object_has_member (module, "sources"));
    sources = json_object_get_array_member (module, "sources");
    g_assert_cmpuint (json_array_get_length (sources), >=, 1);

    for (guint j = 0; j < json_array_get_length (sources); j++)
      check_source_is_pinned (name,
                              json_array_get_object_element (sources, j));
  }

  /* The project itself comes last, built with meson from this tree. */
  last = json_array_get_object_element (modules, n_modules - 1);
  g_assert_nonnull (last);
  g_assert_cmpstr (json_object_get_string_member (last, "name"), ==,
                   "hubdesk");
  g_assert_cmpstr (json_object_get_string_member_with_default (last,
                                                               "buildsystem",
                                                               NULL),
                   ==, "meson");
  last_sources = json_object_get_array_member (last, "sources");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (last_sources, 0), "type"),
                   ==, "dir");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2) {
    g_printerr ("usage: %s MANIFEST.json\n", argv[0]);
    return 2;
  }
  manifest_path = argv[1];

  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/modules", test_modules);

  return g_test_run ();
}
