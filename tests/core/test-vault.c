/* test-vault.c: the offline library's sealed files and their key, through
 * the real keyring that build-aux/dev unlocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hub-core.h"

/* The file format, as hub-vault.c writes it. */
#define PREAMBLE_SIZE (8 + 24)
#define CHUNK_SIZE 65536
#define TAG_SIZE 17
#define SEALED_CHUNK_SIZE (CHUNK_SIZE + TAG_SIZE)

#define MARKER "Plaintext-Canary-7319"

/* Another test may use the keyring at the same time: every server here is
 * unique to this process. */
static char *
unique_server (const char *name)
{
  return g_strdup_printf ("https://%s-%d.hubdesk-test.example", name, (int) getpid ());
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

/* A worker thread may drop its reference just after the callback ran. */
static void
assert_finalized (gpointer *weak)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*weak != NULL && g_get_monotonic_time () < deadline) {
    g_main_context_iteration (NULL, FALSE);
    g_usleep (1000);
  }

  g_assert_null (*weak);
}

static HubVaultKey *
load_key (const char *server,
          const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubVaultKey *key;

  hub_vault_key_load_or_create_async (server, email, NULL, on_result, &result);
  key = hub_vault_key_load_or_create_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (HUB_IS_VAULT_KEY (key));

  return key;
}

static void
forget_key (const char *server,
            const char *email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hub_vault_key_forget_async (server, email, NULL, on_result, &result);
  g_assert_true (hub_vault_key_forget_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static GFile *
make_folder (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "vaults", name, NULL);

  return g_file_new_for_path (path);
}

static char *
path_of (HubVault   *vault,
         const char *name)
{
  g_autofree char *folder = g_file_get_path (hub_vault_get_folder (vault));

  return g_build_filename (folder, name, NULL);
}

static gboolean
store (HubVault     *vault,
       const char   *name,
       GBytes       *plaintext,
       GCancellable *cancellable,
       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_vault_store_async (vault, name, plaintext, cancellable, on_result, &result);
  return hub_vault_store_finish (vault, wait_for (&result), error);
}

static void
store_ok (HubVault   *vault,
          const char *name,
          GBytes     *plaintext)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store (vault, name, plaintext, NULL, &error));
  g_assert_no_error (error);
}

static GBytes *
load (HubVault    *vault,
      const char  *name,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_vault_load_async (vault, name, NULL, on_result, &result);
  return hub_vault_load_finish (vault, wait_for (&result), error);
}

static void
assert_loads (HubVault   *vault,
              const char *name,
              GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load (vault, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_equal (bytes, expected));
}

