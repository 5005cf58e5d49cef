/* test-result-list.c: HubResultList and the results calls against a fake
 * HUB in this process, which counts what it is asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <string.h>

#include "hub-core.h"

#define N_RESULTS 1234
#define PAGE_SIZE 50

/* A fake HUB with N_RESULTS results for company co_north. A cursor is the
 * position of the next result, so a page after the wrong one shows. */
typedef struct {
  SoupServer *soup;
  char *base_url;
  guint n_total;
  guint n_searches;
  guint n_other;
  /* Searches from this one (counted from 1) fail with HTTP 500. */
  guint fail_from;
  char *last_query;
  GBytes *content;
} FakeHub;

static char *
result_json (guint    i,
             gboolean flagged)
{
  return g_strdup_printf ("{\"id\": \"res_%u\", \"company_id\": \"co_north\","
                          " \"visit\": {\"id\": \"vis_%u\", \"visit_date\": \"2026-10-%02u\","
                          " \"visit_type\": \"%s\", \"state\": \"TX\","
                          " \"employee\": {\"first_name\": \"First%u\", \"last_name\": \"Last%u\","
                          " \"date_of_birth\": \"1980-01-01\"},"
                          " \"center\": {\"id\": \"ctr_1\", \"name\": \"Clinic\","
                          " \"state\": \"TX\"},"
                          " \"location\": {\"id\": \"loc_1\", \"name\": \"Depot\"}},"
                          " \"document\": {\"type\": \"work_status_report\","
                          " \"name\": \"Work Status Report\", \"pages\": 1},"
                          " \"posted_at\": \"2026-10-30T12:00:00Z\", \"archived\": false,"
                          " \"new\": true, \"flagged\": %s%s, \"reviewed\": false}",
                          i, i, 1 + i % 28, i % 2 ? "injury" : "non_injury", i, i,
                          flagged ? "true" : "false",
                          flagged ? ", \"flagged_by\": {\"id\": \"usr_1\", \"name\": \"A B\"},"
                                    " \"flagged_at\": \"2026-11-01T00:00:00Z\"" : "");
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      body, strlen (body));
}

static void
respond_search (FakeHub           *fake,
                SoupServerMessage *msg,
                GHashTable        *query)
{
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *limit_text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  g_autoptr(GString) body = g_string_new ("{\"items\": [");
  guint start = cursor != NULL ? (guint) g_ascii_strtoull (cursor + 1, NULL, 10) : 0;
  guint limit = limit_text != NULL ? (guint) g_ascii_strtoull (limit_text, NULL, 10) : 50;
  guint end = MIN (start + limit, fake->n_total);

  fake->n_searches++;
  g_free (fake->last_query);
  fake->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));

  if (fake->fail_from != 0 && fake->n_searches >= fake->fail_from)
    {
      respond (msg, 500, "{\"code\": \"internal\", \"message\": \"Broken.\"}");
      return;
    }

  for (guint i = start; i < end; i++)
    {
      g_autofree char *item = result_json (i, FALSE);

      if (i > start)
        g_string_append (body, ", ");
      g_string_append (body, item);
    }

  g_string_append_printf (body, "], \"total\": %u", fake->n_total);
  if (end < fake->n_total)
    g_string_append_printf (body, ", \"next_cursor\": \"c%u\"", end);
  g_string_append (body, "}");

  respond (msg, 200, body->str);
}

