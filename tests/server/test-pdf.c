/* test-pdf.c: document types and their layouts, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-pdf.h"

static HubdResult *
result_of_type (const HubdDocumentType *type,
                gint64                  id)
{
  HubdResult *result = g_new0 (HubdResult, 1);

  result->id = id;
  result->company_id = 1;
  result->company_name = g_strdup ("Northwind Logistics");
  result->visit_date = g_strdup ("2026-02-14");
  result->visit_type = type->visit_type;
  result->state = g_strdup ("TX");
  result->claim_number = type->visit_type == HUBD_VISIT_INJURY ? g_strdup ("WC-26-000001")
                                                               : NULL;
  result->first_name = g_strdup ("Zoë");
  result->last_name = g_strdup ("Muñoz");
  result->date_of_birth = g_strdup ("1979-11-23");
  result->center.name = g_strdup ("HUB Occupational Health – Dallas North");
  result->center.line1 = g_strdup ("4410 Medical Pkwy");
  result->center.city = g_strdup ("Dallas");
  result->center.state = g_strdup ("TX");
  result->center.postal_code = g_strdup ("75215");
  result->center.phone = g_strdup ("+1 214-555-0199");
  result->location_name = g_strdup ("Dallas Distribution Center");
  result->document = type;
  result->posted_at = 1770000000;

  return result;
}

/* Every type draws a PDF, and the same result draws the same bytes (its
 * ETag must not change when the kept copy is drawn again). The pages are
 * counted with poppler's pdfinfo in test-api-documents. */
static void
test_every_layout (void)
{
  guint n_types;
  const HubdDocumentType *types = hubd_document_types (&n_types);

  g_assert_cmpuint (n_types, ==, 21);
  for (guint i = 0; i < n_types; i++) {
    g_autoptr (HubdResult) result = result_of_type (&types[i], 100 + i);
    g_autoptr (HubdResult) other = result_of_type (&types[i], 200 + i);
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) first = hubd_pdf_render (result, &error);
    g_autoptr (GBytes) second = hubd_pdf_render (result, &error);
    g_autoptr (GBytes) another = hubd_pdf_render (other, &error);

    g_test_message ("%s", types[i].code);
    g_assert_no_error (error);
    g_assert_cmpuint (types[i].pages, >=, 1);
    g_assert_cmpuint (types[i].pages, <=, 4);
    g_assert_cmpmem (g_bytes_get_data (first, NULL), 5, "%PDF-", 5);
    g_assert_cmpmem ((const char *) g_bytes_get_data (first, NULL) +
                     g_bytes_get_size (first) - 6, 5, "%%EOF", 5);
    g_assert_true (g_bytes_equal (first, second));
    g_assert_false (g_bytes_equal (first, another));
  }
}

static void
assert_matches (const char         *query,
                const char * const *codes)
{
  g_autoptr (GPtrArray) matches = hubd_document_types_matching (query);

  g_test_message ("document %s", query);
  g_assert_cmpuint (matches->len, ==, g_strv_length ((char **) codes));
  for (guint i = 0; i < matches->len; i++)
    g_assert_true (g_strv_contains (codes, ((HubdDocumentType *) g_ptr_array_index (matches,
                                                                                    i))->code));
}

static void
test_matching (void)
{
  assert_matches ("audiogram", (const char *[]) { "audiogram", NULL });
  assert_matches ("physical", (const char *[]) { "pre_placement_physical", "other_physical",
                                                 NULL });
  assert_matches ("Pre-Placement", (const char *[]) { "pre_placement_physical", NULL });
  assert_matches ("lab test", (const char *[]) { "test_lab_results", NULL });
  assert_matches ("MEC dot", (const char *[]) { "mec_dot_card", NULL });
  assert_matches ("no-show", (const char *[]) { "no_show_letter", NULL });
  assert_matches ("drug screen", (const char *[]) { NULL });
  assert_matches ("  ", (const char *[]) { NULL });

  g_assert_null (hubd_document_type_lookup ("drug_screen"));
  g_assert_cmpstr (hubd_document_type_lookup ("fit_test")->name, ==, "Fit Test");
}

static void
test_fold (void)
{
  const char *cases[][2] = {
    { "José", "jose" }, { "ZOË", "zoe" }, { "Muñoz", "munoz" },
    { "Quillfeather", "quillfeather" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *folded = hubd_fold_text (cases[i][0]);

    g_assert_cmpstr (folded, ==, cases[i][1]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf/every-layout", test_every_layout);
  g_test_add_func ("/pdf/matching", test_matching);
  g_test_add_func ("/pdf/fold", test_fold);

  return g_test_run ();
}