static void
assert_damaged (HubVault   *vault,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load (vault, name, &error);

  g_assert_error (error, HUB_ERROR, HUB_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The offline copy of this document is damaged; download it again.");
  g_assert_null (bytes);
}

/* Random bytes with the marker here and there, as words in a PDF. */
static GBytes *
make_plaintext (gsize size)
{
  guint8 *data = g_malloc (MAX (size, 1));

  for (gsize i = 0; i < size; i++)
    data[i] = g_random_int_range (0, 256);

  for (gsize at = 0; at + strlen (MARKER) <= size; at += 4099)
    memcpy (data + at, MARKER, strlen (MARKER));

  return g_bytes_new_take (data, size);
}

/* Every file in the vault's folder, temporary ones included. */
static guint
count_files (HubVault *vault)
{
  g_autofree char *folder = g_file_get_path (hub_vault_get_folder (vault));
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

typedef struct {
  char *server;
  char *email;
  HubVaultKey *key;
  HubVault *vault;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  static guint serial;
  g_autofree char *name = g_strdup_printf ("fixture-%u", ++serial);

  fixture->server = unique_server (name);
  fixture->email = g_strdup ("admin@northwind.example");
  fixture->key = load_key (fixture->server, fixture->email);
  folder = make_folder (name);
  fixture->vault = hub_vault_new (folder, fixture->key);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gpointer weak_vault = fixture->vault;
  gpointer weak_key = fixture->key;

  g_assert_true (hub_vault_wipe (fixture->vault, &error));
  g_assert_no_error (error);

  g_object_add_weak_pointer (G_OBJECT (fixture->vault), &weak_vault);
  g_object_add_weak_pointer (G_OBJECT (fixture->key), &weak_key);
  g_clear_object (&fixture->vault);
  g_clear_object (&fixture->key);
  assert_finalized (&weak_vault);
  assert_finalized (&weak_key);

  forget_key (fixture->server, fixture->email);
  g_free (fixture->server);
  g_free (fixture->email);
}

/* --- the key -------------------------------------------------------------- */

static void
test_key_same_twice (void)
{
  g_autofree char *server = unique_server ("same-twice");
  g_autoptr(GFile) folder = make_folder ("same-twice");
  g_autoptr(HubVaultKey) first = load_key (server, "admin@northwind.example");
  g_autoptr(HubVaultKey) second = NULL;
  g_autoptr(HubVault) sealing = hub_vault_new (folder, first);
  g_autoptr(HubVault) opening = NULL;
  g_autoptr(GBytes) plaintext = make_plaintext (1000);

  store_ok (sealing, "doc", plaintext);

  /* The trailing slash is the same server. */
  {
    g_autofree char *with_slash = g_strconcat (server, "/", NULL);

    second = load_key (with_slash, "admin@northwind.example");
  }
  opening = hub_vault_new (folder, second);
  assert_loads (opening, "doc", plaintext);

  g_assert_true (hub_vault_wipe (opening, NULL));
  forget_key (server, "admin@northwind.example");
}

static void
test_key_per_account (void)
{
  g_autofree char *server = unique_server ("per-account");
  g_autofree char *other_server = unique_server ("per-account-other");
  g_autoptr(GFile) folder = make_folder ("per-account");
  g_autoptr(HubVaultKey) key = load_key (server, "admin@northwind.example");
  g_autoptr(HubVaultKey) other_email = load_key (server, "basic@northwind.example");
  g_autoptr(HubVaultKey) other_host = load_key (other_server, "admin@northwind.example");
  g_autoptr(HubVault) vault = hub_vault_new (folder, key);
  g_autoptr(HubVault) wrong_email = hub_vault_new (folder, other_email);
  g_autoptr(HubVault) wrong_host = hub_vault_new (folder, other_host);
  g_autoptr(GBytes) plaintext = make_plaintext (3 * CHUNK_SIZE + 5);

  store_ok (vault, "doc", plaintext);

  /* Another account's key is a wrong key. */
  assert_damaged (wrong_email, "doc");
  assert_damaged (wrong_host, "doc");
  assert_loads (vault, "doc", plaintext);

  g_assert_true (hub_vault_wipe (vault, NULL));
  forget_key (server, "admin@northwind.example");
  forget_key (server, "basic@northwind.example");
  forget_key (other_server, "admin@northwind.example");
}

static void
test_key_forget (void)
{
  g_autofree char *server = unique_server ("forget");
  g_autoptr(GFile) folder = make_folder ("forget");
  g_autoptr(HubVaultKey) old_key = load_key (server, "admin@northwind.example");
  g_autoptr(HubVaultKey) new_key = NULL;
  g_autoptr(HubVault) old_vault = hub_vault_new (folder, old_key);
  g_autoptr(HubVault) new_vault = NULL;
  g_autoptr(GBytes) plaintext = make_plaintext (100);

  store_ok (old_vault, "doc", plaintext);

  forget_key (server, "admin@northwind.example");
  /* Forgetting twice is fine. */
  forget_key (server, "admin@northwind.example");

  new_key = load_key (server, "admin@northwind.example");
  new_vault = hub_vault_new (folder, new_key);
  assert_damaged (new_vault, "doc");

  /* And what the new key seals, it opens. */
  store_ok (new_vault, "doc", plaintext);
  assert_loads (new_vault, "doc", plaintext);

  g_assert_true (hub_vault_wipe (new_vault, NULL));
  forget_key (server, "admin@northwind.example");
}

static void
test_key_concurrent (void)
{
  g_autofree char *server = unique_server ("concurrent");
  g_autoptr(GFile) folder = make_folder ("concurrent");
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(HubVaultKey) first = NULL;
  g_autoptr(HubVaultKey) second = NULL;
  g_autoptr(HubVault) sealing = NULL;
  g_autoptr(HubVault) opening = NULL;
  g_autoptr(GBytes) plaintext = make_plaintext (500);

  /* Both find no key at first; only one may create it. */
  hub_vault_key_load_or_create_async (server, "admin@northwind.example", NULL,
                                      on_result, &first_result);
  hub_vault_key_load_or_create_async (server, "admin@northwind.example", NULL,
                                      on_result, &second_result);
  first = hub_vault_key_load_or_create_finish (wait_for (&first_result), NULL);
  second = hub_vault_key_load_or_create_finish (wait_for (&second_result), NULL);
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  sealing = hub_vault_new (folder, first);
  opening = hub_vault_new (folder, second);
  store_ok (sealing, "doc", plaintext);
  assert_loads (opening, "doc", plaintext);

  g_assert_true (hub_vault_wipe (sealing, NULL));
  forget_key (server, "admin@northwind.example");
}

static void
test_key_unavailable (void)
{
  if (g_test_subprocess ()) {
    g_autofree char *server = unique_server ("unavailable");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(HubVaultKey) key = NULL;

    hub_vault_key_load_or_create_async (server, "admin@northwind.example", NULL,
                                        on_result, &result);
    key = hub_vault_key_load_or_create_finish (wait_for (&result), &error);
    g_assert_error (error, HUB_ERROR, HUB_ERROR_KEYRING);
    g_assert_true (g_str_has_prefix (error->message,
                                     "The offline library cannot be opened"));
    g_assert_null (key);

    g_clear_object (&result);
    g_clear_error (&error);
    hub_vault_key_forget_async (server, "admin@northwind.example", NULL,
                                on_result, &result);
    g_assert_false (hub_vault_key_forget_finish (wait_for (&result), &error));
    g_assert_error (error, HUB_ERROR, HUB_ERROR_KEYRING);
    return;
  } else
    {
      g_auto(GStrv) envp = g_get_environ ();

      /* No Secret Service to talk to. */
      envp = g_environ_setenv (envp, "SECRET_BACKEND", "service", TRUE);
      envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS",
                               "unix:path=/nonexistent/hubdesk-bus", TRUE);
      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

static void
test_key_cancelled (void)
{
  g_autofree char *server = unique_server ("cancelled");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubVaultKey) key = NULL;

  g_cancellable_cancel (cancellable);

  hub_vault_key_load_or_create_async (server, "admin@northwind.example", cancellable,
                                      on_result, &result);
  key = hub_vault_key_load_or_create_finish (wait_for (&result), &error);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
  g_assert_null (key);
}

/* --- sealed files ---------------------------------------------------------- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const gsize sizes[] = {
    0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 1024 * 1024 + 3,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++) {
    g_autoptr(GBytes) plaintext = make_plaintext (sizes[i]);
    g_autofree char *name = g_strdup_printf ("doc_%u", i);
    g_autofree char *path = path_of (fixture->vault, name);
    g_autofree char *contents = NULL;
    gsize length;
    GStatBuf info;

    store_ok (fixture->vault, name, plaintext);
    assert_loads (fixture->vault, name, plaintext);
    g_assert_true (hub_vault_contains (fixture->vault, name));

    /* Private to the user, and nothing of the plaintext in it. */
    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, ==,
                      PREAMBLE_SIZE + sizes[i] +
                      TAG_SIZE * MAX (1, (sizes[i] + CHUNK_SIZE - 1) / CHUNK_SIZE));
    g_assert_null (g_strstr_len (contents, length, MARKER));
  }

  /* Storing again replaces. */
  {
    g_autoptr(GBytes) replacement = make_plaintext (77);

    store_ok (fixture->vault, "doc_1", replacement);
    assert_loads (fixture->vault, "doc_1", replacement);
  }

  /* The folder is private too. */
  {
    g_autofree char *folder = g_file_get_path (hub_vault_get_folder (fixture->vault));
    GStatBuf info;

    g_assert_cmpint (g_stat (folder, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  }
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load (fixture->vault, "never-stored", &error);

  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);
  g_assert_null (bytes);
  g_assert_false (hub_vault_contains (fixture->vault, "never-stored"));
}