static void
fake_handler (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeHub *fake = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (path, "/api/v1/session"))
    {
      respond (msg, 201, "{\"token\": \"fake-token\", \"expires_at\": \"2030-01-01T00:00:00Z\","
                         " \"idle_timeout_seconds\": 900,"
                         " \"user\": {\"id\": \"usr_1\", \"email\": \"a@example.com\","
                         " \"first_name\": \"A\", \"last_name\": \"B\", \"companies\": []}}");
      return;
    }

  if (g_str_equal (path, "/api/v1/companies/co_north/results"))
    {
      respond_search (fake, msg, query);
      return;
    }

  fake->n_other++;

  if (g_str_equal (path, "/api/v1/companies/co_north/results/res_7/flag"))
    {
      g_autofree char *item = result_json (7, g_str_equal (method, "PUT"));
      g_autofree char *body = g_strdup_printf ("{\"result\": %s, \"changed\": true}", item);

      respond (msg, 200, body);
    }
  else if (g_str_equal (path, "/api/v1/companies/co_north/results/res_8/flag"))
    {
      /* Another result than the one asked for. */
      g_autofree char *item = result_json (9, TRUE);
      g_autofree char *body = g_strdup_printf ("{\"result\": %s, \"changed\": true}", item);

      respond (msg, 200, body);
    }
  else if (g_str_equal (path, "/api/v1/companies/co_north/results/res_big/content"))
    {
      static const char chunk[1024 * 1024] = "%PDF-";
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      /* No length announced: the client learns the size as it reads. */
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, 200, NULL);
      for (guint i = 0; i < 65; i++)
        soup_message_body_append (body, SOUP_MEMORY_STATIC, chunk, sizeof chunk);
      soup_message_body_complete (body);
    }
  else if (g_str_has_prefix (path, "/api/v1/companies/co_north/results/") &&
           g_str_has_suffix (path, "/content"))
    {
      g_assert_cmpstr (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept"), ==, "application/pdf");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (fake->content, NULL),
                                        g_bytes_get_size (fake->content));
    }
  else if (g_str_equal (path, "/api/v1/companies/co_north/results/changes"))
    {
      const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;

      if (since == NULL)
        respond (msg, 200, "{\"token\": \"t1\", \"new_results\": [], \"more\": false}");
      else
        {
          g_autofree char *item = result_json (1300, FALSE);
          g_autofree char *body = g_strdup_printf ("{\"token\": \"t2\", \"new_results\": [%s],"
                                                   " \"more\": true}", item);

          g_assert_cmpstr (since, ==, "t1 &x");
          respond (msg, 200, body);
        }
    }
  else if (g_str_equal (path, "/api/v1/companies/co_north/centers"))
    respond (msg, 200, "{\"items\": [{\"id\": \"ctr_1\", \"name\": \"Clinic\", \"state\": \"TX\","
                       " \"phone\": \"+1 214 555 0100\","
                       " \"address\": {\"line1\": \"1 Main St\", \"city\": \"Dallas\","
                       " \"state\": \"TX\", \"postal_code\": \"75201\"}}]}");
  else if (g_str_equal (path, "/api/v1/document-types"))
    respond (msg, 200, "{\"items\": [{\"code\": \"fit_test\", \"name\": \"Fit Test\","
                       " \"visit_type\": \"non_injury\", \"pages\": 1}]}");
  else
    respond (msg, 404, "{\"code\": \"not_found\", \"message\": \"No such thing.\"}");
}

static FakeHub *
fake_hub_new (void)
{
  FakeHub *fake = g_new0 (FakeHub, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->n_total = N_RESULTS;
  fake->content = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  fake->soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->soup, NULL, fake_handler, fake, NULL);
  soup_server_listen_local (fake->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->soup);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_hub_free (FakeHub *fake)
{
  /* Let the server see every connection close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fake->soup);
  g_free (fake->base_url);
  g_free (fake->last_query);
  g_bytes_unref (fake->content);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeHub, fake_hub_free)

/* --- helpers --------------------------------------------------------------------- */

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

static HubClient *
signed_in_client (FakeHub *fake)
{
  HubClient *client = hub_client_new (fake->base_url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HubUser) user = NULL;
  g_autoptr(GError) error = NULL;

  hub_client_sign_in_async (client, "a@example.com", "a password", NULL, on_result, &result);
  user = hub_client_sign_in_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);

  return client;
}

#define assert_finalize(pointer)                                                \
  G_STMT_START {                                                                \
    GObject *weak_ = G_OBJECT (pointer);                                        \
    g_object_add_weak_pointer (weak_, (gpointer *) &weak_);                     \
    g_clear_object (&(pointer));                                                \
    g_assert_null (weak_);                                                      \
  } G_STMT_END

/* Iterates until @list is neither loading nor about to load. */
static void
wait_until_idle (HubResultList *list)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (hub_result_list_get_loading (list))
        g_main_context_iteration (NULL, TRUE);
    }
  while (hub_result_list_get_loading (list) || g_main_context_pending (NULL));
}

