/* test-library.c: the offline library: keeping, searching, opening and
 * forgetting documents, and the startup check, through the real keyring
 * that build-aux/dev unlocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

#include "hub-core.h"
#include "hub-core-private.h"

#define COMPANY "co_northwind"

/* Every server here is unique to this process: another test may use the
 * keyring at the same time. */
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

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A two-page PDF whose second page holds @marker. */
static GBytes *
make_pdf (const char *marker)
{
  GByteArray *array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *text = g_strdup_printf ("Findings %s confirmed", marker);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, 612, 792);
  cr = cairo_create (surface);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, "Occupational health report");
  cairo_show_page (cr);
  cairo_move_to (cr, 72, 72);
  cairo_show_text (cr, text);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (array);
}

static HubResult *
make_result (const char *id,
             const char *first_name,
             const char *last_name,
             const char *visit_date,
             const char *claim,
             const char *document_name,
             const char *center_name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *claim_json = claim != NULL ? g_strdup_printf ("\"%s\"", claim)
                                              : g_strdup ("null");
  g_autofree char *json = NULL;
  HubResult *result;

  json = g_strdup_printf (
    "{\"id\": \"%s\", \"company_id\": \"" COMPANY "\","
    " \"visit\": {\"id\": \"vi_%s\", \"visit_date\": \"%s\","
    "   \"visit_type\": \"injury\", \"state\": \"TX\", \"claim_number\": %s,"
    "   \"employee\": {\"first_name\": \"%s\", \"last_name\": \"%s\","
    "     \"date_of_birth\": \"1980-04-12\", \"employee_id\": \"E-17\"},"
    "   \"center\": {\"id\": \"ce_1\", \"name\": \"%s\", \"state\": \"TX\"},"
    "   \"location\": {\"id\": \"lo_1\", \"name\": \"Dallas plant\"}},"
    " \"document\": {\"type\": \"Drug screen\", \"name\": \"%s\", \"pages\": 2},"
    " \"posted_at\": \"2026-05-11T09:30:00Z\", \"archived\": false,"
    " \"new\": true, \"flagged\": true,"
    " \"flagged_by\": {\"id\": \"us_9\", \"name\": \"Dana Reviewer\"},"
    " \"flagged_at\": \"2026-05-12T10:00:00Z\", \"reviewed\": false}",
    id, id + 3, visit_date, claim_json, first_name, last_name, center_name,
    document_name);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  result = hub_result_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

typedef struct {
  char *server;
  char *email;
  HubVaultKey *key;
  GFile *folder;
  HubLibrary *library;
  GBytes *pdfs[3];
  HubResult *results[3];
} Fixture;

static const char * const ids[] = { "re_a1", "re_b2", "re_c3" };
static const char * const markers[] = { "Zephyrquartz", "Obsidianflute", "Tangerinevault" };

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

static HubLibrary *
open_library (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  HubLibrary *library;

  library = hub_library_open (fixture->folder, fixture->key, &error);
  g_assert_no_error (error);
  g_assert_true (HUB_IS_LIBRARY (library));

  return library;
}

static gboolean
keep (HubLibrary  *library,
      HubResult   *result,
      GBytes      *pdf,
      GError     **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;

  hub_library_keep_async (library, result, pdf, NULL, on_result, &async_result);
  return hub_library_keep_finish (library, wait_for (&async_result), error);
}

static GBytes *
open_document (HubLibrary  *library,
               const char  *id,
               GError     **error)
{
  g_autoptr(GAsyncResult) async_result = NULL;

  hub_library_open_document_async (library, id, NULL, on_result, &async_result);
  return hub_library_open_document_finish (library, wait_for (&async_result), error);
}

static GFile *
document_file (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GFile) documents = g_file_get_child (fixture->folder, "documents");

  return g_file_get_child (documents, id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("library-%u", ++serial);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  fixture->server = unique_server (name);
  fixture->email = g_strdup ("admin@northwind.example");
  fixture->key = load_key (fixture->server, fixture->email);
  fixture->folder = g_file_new_for_path (path);
  fixture->library = open_library (fixture);

  fixture->results[0] = make_result (ids[0], "José", "Martínez", "2026-03-02",
                                     "WC-2026-0417", "Urine drug screen",
                                     "Northside Clinic");
  fixture->results[1] = make_result (ids[1], "Anna", "Smith", "2026-05-10",
                                     NULL, "Return to work note",
                                     "Eastgate Medical");
  fixture->results[2] = make_result (ids[2], "Joseph", "Martin", "2025-11-20",
                                     "WC-2025-1100", "Audiogram",
                                     "Northside Clinic");

  for (guint i = 0; i < 3; i++) {
    g_autoptr(GError) error = NULL;

    fixture->pdfs[i] = make_pdf (markers[i]);
    g_assert_true (keep (fixture->library, fixture->results[i], fixture->pdfs[i], &error));
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gpointer weak_library = fixture->library;
  gpointer weak_key = fixture->key;

  for (guint i = 0; i < 3; i++) {
    g_clear_object (&fixture->results[i]);
    g_clear_pointer (&fixture->pdfs[i], g_bytes_unref);
  }

  g_object_add_weak_pointer (G_OBJECT (fixture->library), &weak_library);
  g_object_add_weak_pointer (G_OBJECT (fixture->key), &weak_key);
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->key);
  assert_finalized (&weak_library);
  assert_finalized (&weak_key);

  hub_vault_key_forget_async (fixture->server, fixture->email, NULL, on_result, &result);
  g_assert_true (hub_vault_key_forget_finish (wait_for (&result), &error));
  g_assert_no_error (error);

  g_clear_object (&fixture->folder);
  g_clear_pointer (&fixture->server, g_free);
  g_clear_pointer (&fixture->email, g_free);
}

/* The ids of a search's results, in order, joined by spaces. */
static char *
search_ids (HubLibrary *library,
            const char *company_id,
            const char *metadata_query,
            const char *text_query)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ids_found = g_string_new (NULL);

  model = hub_library_search (library, company_id, metadata_query, text_query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (g_list_model_get_item_type (model) == HUB_TYPE_RESULT);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++) {
    g_autoptr(HubResult) result = g_list_model_get_item (model, i);

    if (ids_found->len > 0)
      g_string_append_c (ids_found, ' ');
    g_string_append (ids_found, hub_result_get_id (result));
  }

  return g_string_free (g_steal_pointer (&ids_found), FALSE);
}