/* Flips one bit of the byte at @offset, counted from the end when
 * negative. */
static void
flip_byte (const char *path,
           goffset     offset)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (offset < 0)
    offset += length;
  g_assert_cmpint (offset, <, length);
  contents[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static void
cut_at (const char *path,
        gsize       new_length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (new_length, <, length);
  g_assert_true (g_file_set_contents (path, contents, new_length, &error));
  g_assert_no_error (error);
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  /* Three full chunks and a short last one. */
  g_autoptr(GBytes) plaintext = make_plaintext (3 * CHUNK_SIZE + 100);
  const goffset last_chunk = PREAMBLE_SIZE + 3 * SEALED_CHUNK_SIZE;
  struct {
    const char *what;
    goffset offset;
  } flips[] = {
    { "format", 2 },
    { "stream-header", 8 + 10 },
    { "first-chunk", PREAMBLE_SIZE + 5 },
    { "first-chunk-tag", PREAMBLE_SIZE + SEALED_CHUNK_SIZE - 1 },
    { "middle", PREAMBLE_SIZE + SEALED_CHUNK_SIZE + CHUNK_SIZE / 2 },
    { "last-chunk", last_chunk + 50 },
    { "last-byte", -1 },
  };
  struct {
    const char *what;
    gsize length;
  } cuts[] = {
    { "empty", 0 },
    { "preamble-only", PREAMBLE_SIZE },
    { "inside-preamble", 20 },
    { "last-chunk-dropped", last_chunk },
    { "mid-chunk", PREAMBLE_SIZE + SEALED_CHUNK_SIZE + 1000 },
    { "short-of-a-tag", last_chunk + 5 },
    { "last-byte-dropped", last_chunk + 100 + TAG_SIZE - 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (flips); i++) {
    g_autofree char *path = path_of (fixture->vault, flips[i].what);

    g_test_message ("Flipping a byte: %s", flips[i].what);
    store_ok (fixture->vault, flips[i].what, plaintext);
    flip_byte (path, flips[i].offset);
    assert_damaged (fixture->vault, flips[i].what);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++) {
    g_autofree char *path = path_of (fixture->vault, cuts[i].what);

    g_test_message ("Truncating: %s", cuts[i].what);
    store_ok (fixture->vault, cuts[i].what, plaintext);
    cut_at (path, cuts[i].length);
    assert_damaged (fixture->vault, cuts[i].what);
  }

  /* A chunk added after the final one. */
  {
    g_autofree char *path = path_of (fixture->vault, "extended");
    g_autofree char *contents = NULL;
    g_autofree char *longer = NULL;
    gsize length;

    store_ok (fixture->vault, "extended", plaintext);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    longer = g_malloc (length + SEALED_CHUNK_SIZE);
    memcpy (longer, contents, length);
    memcpy (longer + length, contents + PREAMBLE_SIZE, SEALED_CHUNK_SIZE);
    g_assert_true (g_file_set_contents (path, longer, length + SEALED_CHUNK_SIZE, NULL));
    assert_damaged (fixture->vault, "extended");
  }

  /* A whole multiple of a chunk, with its FINAL chunk dropped. */
  {
    g_autoptr(GBytes) even = make_plaintext (2 * CHUNK_SIZE);
    g_autofree char *path = path_of (fixture->vault, "even");

    store_ok (fixture->vault, "even", even);
    cut_at (path, PREAMBLE_SIZE + SEALED_CHUNK_SIZE);
    assert_damaged (fixture->vault, "even");
  }
}

static void
test_swapped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) first = make_plaintext (5000);
  g_autoptr(GBytes) second = make_plaintext (5000);
  g_autofree char *first_path = path_of (fixture->vault, "first");
  g_autofree char *second_path = path_of (fixture->vault, "second");
  g_autofree char *spare_path = path_of (fixture->vault, "spare");

  store_ok (fixture->vault, "first", first);
  store_ok (fixture->vault, "second", second);

  g_assert_cmpint (g_rename (first_path, spare_path), ==, 0);
  g_assert_cmpint (g_rename (second_path, first_path), ==, 0);
  g_assert_cmpint (g_rename (spare_path, second_path), ==, 0);

  assert_damaged (fixture->vault, "first");
  assert_damaged (fixture->vault, "second");

  /* Nor does a link to another document's file. */
  {
    g_autofree char *link_path = path_of (fixture->vault, "link");

    g_assert_cmpint (symlink ("first", link_path), ==, 0);
    assert_damaged (fixture->vault, "link");
  }
}