typedef struct {
  guint n_changes;
  guint n_ready_notify;
  guint n_error_notify;
  guint n_loading_notify;
  guint last_position;
  guint last_removed;
  guint last_added;
  gboolean balanced;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  watch->n_changes++;
  watch->last_position = position;
  watch->last_removed = removed;
  watch->last_added = added;
}

static void
on_list_notify (GObject    *object,
                GParamSpec *pspec,
                Watch      *watch)
{
  if (g_str_equal (pspec->name, "ready"))
    watch->n_ready_notify++;
  else if (g_str_equal (pspec->name, "error"))
    watch->n_error_notify++;
  else if (g_str_equal (pspec->name, "loading"))
    watch->n_loading_notify++;
}

static HubResultList *
watched_list_new (HubClient      *client,
                  HubResultQuery *query,
                  Watch          *watch)
{
  HubResultList *list = hub_result_list_new (client, "co_north", query, PAGE_SIZE);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), watch);
  g_signal_connect (list, "notify", G_CALLBACK (on_list_notify), watch);

  return list;
}

static void
unwatch (HubResultList *list,
         Watch         *watch)
{
  g_signal_handlers_disconnect_by_data (list, watch);
}

/* --- the list ---------------------------------------------------------------------- */

static void
test_list_pages_on_demand (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  HubResult *placeholder;
  HubResult *item;
  Watch watch = { 0, };

  list = watched_list_new (client, NULL, &watch);

  /* Empty until the first page is there. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HUB_TYPE_RESULT);
  g_assert_false (hub_result_list_get_ready (list));
  g_assert_true (hub_result_list_get_loading (list));

  wait_until_idle (list);
  g_assert_true (hub_result_list_get_ready (list));
  g_assert_cmpuint (watch.n_ready_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RESULTS);
  g_assert_cmpuint (hub_result_list_get_total (list), ==, N_RESULTS);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, PAGE_SIZE);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_cmpuint (watch.last_added, ==, N_RESULTS);
  g_assert_cmpuint (fake->n_searches, ==, 1);
  g_assert_cmpstr (fake->last_query, ==, "limit=50");

  item = g_list_model_get_item (G_LIST_MODEL (list), 49);
  g_assert_false (hub_result_is_placeholder (item));
  g_assert_cmpstr (hub_result_get_id (item), ==, "res_49");
  g_object_unref (item);
  wait_until_idle (list);
  g_assert_cmpuint (fake->n_searches, ==, 1);

  /* Far down: a placeholder now, the same one when asked again, and the
   * pages up to it load in order. */
  placeholder = g_list_model_get_item (G_LIST_MODEL (list), 1000);
  g_assert_true (hub_result_is_placeholder (placeholder));
  item = g_list_model_get_item (G_LIST_MODEL (list), 1000);
  g_assert_true (item == placeholder);
  g_object_unref (item);

  /* Many rows asked for at once are one run of requests, and one stretch
   * of loading. */
  watch.n_loading_notify = 0;
  for (guint i = 990; i < 1010; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));

  wait_until_idle (list);
  g_assert_cmpuint (watch.n_loading_notify, ==, 2);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, 1050);
  g_assert_cmpuint (fake->n_searches, ==, 1050 / PAGE_SIZE);
  g_assert_cmpstr (fake->last_query, ==, "limit=50&cursor=c1000");

  /* Each page replaced its own placeholders, and nothing else. */
  g_assert_cmpuint (watch.n_changes, ==, 1 + 1050 / PAGE_SIZE - 1);
  g_assert_cmpuint (watch.last_position, ==, 1000);
  g_assert_cmpuint (watch.last_removed, ==, PAGE_SIZE);
  g_assert_cmpuint (watch.last_added, ==, PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RESULTS);

  item = g_list_model_get_item (G_LIST_MODEL (list), 1000);
  g_assert_false (hub_result_is_placeholder (item));
  g_assert_cmpstr (hub_result_get_id (item), ==, "res_1000");
  g_assert_true (item != placeholder);
  g_assert_true (hub_result_list_find (list, "res_1000") == item);
  g_assert_null (hub_result_list_find (list, "res_1100"));
  g_object_unref (item);
  assert_finalize (placeholder);

  /* Out of range. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_RESULTS));

  wait_until_idle (list);
  g_assert_cmpuint (fake->n_searches, ==, 1050 / PAGE_SIZE);
  g_assert_null (hub_result_list_get_error (list));

  unwatch (list, &watch);
  assert_finalize (list);
  assert_finalize (client);
}

static void
test_list_to_the_end (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  HubResult *item;
  Watch watch = { 0, };

  list = watched_list_new (client, NULL, &watch);
  wait_until_idle (list);

  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), N_RESULTS - 1));
  wait_until_idle (list);

  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, N_RESULTS);
  g_assert_cmpuint (fake->n_searches, ==, (N_RESULTS + PAGE_SIZE - 1) / PAGE_SIZE);
  g_assert_cmpuint (watch.last_position, ==, 1200);
  g_assert_cmpuint (watch.last_added, ==, N_RESULTS - 1200);

  item = g_list_model_get_item (G_LIST_MODEL (list), N_RESULTS - 1);
  g_assert_cmpstr (hub_result_get_id (item), ==, "res_1233");
  g_object_unref (item);

  unwatch (list, &watch);
  assert_finalize (list);
  assert_finalize (client);
}

static void
test_list_query (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultQuery *query = hub_result_query_new ();
  HubResultList *list;
  Watch watch = { 0, };

  g_object_set (query, "name", "Núñez & Co", "flagged", HUB_TRISTATE_YES, NULL);
  list = watched_list_new (client, query, &watch);

  /* The list searches with a copy: changing the query is a new search,
   * not this one. */
  hub_result_query_set_name (query, "Other");
  g_assert_cmpstr (hub_result_query_get_name (hub_result_list_get_query (list)), ==,
                   "Núñez & Co");

  wait_until_idle (list);
  g_assert_cmpstr (fake->last_query, ==, "name=N%C3%BA%C3%B1ez%20%26%20Co&flagged=true&limit=50");

  unwatch (list, &watch);
  assert_finalize (list);
  assert_finalize (query);
  assert_finalize (client);
}