#define assert_search(library, metadata, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search_ids ((library), COMPANY, (metadata), (text)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_keep_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(HubResult) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = NULL;

  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (hub_library_contains (fixture->library, ids[i]));
  g_assert_false (hub_library_contains (fixture->library, "re_zz"));

  /* Latest visit first. */
  assert_search (fixture->library, NULL, NULL, "re_b2 re_a1 re_c3");
  assert_search (fixture->library, "", "", "re_b2 re_a1 re_c3");

  /* Another company's list holds none of them. */
  other = search_ids (fixture->library, "co_other", NULL, NULL);
  g_assert_cmpstr (other, ==, "");

  /* The result reads back whole. */
  model = hub_library_search (fixture->library, COMPANY, "martínez", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (hub_result_get_employee_first_name (first), ==, "José");
  g_assert_cmpstr (hub_result_get_claim_number (first), ==, "WC-2026-0417");
  g_assert_cmpstr (hub_result_get_center_name (first), ==, "Northside Clinic");
  g_assert_cmpstr (hub_result_get_location_name (first), ==, "Dallas plant");
  g_assert_cmpstr (hub_result_get_document_name (first), ==, "Urine drug screen");
  g_assert_cmpuint (hub_result_get_document_pages (first), ==, 2);
  g_assert_cmpint (hub_result_get_visit_type (first), ==, HUB_VISIT_TYPE_INJURY);
  g_assert_true (hub_result_get_flagged (first));
  g_assert_cmpstr (hub_result_get_flagged_by_name (first), ==, "Dana Reviewer");
  g_assert_nonnull (hub_result_get_posted_at (first));
  g_assert_cmpint (g_date_time_to_unix (hub_result_get_posted_at (first)), ==,
                   g_date_time_to_unix (hub_result_get_posted_at (fixture->results[0])));

  /* Keeping it again replaces it. */
  g_assert_true (keep (fixture->library, fixture->results[0], fixture->pdfs[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 3);
  assert_search (fixture->library, NULL, markers[0], "re_a1");
}

static void
test_search_metadata (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Accents and case do not matter; words are prefixes, all required. */
  assert_search (fixture->library, "jose", NULL, "re_a1 re_c3");
  assert_search (fixture->library, "JOSÉ", NULL, "re_a1 re_c3");
  assert_search (fixture->library, "jose martinez", NULL, "re_a1");
  assert_search (fixture->library, "MARTINEZ", NULL, "re_a1");
  assert_search (fixture->library, "martin", NULL, "re_a1 re_c3");
  assert_search (fixture->library, "  smi  ", NULL, "re_b2");

  /* Claim, document, center and date. */
  assert_search (fixture->library, "WC-2026", NULL, "re_a1");
  assert_search (fixture->library, "wc", NULL, "re_a1 re_c3");
  assert_search (fixture->library, "audio", NULL, "re_c3");
  assert_search (fixture->library, "eastgate", NULL, "re_b2");
  assert_search (fixture->library, "northside", NULL, "re_a1 re_c3");
  assert_search (fixture->library, "2026-05-10", NULL, "re_b2");
  assert_search (fixture->library, "nobody", NULL, "");
}

static void
test_search_text (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < 3; i++) {
    g_autofree char *upper = g_ascii_strup (markers[i], -1);

    assert_search (fixture->library, NULL, markers[i], ids[i]);
    assert_search (fixture->library, NULL, upper, ids[i]);
  }

  /* Words of the first page too, in every document. */
  assert_search (fixture->library, NULL, "occupational", "re_b2 re_a1 re_c3");

  /* Both queries at once must both match. */
  assert_search (fixture->library, "jose", "zephyrquartz", "re_a1");
  assert_search (fixture->library, "smith", "zephyrquartz", "");

  /* Whole words only inside documents. */
  assert_search (fixture->library, NULL, "zephyr", "");
}

static void
test_search_injection (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const nothing[] = {
    "\"foo\" OR *",
    "zephyrquartz\" OR \"obsidianflute",
    "zephyrquartz OR obsidianflute",
    "NEAR(zephyrquartz obsidianflute)",
    "NEAR(zephyrquartz obsidianflute, 10)",
    "metadata : jose",
    "text:zephyrquartz OR text:obsidianflute",
    "{metadata text} : jose",
    "zephyrquartz NOT obsidianflute",
  };
  static const char * const everything[] = {
    "*", "\"", "\"\"", "-", "^", ":", "( )", "' OR 1=1 --x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++) {
    assert_search (fixture->library, NULL, nothing[i], "");
    assert_search (fixture->library, nothing[i], NULL, "");
  }

  /* Punctuation alone is no word: no filter at all. */
  for (guint i = 0; i < G_N_ELEMENTS (everything) - 1; i++)
    assert_search (fixture->library, everything[i], everything[i], "re_b2 re_a1 re_c3");
  assert_search (fixture->library, NULL, "' OR 1=1 --x", "");

  /* Quotes and syntax around a word leave the literal word. */
  assert_search (fixture->library, NULL, "zephyrquartz\"", "re_a1");
  assert_search (fixture->library, NULL, "\"zephyrquartz\"", "re_a1");
  assert_search (fixture->library, NULL, "zephyrquartz*", "re_a1");
  assert_search (fixture->library, NULL, "(zephyrquartz)", "re_a1");
  assert_search (fixture->library, "^jos*", NULL, "re_a1 re_c3");
}

static void
test_keep_concurrent (Fixture       *fixture,
                      gconstpointer  data)
{
  GAsyncResult *results[5] = { NULL, };
  HubResult *kept[5];
  g_autoptr(GBytes) pdf = make_pdf ("Quicksilverlark");

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++) {
    g_autofree char *id = g_strdup_printf ("re_n%u", i);
    g_autofree char *date = g_strdup_printf ("2024-01-0%u", i + 1);

    kept[i] = make_result (id, "Nadia", "Núñez", date, NULL,
                           "Physical", "Eastgate Medical");
    hub_library_keep_async (fixture->library, kept[i], pdf, NULL, on_result, &results[i]);
  }

  /* Searching while the workers write. */
  for (guint i = 0; i < 20; i++) {
    g_autofree char *found = search_ids (fixture->library, COMPANY, "nunez", NULL);

    g_assert_nonnull (found);
    g_main_context_iteration (NULL, FALSE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++) {
    g_autoptr(GError) error = NULL;

    g_assert_true (hub_library_keep_finish (fixture->library, wait_for (&results[i]), &error));
    g_assert_no_error (error);
    g_clear_object (&results[i]);
    g_clear_object (&kept[i]);
  }

  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 8);
  assert_search (fixture->library, "nunez", "quicksilverlark",
                 "re_n4 re_n3 re_n2 re_n1 re_n0");
}