static void
test_invalid_names (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) plaintext = make_plaintext (10);
  g_autofree char *longest = g_strnfill (HUB_VAULT_NAME_MAX, 'a');
  g_autofree char *too_long = g_strnfill (HUB_VAULT_NAME_MAX + 1, 'a');
  const char *invalid[] = {
    "", ".", "..", "../escape", "a/b", "/etc/passwd", ".hidden", "a.pdf",
    "a b", "caf\xc3\xa9", "a\\b", too_long,
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++) {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_false (hub_vault_is_valid_name (invalid[i]));

    g_assert_false (store (fixture->vault, invalid[i], plaintext, NULL, &error));
    g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);
    g_clear_error (&error);

    bytes = load (fixture->vault, invalid[i], &error);
    g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);
    g_assert_null (bytes);
    g_clear_error (&error);

    g_assert_false (hub_vault_remove (fixture->vault, invalid[i], &error));
    g_assert_error (error, HUB_ERROR, HUB_ERROR_INVALID_INPUT);

    g_assert_false (hub_vault_contains (fixture->vault, invalid[i]));
  }

  g_assert_false (hub_vault_is_valid_name (NULL));
  g_assert_cmpuint (count_files (fixture->vault), ==, 0);

  store_ok (fixture->vault, longest, plaintext);
  store_ok (fixture->vault, "Az09_-", plaintext);
  assert_loads (fixture->vault, longest, plaintext);
}

