/* test-icons.c: the app icons are well-formed SVG of the right size, and
 * the symbolic icon uses only the one colour GTK recolours.
 *
 * Usage: test-icons ICON.svg...
 */
#include <string.h>

#include <glib.h>

typedef struct {
  gboolean symbolic;
  guint depth;
  gboolean saw_root;
  GPtrArray *problems;
} IconCheck;

/* GTK recolours a symbolic icon by replacing this exact foreground. */
#define SYMBOLIC_COLOUR "#2e3436"

static gboolean
colour_is_allowed (const char *value)
{
  return g_ascii_strcasecmp (value, SYMBOLIC_COLOUR) == 0 ||
         g_str_equal (value, "none") ||
         g_str_has_prefix (value, "url(");
}

static void
check_style_colours (IconCheck  *check,
                     const char *element,
                     const char *style)
{
  g_auto (GStrv) decls = g_strsplit (style, ";", -1);

  for (guint i = 0; decls[i] != NULL; i++) {
    g_auto (GStrv) pair = g_strsplit (decls[i], ":", 2);
    g_autofree char *name = NULL;
    g_autofree char *value = NULL;

    if (pair[0] == NULL || pair[1] == NULL)
      continue;

    name = g_strstrip (g_strdup (pair[0]));
    value = g_strstrip (g_strdup (pair[1]));
    if ((g_str_equal (name, "fill") || g_str_equal (name, "stroke")) &&
        !colour_is_allowed (value))
      g_ptr_array_add (check->problems,
                       g_strdup_printf ("<%s> uses %s %s", element, name,
                                        value));
  }
}

static void
check_root (IconCheck   *check,
            const char **names,
            const char **values)
{
  const char *expected_size = check->symbolic ? "16" : "128";
  g_autofree char *expected_box = g_strdup_printf ("0 0 %s %s", expected_size,
                                                   expected_size);
  const char *width = NULL;
  const char *height = NULL;
  const char *view_box = NULL;

  for (guint i = 0; names[i] != NULL; i++) {
    if (g_str_equal (names[i], "width"))
      width = values[i];
    else if (g_str_equal (names[i], "height"))
      height = values[i];
    else if (g_str_equal (names[i], "viewBox"))
      view_box = values[i];
  }

  if (g_strcmp0 (width, expected_size) != 0 ||
      g_strcmp0 (height, expected_size) != 0)
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("size is %s×%s, expected %s×%s",
                                      width ? width : "unset",
                                      height ? height : "unset",
                                      expected_size, expected_size));
  if (g_strcmp0 (view_box, expected_box) != 0)
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("viewBox is \"%s\", expected \"%s\"",
                                      view_box ? view_box : "unset",
                                      expected_box));
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  IconCheck *check = user_data;

  if (check->depth++ == 0) {
    check->saw_root = TRUE;
    if (!g_str_equal (element, "svg")) {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "the root element is <%s>, not <svg>", element);
      return;
    }
    check_root (check, names, values);
  }

  if (!check->symbolic)
    return;

  for (guint i = 0; names[i] != NULL; i++) {
    if ((g_str_equal (names[i], "fill") || g_str_equal (names[i], "stroke")) &&
        !colour_is_allowed (values[i]))
      g_ptr_array_add (check->problems,
                       g_strdup_printf ("<%s> uses %s=\"%s\"", element,
                                        names[i], values[i]));
    else if (g_str_equal (names[i], "style"))
      check_style_colours (check, element, values[i]);
    else if (g_str_equal (names[i], "stop-color"))
      g_ptr_array_add (check->problems,
                       g_strdup_printf ("<%s> is a gradient stop", element));
  }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  IconCheck *check = user_data;

  check->depth--;
}

static const GMarkupParser icon_parser = {
  .start_element = start_element,
  .end_element = end_element,
};

static void
test_icon (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  IconCheck check = { 0 };

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  check.symbolic = g_str_has_suffix (path, "-symbolic.svg");
  check.problems = problems;
  context = g_markup_parse_context_new (&icon_parser,
                                        G_MARKUP_PREFIX_ERROR_POSITION,
                                        &check, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_true (check.saw_root);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", path, (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2) {
    g_printerr ("usage: %s ICON.svg...\n", argv[0]);
    return 2;
  }

  for (int i = 1; i < argc; i++) {
    g_autofree char *base = g_path_get_basename (argv[i]);
    g_autofree char *name = g_strdup_printf ("/icons/%s", base);

    g_test_add_data_func (name, argv[i], test_icon);
  }

  return g_test_run ();
}