static void
test_list_fewer_than_counted (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  Watch watch = { 0, };

  list = watched_list_new (client, NULL, &watch);
  wait_until_idle (list);
  g_assert_cmpuint (hub_result_list_get_total (list), ==, N_RESULTS);

  /* Results went while the user scrolled: the last page comes early. */
  fake->n_total = 120;
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 200));
  wait_until_idle (list);

  g_assert_cmpuint (hub_result_list_get_total (list), ==, 120);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 120);
  g_assert_cmpuint (watch.last_position, ==, 120);
  g_assert_cmpuint (watch.last_removed, ==, N_RESULTS - 120);
  g_assert_cmpuint (watch.last_added, ==, 0);

  unwatch (list, &watch);
  assert_finalize (list);
  assert_finalize (client);
}

static void
test_list_error_and_reload (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  const GError *error;
  g_autoptr(GError) error_property = NULL;
  HubResult *item;
  Watch watch = { 0, };

  fake->fail_from = 3;
  list = watched_list_new (client, NULL, &watch);
  wait_until_idle (list);

  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 500));
  wait_until_idle (list);

  /* The third page failed, and loading stopped there. */
  g_assert_cmpuint (fake->n_searches, ==, 3);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, 2 * PAGE_SIZE);
  g_assert_false (hub_result_list_get_loading (list));
  error = hub_result_list_get_error (list);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_cmpuint (watch.n_error_notify, ==, 1);
  g_object_get (list, "error", &error_property, NULL);
  g_assert_error (error_property, HUB_ERROR, HUB_ERROR_SERVER);

  /* No retrying behind the user's back. */
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 600));
  wait_until_idle (list);
  g_assert_cmpuint (fake->n_searches, ==, 3);

  /* Reload starts over: empty, then the first page again. */
  fake->fail_from = 0;
  watch.n_changes = 0;
  watch.n_loading_notify = 0;
  hub_result_list_reload (list);
  g_assert_true (hub_result_list_get_loading (list));
  g_assert_cmpuint (watch.n_loading_notify, ==, 1);

  /* Reloading while loading goes on loading: nothing to notify. */
  hub_result_list_reload (list);
  g_assert_cmpuint (watch.n_loading_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (watch.last_removed, ==, N_RESULTS);
  g_assert_null (hub_result_list_get_error (list));
  g_assert_false (hub_result_list_get_ready (list));
  g_assert_cmpuint (watch.n_error_notify, ==, 2);

  wait_until_idle (list);
  g_assert_true (hub_result_list_get_ready (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RESULTS);
  g_assert_cmpuint (hub_result_list_get_n_loaded (list), ==, PAGE_SIZE);
  g_assert_cmpuint (watch.n_changes, ==, 2);

  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (hub_result_get_id (item), ==, "res_0");
  g_object_unref (item);

  unwatch (list, &watch);
  assert_finalize (list);
  assert_finalize (client);
}

static void
test_list_dispose_while_loading (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  GObject *weak_client;

  /* Before the first page. */
  list = hub_result_list_new (client, "co_north", NULL, PAGE_SIZE);
  g_assert_true (hub_result_list_get_loading (list));
  assert_finalize (list);

  /* With a later page on its way. */
  list = hub_result_list_new (client, "co_north", NULL, PAGE_SIZE);
  wait_until_idle (list);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 300));
  while (!hub_result_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  assert_finalize (list);

  /* The requests end on their own, and nothing is left holding the
   * client. */
  weak_client = G_OBJECT (client);
  g_object_add_weak_pointer (weak_client, (gpointer *) &weak_client);
  g_object_unref (client);
  while (weak_client != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_list_cancel (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  HubResultList *list;
  Watch watch = { 0, };

  list = watched_list_new (client, NULL, &watch);
  hub_result_list_cancel (list);
  g_assert_false (hub_result_list_get_loading (list));

  /* Cancelling is not an error, and a cancelled first page is no list. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (hub_result_list_get_error (list));
  g_assert_false (hub_result_list_get_ready (list));
  g_assert_cmpuint (watch.n_changes, ==, 0);

  hub_result_list_reload (list);
  wait_until_idle (list);
  g_assert_true (hub_result_list_get_ready (list));

  unwatch (list, &watch);
  assert_finalize (list);

  /* Let the cancelled request end before the client goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_finalize (client);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_list_update_result (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HubResultList *list;
  HubResult *newer;
  HubResult *shown;
  gboolean changed = FALSE;
  guint n_flagged_notify = 0;

  list = hub_result_list_new (client, "co_north", NULL, PAGE_SIZE);
  wait_until_idle (list);

  shown = hub_result_list_find (list, "res_7");
  g_assert_nonnull (shown);
  g_assert_false (hub_result_get_flagged (shown));

  hub_client_set_result_flagged_async (client, "co_north", "res_7", TRUE, NULL,
                                       on_result, &result);
  newer = hub_client_set_result_flagged_finish (client, wait_for (&result), &changed, &error);
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_true (hub_result_get_flagged (newer));
  g_assert_cmpstr (hub_result_get_flagged_by_name (newer), ==, "A B");

  /* The row's own object changes in place, and says so once. */
  g_signal_connect (shown, "notify::flagged", G_CALLBACK (count_notify), &n_flagged_notify);
  g_assert_true (hub_result_list_update_result (list, newer));
  g_assert_true (hub_result_get_flagged (shown));
  g_assert_cmpuint (n_flagged_notify, ==, 1);
  g_assert_false (hub_result_list_update_result (list, newer));
  g_assert_cmpuint (n_flagged_notify, ==, 1);
  g_signal_handlers_disconnect_by_data (shown, &n_flagged_notify);

  assert_finalize (newer);
  assert_finalize (list);
  /* A finished call holds its client until it goes. */
  g_clear_object (&result);
  g_clear_object (&result);
  assert_finalize (client);
}

/* --- the calls --------------------------------------------------------------------- */

static GBytes *
download (HubClient   *client,
          const char  *result_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  hub_client_download_result_async (client, "co_north", result_id, NULL, on_result, &result);

  return hub_client_download_result_finish (client, wait_for (&result), error);
}

static void
test_download (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GError) error = NULL;

  bytes = download (client, "res_1", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, fake->content));

  /* A proxy's page, or anything else that is not a PDF. */
  g_bytes_unref (fake->content);
  fake->content = g_bytes_new_static ("<html>Sign in to the Wi-Fi</html>", 33);
  damaged = download (client, "res_1", &error);
  g_assert_null (damaged);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_cmpstr (error->message, ==, "The document the server sent is damaged.");

  assert_finalize (client);
}