static void
test_cancelled_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) big = make_plaintext (16 * 1024 * 1024);
  g_autoptr(GBytes) old = make_plaintext (300);

  /* Cancelled before it starts: nothing written. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (store (fixture->vault, "doc", big, cancellable, &error));
    g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
    g_assert_false (hub_vault_contains (fixture->vault, "doc"));
    g_assert_cmpuint (count_files (fixture->vault), ==, 0);
  }

  /* Cancelled while it runs, over an older file: the older file stays
   * whole, or the new one is all there if the store won the race. */
  store_ok (fixture->vault, "doc", old);

  for (guint attempt = 0; attempt < 5; attempt++) {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) loaded = NULL;
    gboolean stored;

    hub_vault_store_async (fixture->vault, "doc", big, cancellable, on_result, &result);
    g_usleep (attempt * 2000);
    g_cancellable_cancel (cancellable);
    stored = hub_vault_store_finish (fixture->vault, wait_for (&result), &error);

    loaded = load (fixture->vault, "doc", NULL);
    g_assert_nonnull (loaded);
    if (stored) {
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (loaded, big));
      store_ok (fixture->vault, "doc", old);
      g_test_message ("Attempt %u: the store finished first", attempt);
    } else {
      g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);
      g_assert_true (g_bytes_equal (loaded, old));
      g_test_message ("Attempt %u: cancelled", attempt);
    }

    /* No temporary file left either way. */
    g_assert_cmpuint (count_files (fixture->vault), ==, 1);
  }
}

static void
test_list_remove_wipe (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) plaintext = make_plaintext (10);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *leftover = path_of (fixture->vault, ".b.Ab12Cd");
  g_autofree char *unrelated = path_of (fixture->vault, "notes.txt");

  /* A folder never written to is an empty vault. */
  names = hub_vault_list (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_clear_pointer (&names, g_strfreev);
  g_assert_true (hub_vault_wipe (fixture->vault, &error));
  g_assert_no_error (error);

  store_ok (fixture->vault, "c", plaintext);
  store_ok (fixture->vault, "a", plaintext);
  store_ok (fixture->vault, "b", plaintext);

  /* What a crash mid-store leaves, and something not ours. */
  g_assert_true (g_file_set_contents (leftover, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (unrelated, "mine", -1, NULL));

  names = hub_vault_list (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, ((const char *[]) { "a", "b", "c", NULL }));
  g_clear_pointer (&names, g_strfreev);

  g_assert_true (hub_vault_remove (fixture->vault, "b", &error));
  g_assert_no_error (error);
  g_assert_false (hub_vault_contains (fixture->vault, "b"));
  /* Removing what is not there is fine. */
  g_assert_true (hub_vault_remove (fixture->vault, "b", &error));
  g_assert_no_error (error);

  names = hub_vault_list (fixture->vault, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "a", "c", NULL }));
  g_clear_pointer (&names, g_strfreev);

  g_assert_true (hub_vault_wipe (fixture->vault, &error));
  g_assert_no_error (error);

  names = hub_vault_list (fixture->vault, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->vault), ==, 1);
  g_unlink (unrelated);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/vault/key/same-twice", test_key_same_twice);
  g_test_add_func ("/core/vault/key/per-account", test_key_per_account);
  g_test_add_func ("/core/vault/key/forget", test_key_forget);
  g_test_add_func ("/core/vault/key/concurrent", test_key_concurrent);
  g_test_add_func ("/core/vault/key/unavailable", test_key_unavailable);
  g_test_add_func ("/core/vault/key/cancelled", test_key_cancelled);

#define ADD(path, func) \
  g_test_add ("/core/vault/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip", test_round_trip);
  ADD ("not-found", test_not_found);
  ADD ("tampered", test_tampered);
  ADD ("swapped", test_swapped);
  ADD ("invalid-names", test_invalid_names);
  ADD ("cancelled-store", test_cancelled_store);
  ADD ("list-remove-wipe", test_list_remove_wipe);

#undef ADD

  ret = g_test_run ();

  secret_service_disconnect ();

  return ret;
}