static void
test_open_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) missing = NULL;

  for (guint i = 0; i < 3; i++) {
    g_autoptr(GBytes) bytes = open_document (fixture->library, ids[i], &error);
    g_autoptr(GFile) file = document_file (fixture, ids[i]);
    g_autofree char *sealed = NULL;
    gsize sealed_length;

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (bytes, fixture->pdfs[i]));

    /* The file on disk is sealed. The database is not: its full-text index
     * holds the documents' words, so that they can be searched. */
    g_assert_true (g_file_load_contents (file, NULL, &sealed, &sealed_length, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (g_strstr_len (sealed, sealed_length, "%PDF"));
    g_assert_null (g_strstr_len (sealed, sealed_length, markers[i]));
  }

  missing = open_document (fixture->library, "re_zz", &error);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_keep_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a pdf", 9);
  g_autoptr(HubResult) result = make_result ("re_d4", "Ana", "Ruiz", "2026-01-01",
                                             NULL, "Physical", "Eastgate Medical");
  g_autoptr(GFile) file = document_file (fixture, "re_d4");
  g_autoptr(GError) error = NULL;

  g_assert_false (keep (fixture->library, result, junk, &error));
  g_assert_error (error, HUB_ERROR, HUB_ERROR_FAILED);
  g_assert_false (hub_library_contains (fixture->library, "re_d4"));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 3);
}

