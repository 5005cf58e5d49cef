/* test-schema.c: the schema compiled into the build folder (the one tests
 * and uninstalled runs use through GSETTINGS_SCHEMA_DIR) holds every key the
 * app reads, with its type, default and range, and each key is described.
 */
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

typedef struct {
  const char *name;
  const char *type;
  const char *default_value;
} ExpectedKey;

static const ExpectedKey expected_keys[] = {
  { "server-url", "s", "''" },
  { "remember-me", "b", "false" },
  { "last-email", "s", "''" },
  { "last-company-id", "s", "''" },
  { "idle-lock-minutes", "u", "uint32 10" },
  { "download-folder", "s", "''" },
  { "window-width", "i", "1100" },
  { "window-height", "i", "760" },
  { "window-maximized", "b", "false" },
};

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  return schema;
}

static void
test_keys (void)
{
  g_autoptr (GSettingsSchema) schema = lookup_schema ();
  g_auto (GStrv) names = g_settings_schema_list_keys (schema);

  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (expected_keys));

  for (guint i = 0; i < G_N_ELEMENTS (expected_keys); i++) {
    const ExpectedKey *expected = &expected_keys[i];
    g_autoptr (GSettingsSchemaKey) key = NULL;
    g_autoptr (GVariant) value = NULL;
    g_autofree char *printed = NULL;

    g_test_message ("key %s", expected->name);
    g_assert_true (g_settings_schema_has_key (schema, expected->name));
    key = g_settings_schema_get_key (schema, expected->name);

    g_assert_cmpstr (g_variant_type_peek_string (
                       g_settings_schema_key_get_value_type (key)),
                     ==, expected->type);
    value = g_settings_schema_key_get_default_value (key);
    printed = g_variant_print (value, TRUE);
    g_assert_cmpstr (printed, ==, expected->default_value);

    /* The preferences window shows these to the user. */
    g_assert_nonnull (g_settings_schema_key_get_summary (key));
    g_assert_nonnull (g_settings_schema_key_get_description (key));
  }
}

static void
test_idle_lock_range (void)
{
  g_autoptr (GSettingsSchema) schema = lookup_schema ();
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) range = NULL;
  g_autoptr (GVariant) limits = NULL;
  const char *kind = NULL;
  guint32 low = 1;
  guint32 high = 0;

  key = g_settings_schema_get_key (schema, "idle-lock-minutes");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &limits);
  g_assert_cmpstr (kind, ==, "range");
  g_variant_get (limits, "(uu)", &low, &high);

  /* 0 turns the lock off; four hours is the longest delay offered. */
  g_assert_cmpuint (low, ==, 0);
  g_assert_cmpuint (high, ==, 240);
  g_assert_true (g_settings_schema_key_range_check (
                   key, g_variant_new_uint32 (0)));
  g_assert_false (g_settings_schema_key_range_check (
                    key, g_variant_new_uint32 (241)));
}

static void
test_round_trip (void)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *url = NULL;

  settings = g_settings_new_with_backend (APP_ID, backend);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==,
                    10);

  g_assert_true (g_settings_set_string (settings, "server-url",
                                        "https://hub.example.com"));
  g_assert_true (g_settings_set_uint (settings, "idle-lock-minutes", 0));

  url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (url, ==, "https://hub.example.com");
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL) {
    g_printerr ("GSETTINGS_SCHEMA_DIR must name the build's data folder\n");
    return 2;
  }

  g_test_add_func ("/schema/keys", test_keys);
  g_test_add_func ("/schema/idle-lock-range", test_idle_lock_range);
  g_test_add_func ("/schema/round-trip", test_round_trip);

  return g_test_run ();
}