static void
test_download_too_large (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 64 * 1024 * 1024 + 1;
  guint8 *data = g_malloc0 (size);

  memcpy (data, "%PDF-", 5);
  g_bytes_unref (fake->content);
  fake->content = g_bytes_new_take (data, size);

  bytes = download (client, "res_1", &error);
  g_assert_null (bytes);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The document the server sent is larger than 64 MiB"));
  g_clear_error (&error);

  /* The same when the size only shows while reading. */
  bytes = download (client, "res_big", &error);
  g_assert_null (bytes);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);
  g_assert_true (g_str_has_prefix (error->message,
                                   "The document the server sent is larger than 64 MiB"));

  assert_finalize (client);
}

static void
test_download_refused (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* The error body of a refused download is read like any other. */
  hub_client_download_result_async (client, "co_harbor", "res_1", NULL, on_result, &result);
  bytes = hub_client_download_result_finish (client, wait_for (&result), &error);
  g_assert_null (bytes);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_NOT_FOUND);

  /* A finished call holds its client until it goes. */
  g_clear_object (&result);
  assert_finalize (client);
}

static void
test_download_cancelled (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  hub_client_download_result_async (client, "co_north", "res_1", cancellable,
                                    on_result, &result);
  g_cancellable_cancel (cancellable);
  bytes = hub_client_download_result_finish (client, wait_for (&result), &error);
  g_assert_null (bytes);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_CANCELLED);

  /* A finished call holds its client until it goes. */
  g_clear_object (&result);
  assert_finalize (client);
}

