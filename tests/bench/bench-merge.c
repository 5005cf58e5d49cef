/* bench-merge.c: a merged download of 50 documents, against a local hubd
 * with the medium demo data set.
 *
 * What the user waits for is the whole of it: the documents downloaded one
 * after the other, as the results page does, then merged into one file.
 * The merge alone is printed too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>

#include "hub-core.h"
#include "hub-test-server.h"

#define DEMO_ADMIN    "admin@northwind.example"
#define DEMO_PASSWORD "HubDemo!2026"
#define N_DOCUMENTS   50
#define RUNS          5

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static HubUser *
sign_in (HubClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  HubUser *user;

  hub_client_sign_in_async (client, DEMO_ADMIN, DEMO_PASSWORD, NULL, on_result, &result);
  user = hub_client_sign_in_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  return user;
}

static HubResultPage *
search (HubClient  *client,
        const char *company_id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (HubResultQuery) query = hub_result_query_new ();
  g_autoptr (GError) error = NULL;
  HubResultPage *page;

  hub_client_search_results_async (client, company_id, query, NULL, N_DOCUMENTS, NULL,
                                   on_result, &result);
  page = hub_client_search_results_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  return page;
}

/* The first company of the user with at least N_DOCUMENTS results. */
static GListModel *
find_results (HubClient  *client,
              HubUser    *user,
              char      **company_id)
{
  GListModel *memberships = hub_user_get_memberships (user);

  for (guint i = 0; i < g_list_model_get_n_items (memberships); i++) {
    g_autoptr (HubMembership) membership = g_list_model_get_item (memberships, i);
    const char *id = hub_membership_get_company_id (membership);
    g_autoptr (HubResultPage) page = search (client, id);
    GListModel *items = hub_result_page_get_items (page);

    if (g_list_model_get_n_items (items) >= N_DOCUMENTS) {
      *company_id = g_strdup (id);
      return g_object_ref (items);
    }
  }

  g_error ("No company of %s has %d results", DEMO_ADMIN, N_DOCUMENTS);
}

static GBytes *
download (HubClient  *client,
          const char *company_id,
          HubResult  *result)
{
  g_autoptr (GAsyncResult) answer = NULL;
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  hub_client_download_result_async (client, company_id, hub_result_get_id (result), NULL,
                                    on_result, &answer);
  bytes = hub_client_download_result_finish (client, wait_for (&answer), &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static GStrv
titles_for (GListModel *results)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < N_DOCUMENTS; i++) {
    g_autoptr (HubResult) result = g_list_model_get_item (results, i);
    g_autofree char *name = hub_result_dup_employee_name (result);
    g_autofree char *title = g_strdup_printf ("%s – %s – %s", name,
                                              hub_result_get_document_name (result),
                                              hub_result_get_visit_date (result));

    g_strv_builder_add (builder, title);
  }

  return g_strv_builder_end (builder);
}

/* PopplerDocument has no autoptr cleanup: it is unreferenced by hand. */
static int
count_pages (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  int n_pages;

  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_object_unref (document);

  return n_pages;
}

static int
count_file_pages (GFile *file)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  int n_pages;

  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_object_unref (document);

  return n_pages;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubTestServer) server = NULL;
  g_autoptr (HubClient) client = NULL;
  g_autoptr (HubUser) user = NULL;
  g_autoptr (GListModel) results = NULL;
  g_autofree char *company_id = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hubdesk-bench-merge-XXXXXX", NULL);
  g_auto (GStrv) titles = NULL;
  guint listed_pages = 0;
  double whole[RUNS];
  double merge_only[RUNS];

  g_assert_nonnull (dir);

  server = hub_test_server_new ("medium", NULL, &error);
  g_assert_no_error (error);

  client = hub_client_new (hub_test_server_get_base_url (server));
  user = sign_in (client);
  results = find_results (client, user, &company_id);
  titles = titles_for (results);
  for (guint i = 0; i < N_DOCUMENTS; i++) {
    g_autoptr (HubResult) result = g_list_model_get_item (results, i);

    listed_pages += hub_result_get_document_pages (result);
  }

  for (guint run = 0; run < RUNS; run++) {
    g_autoptr (GPtrArray) documents = NULL;
    g_autofree char *name = g_strdup_printf ("merged-%u.pdf", run);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GAsyncResult) merged = NULL;
    gint64 start;
    gint64 merge_start;
    gint64 end;
    int pages = 0;

    start = g_get_monotonic_time ();
    documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    for (guint i = 0; i < N_DOCUMENTS; i++) {
      g_autoptr (HubResult) result = g_list_model_get_item (results, i);

      g_ptr_array_add (documents, download (client, company_id, result));
    }

    merge_start = g_get_monotonic_time ();
    hub_pdf_merge_async (documents, titles, file, NULL, NULL, NULL, on_result, &merged);
    g_assert_true (hub_pdf_merge_finish (wait_for (&merged), &error));
    g_assert_no_error (error);
    end = g_get_monotonic_time ();

    whole[run] = (end - start) / 1e6;
    merge_only[run] = (end - merge_start) / 1e6;

    /* Every page of every document is in the merged file. */
    for (guint i = 0; i < documents->len; i++)
      pages += count_pages (g_ptr_array_index (documents, i));
    g_assert_cmpint (count_file_pages (file), ==, pages);
    g_print ("# run %u: %.2f s, merge %.2f s, %u documents, %d pages (%u listed)\n",
             run + 1, whole[run], merge_only[run], documents->len, pages, listed_pages);

    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  g_rmdir (dir);

  qsort (whole, RUNS, sizeof (double), compare_doubles);
  qsort (merge_only, RUNS, sizeof (double), compare_doubles);
  g_print ("BENCH merge_50_documents %.2f s target 2\n", whole[RUNS / 2]);
  g_print ("BENCH merge_50_documents_merge_only %.2f s target -\n", merge_only[RUNS / 2]);

  return 0;
}