static void
test_forget (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = document_file (fixture, ids[0]);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = 99;

  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (hub_library_forget (fixture->library, ids[0], &error));
  g_assert_no_error (error);

  g_assert_false (hub_library_contains (fixture->library, ids[0]));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 2);
  assert_search (fixture->library, NULL, markers[0], "");
  assert_search (fixture->library, "jose", NULL, "re_c3");

  bytes = open_document (fixture->library, ids[0], &error);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* Forgetting what is not kept is no error. */
  g_assert_true (hub_library_forget (fixture->library, ids[0], &error));
  g_assert_no_error (error);

  g_assert_true (hub_library_check (fixture->library, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);
}

static void
test_forget_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) documents = g_file_get_child (fixture->folder, "documents");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = g_file_get_path (documents);

  g_assert_true (hub_library_forget_all (fixture->library, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 0);
  assert_search (fixture->library, NULL, NULL, "");
  assert_search (fixture->library, NULL, markers[1], "");
  dir = g_dir_open (path, 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);

  /* The library still works. */
  g_assert_true (keep (fixture->library, fixture->results[1], fixture->pdfs[1], &error));
  g_assert_no_error (error);
  assert_search (fixture->library, NULL, markers[1], ids[1]);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) lost = document_file (fixture, ids[1]);
  g_autoptr(GFile) orphan = document_file (fixture, "re_zz");
  g_autoptr(HubVault) vault = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) documents = g_file_get_child (fixture->folder, "documents");
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  /* A row whose file is gone, and a file with no row. */
  g_assert_true (g_file_delete (lost, NULL, &error));
  g_assert_no_error (error);
  vault = hub_vault_new (documents, fixture->key);
  hub_vault_store_async (vault, "re_zz", fixture->pdfs[0], NULL, on_result, &result);
  g_assert_true (hub_vault_store_finish (vault, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (orphan, NULL));

  g_assert_true (hub_library_check (fixture->library, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);

  g_assert_false (hub_library_contains (fixture->library, ids[1]));
  g_assert_false (g_file_query_exists (orphan, NULL));
  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 2);
  assert_search (fixture->library, NULL, NULL, "re_a1 re_c3");

  /* A second check finds nothing more. */
  g_assert_true (hub_library_check (fixture->library, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (hub_library_check (fixture->library, NULL, &error));
  g_assert_no_error (error);
}

static void
test_persistence (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_file_get_path (fixture->folder);
  gpointer weak = fixture->library;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_object_add_weak_pointer (G_OBJECT (fixture->library), &weak);
  g_clear_object (&fixture->library);
  assert_finalized (&weak);

  fixture->library = open_library (fixture);
  g_assert_cmpuint (hub_library_get_count (fixture->library), ==, 3);
  assert_search (fixture->library, "josé", NULL, "re_a1 re_c3");
  assert_search (fixture->library, NULL, markers[2], ids[2]);

  bytes = open_document (fixture->library, ids[2], &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, fixture->pdfs[2]));

  /* A third opening of the same folder does not apply the migrations
   * again. */
  {
    g_autoptr(HubLibrary) again = open_library (fixture);

    g_assert_cmpuint (hub_library_get_count (again), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/library/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("keep-and-list", test_keep_and_list);
  ADD ("search-metadata", test_search_metadata);
  ADD ("search-text", test_search_text);
  ADD ("search-injection", test_search_injection);
  ADD ("open-document", test_open_document);
  ADD ("keep-invalid", test_keep_invalid);
  ADD ("keep-concurrent", test_keep_concurrent);
  ADD ("forget", test_forget);
  ADD ("forget-all", test_forget_all);
  ADD ("check", test_check);
  ADD ("persistence", test_persistence);

#undef ADD

  ret = g_test_run ();

  secret_service_disconnect ();

  return ret;
}