static void
test_flag_other_result (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HubResult) flagged = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  hub_client_set_result_flagged_async (client, "co_north", "res_8", TRUE, NULL,
                                       on_result, &result);
  flagged = hub_client_set_result_flagged_finish (client, wait_for (&result), &changed, &error);
  g_assert_null (flagged);
  g_assert_false (changed);
  g_assert_error (error, HUB_ERROR, HUB_ERROR_SERVER);

  /* A finished call holds its client until it goes. */
  g_clear_object (&result);
  assert_finalize (client);
}

static void
test_changes (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) posted = NULL;
  g_autoptr(HubResult) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *next_token = NULL;
  gboolean more = TRUE;

  hub_client_get_result_changes_async (client, "co_north", NULL, NULL, on_result, &first);
  none = hub_client_get_result_changes_finish (client, wait_for (&first), &token, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_assert_cmpstr (token, ==, "t1");
  g_assert_false (more);

  /* Tokens are opaque: whatever they hold is escaped. */
  hub_client_get_result_changes_async (client, "co_north", "t1 &x", NULL, on_result, &second);
  posted = hub_client_get_result_changes_finish (client, wait_for (&second), &next_token,
                                                 &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (posted), ==, 1);
  g_assert_cmpstr (next_token, ==, "t2");
  g_assert_true (more);
  item = g_list_model_get_item (posted, 0);
  g_assert_cmpstr (hub_result_get_id (item), ==, "res_1300");

  /* A finished call holds its client until it goes. */
  g_clear_object (&first);
  g_clear_object (&second);
  assert_finalize (client);
}

static void
test_centers_and_document_types (void)
{
  g_autoptr(FakeHub) fake = fake_hub_new ();
  HubClient *client = signed_in_client (fake);
  g_autoptr(GAsyncResult) centers_result = NULL;
  g_autoptr(GAsyncResult) types_result = NULL;
  g_autoptr(GListModel) centers = NULL;
  g_autoptr(GListModel) types = NULL;
  g_autoptr(HubCenter) center = NULL;
  g_autoptr(HubDocumentType) type = NULL;
  g_autoptr(GError) error = NULL;

  hub_client_list_centers_async (client, "co_north", NULL, on_result, &centers_result);
  centers = hub_client_list_centers_finish (client, wait_for (&centers_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (centers), ==, 1);
  center = g_list_model_get_item (centers, 0);
  g_assert_cmpstr (hub_center_get_name (center), ==, "Clinic");

  hub_client_list_document_types_async (client, NULL, on_result, &types_result);
  types = hub_client_list_document_types_finish (client, wait_for (&types_result), &error);
  g_assert_no_error (error);
  type = g_list_model_get_item (types, 0);
  g_assert_cmpstr (hub_document_type_get_code (type), ==, "fit_test");
  g_assert_cmpint (hub_document_type_get_visit_type (type), ==, HUB_VISIT_TYPE_NON_INJURY);

  /* A finished call holds its client until it goes. */
  g_clear_object (&centers_result);
  g_clear_object (&types_result);
  assert_finalize (client);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/result-list/pages-on-demand", test_list_pages_on_demand);
  g_test_add_func ("/core/result-list/to-the-end", test_list_to_the_end);
  g_test_add_func ("/core/result-list/query", test_list_query);
  g_test_add_func ("/core/result-list/fewer-than-counted", test_list_fewer_than_counted);
  g_test_add_func ("/core/result-list/error-and-reload", test_list_error_and_reload);
  g_test_add_func ("/core/result-list/dispose-while-loading", test_list_dispose_while_loading);
  g_test_add_func ("/core/result-list/cancel", test_list_cancel);
  g_test_add_func ("/core/result-list/update-result", test_list_update_result);
  g_test_add_func ("/core/results-calls/download", test_download);
  g_test_add_func ("/core/results-calls/download-too-large", test_download_too_large);
  g_test_add_func ("/core/results-calls/download-refused", test_download_refused);
  g_test_add_func ("/core/results-calls/download-cancelled", test_download_cancelled);
  g_test_add_func ("/core/results-calls/flag-other-result", test_flag_other_result);
  g_test_add_func ("/core/results-calls/changes", test_changes);
  g_test_add_func ("/core/results-calls/centers-and-document-types",
                   test_centers_and_document_types);

  return g_test_run ();
}
