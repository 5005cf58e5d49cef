/* hub-client-results.c: the client's calls about visit results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "hub-client.h"
#include "hub-core-private.h"
#include "hub-error.h"

/* The largest document accepted: the biggest reports are a few MiB. */
#define DOCUMENT_MAX_SIZE (64 * 1024 * 1024)

/* What the answer is checked against. */
typedef struct {
  char *company_id;
  char *result_id;
} Call;

static void
call_free (Call *call)
{
  g_free (call->company_id);
  g_free (call->result_id);
  g_free (call);
}

static GTask *
call_task_new (HubClient           *self,
               const char          *company_id,
               const char          *result_id,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = hub_client_task_new (self, cancellable, callback, user_data, source_tag);
  Call *call = g_new0 (Call, 1);

  call->company_id = g_strdup (company_id);
  call->result_id = g_strdup (result_id);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  return task;
}

/* /companies/{company}/results/{result}@rest, every part escaped. */
static char *
result_path (const char *company_id,
             const char *result_id,
             const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (result_id, NULL, FALSE);
  g_autofree char *tail = g_strconcat ("/results/", escaped, rest, NULL);

  return hub_client_company_path (company_id, tail);
}

/* A result read for one company and result must be that one. */
static HubResult *
result_for_call (JsonObject  *object,
                 Call        *call,
                 GError     **error)
{
  g_autoptr(HubResult) result = NULL;

  if (!(result = hub_result_new_from_json (object, error)))
    return NULL;

  if (!g_str_equal (hub_result_get_company_id (result), call->company_id) ||
      !g_str_equal (hub_result_get_id (result), call->result_id))
    {
      g_propagate_error (error, hub_error_new_contract ("id of another result"));
      return NULL;
    }

  return g_steal_pointer (&result);
}

static gpointer
propagate_tagged (HubClient     *self,
                  GAsyncResult  *result,
                  gpointer       source_tag,
                  GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- search ----------------------------------------------------------------- */

static void
append_parameter (GString    *path,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (path, "%c%s=%s",
                          strchr (path->str, '?') != NULL ? '&' : '?', name, escaped);
}

static void
on_search_answered (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  Call *call = g_task_get_task_data (task);
  HubResultPage *page;
  GError *error = NULL;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !(page = hub_result_page_new_from_json (body, call->company_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, page, g_object_unref);
}

/**
 * hub_client_search_results_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @query: (nullable): the criteria; %NULL for every current result
 * @cursor: (nullable): the next cursor of the previous page, or %NULL for
 *   the first page
 * @limit: the most results on the page, 1 to 200, or 0 for the server's
 *   default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Reads one page of a company's results that match @query, in its order.
 * A cursor only continues the search that gave it.
 */
void
hub_client_search_results_async (HubClient           *self,
                                 const char          *company_id,
                                 HubResultQuery      *query,
                                 const char          *cursor,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) rest = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (query == NULL || HUB_IS_RESULT_QUERY (query));
  g_return_if_fail (limit <= 200);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, NULL, cancellable, callback, user_data,
                        hub_client_search_results_async);

  rest = g_string_new ("/results");
  if (query != NULL)
    {
      g_autofree char *criteria = hub_result_query_to_string (query);

      if (*criteria != '\0')
        g_string_append_printf (rest, "?%s", criteria);
    }

  if (limit > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", limit);

      append_parameter (rest, "limit", value);
    }

  append_parameter (rest, "cursor", cursor);

  path = hub_client_company_path (company_id, rest->str);

  hub_client_call_async (self, SOUP_METHOD_GET, path, cancellable,
                         on_search_answered, g_steal_pointer (&task));
}

/**
 * hub_client_search_results_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the page
 */
HubResultPage *
hub_client_search_results_finish (HubClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate_tagged (self, result, hub_client_search_results_async, error);
}

/* --- one result ------------------------------------------------------------- */

static void
on_result_answered (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  HubResult *hub_result;
  GError *error = NULL;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !(hub_result = result_for_call (body, g_task_get_task_data (task), &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, hub_result, g_object_unref);
}

/**
 * hub_client_get_result_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @result_id: the id of one of its results
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Reads one result as it is now. Another company's result is
 * %HUB_ERROR_FORBIDDEN or %HUB_ERROR_NOT_FOUND.
 */
void
hub_client_get_result_async (HubClient           *self,
                             const char          *company_id,
                             const char          *result_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (result_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, result_id, cancellable, callback, user_data,
                        hub_client_get_result_async);
  path = result_path (company_id, result_id, NULL);

  hub_client_call_async (self, SOUP_METHOD_GET, path, cancellable,
                         on_result_answered, g_steal_pointer (&task));
}

/**
 * hub_client_get_result_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the result
 */
HubResult *
hub_client_get_result_finish (HubClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return propagate_tagged (self, result, hub_client_get_result_async, error);
}

/* --- flag and review -------------------------------------------------------- */

typedef struct {
  HubResult *result;
  gboolean changed;
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->result);
  g_free (change);
}

static void
on_change_answered (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(HubResult) hub_result = NULL;
  JsonObject *result_object;
  GError *error = NULL;
  gboolean changed;
  Change *change;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !(result_object = hub_json_require_object (body, "result", &error)) ||
      !(hub_result = result_for_call (result_object, g_task_get_task_data (task), &error)) ||
      !hub_json_require_boolean (body, "changed", &changed, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  change = g_new0 (Change, 1);
  change->result = g_steal_pointer (&hub_result);
  change->changed = changed;
  g_task_return_pointer (task, change, (GDestroyNotify) change_free);
}

static HubResult *
change_finish (HubClient     *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               gboolean      *changed,
               GError       **error)
{
  Change *change;
  HubResult *hub_result;

  if (changed != NULL)
    *changed = FALSE;

  if (!(change = propagate_tagged (self, result, source_tag, error)))
    return NULL;

  hub_result = g_steal_pointer (&change->result);
  if (changed != NULL)
    *changed = change->changed;
  change_free (change);

  return hub_result;
}

/**
 * hub_client_set_result_flagged_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @result_id: the id of one of its results
 * @flagged: whether the result is to be flagged
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Flags or unflags a result. The server records who did it and when; a
 * request that asks for what already is changes nothing, and says so.
 */
void
hub_client_set_result_flagged_async (HubClient           *self,
                                     const char          *company_id,
                                     const char          *result_id,
                                     gboolean             flagged,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (result_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, result_id, cancellable, callback, user_data,
                        hub_client_set_result_flagged_async);
  path = result_path (company_id, result_id, "/flag");

  hub_client_call_async (self, flagged ? SOUP_METHOD_PUT : SOUP_METHOD_DELETE, path,
                         cancellable, on_change_answered, g_steal_pointer (&task));
}

/**
 * hub_client_set_result_flagged_finish:
 * @self: a client
 * @result: the result
 * @changed: (out) (optional): whether the request changed anything
 * @error: return location for an error
 *
 * Returns: (transfer full): the result as it is now; pass it to
 *   hub_result_update_from() to update the copy a list shows
 */
HubResult *
hub_client_set_result_flagged_finish (HubClient     *self,
                                      GAsyncResult  *result,
                                      gboolean      *changed,
                                      GError       **error)
{
  return change_finish (self, result, hub_client_set_result_flagged_async, changed, error);
}

/**
 * hub_client_mark_result_reviewed_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @result_id: the id of one of its results
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Marks a result as reviewed. The server records who did it and when;
 * marking it again changes nothing, and says so.
 */
void
hub_client_mark_result_reviewed_async (HubClient           *self,
                                       const char          *company_id,
                                       const char          *result_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (result_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, result_id, cancellable, callback, user_data,
                        hub_client_mark_result_reviewed_async);
  path = result_path (company_id, result_id, "/review");

  hub_client_call_async (self, SOUP_METHOD_PUT, path, cancellable,
                         on_change_answered, g_steal_pointer (&task));
}

/**
 * hub_client_mark_result_reviewed_finish:
 * @self: a client
 * @result: the result
 * @changed: (out) (optional): whether the request changed anything
 * @error: return location for an error
 *
 * Returns: (transfer full): the result as it is now
 */
HubResult *
hub_client_mark_result_reviewed_finish (HubClient     *self,
                                        GAsyncResult  *result,
                                        gboolean      *changed,
                                        GError       **error)
{
  return change_finish (self, result, hub_client_mark_result_reviewed_async, changed, error);
}

/* --- the document ----------------------------------------------------------- */

static void
on_content_downloaded (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gconstpointer data;
  gsize size;

  if (!(bytes = hub_client_download_finish (HUB_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
    {
      g_debug ("The document's body is not a PDF");
      g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_SERVER,
                               _("The document the server sent is damaged."));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

/**
 * hub_client_download_result_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @result_id: the id of one of its results
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document has arrived
 * @user_data: data for @callback
 *
 * Reads a result's document, a PDF. A body that is not a PDF is
 * %HUB_ERROR_SERVER, and so is one larger than 64 MiB, which is refused as
 * soon as that is known.
 */
void
hub_client_download_result_async (HubClient           *self,
                                  const char          *company_id,
                                  const char          *result_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (result_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, result_id, cancellable, callback, user_data,
                        hub_client_download_result_async);
  path = result_path (company_id, result_id, "/content");

  hub_client_download_async (self, path, "application/pdf", DOCUMENT_MAX_SIZE, cancellable,
                             on_content_downloaded, g_steal_pointer (&task));
}

/**
 * hub_client_download_result_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the bytes of the PDF
 */
GBytes *
hub_client_download_result_finish (HubClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return propagate_tagged (self, result, hub_client_download_result_async, error);
}

/* --- what changed ----------------------------------------------------------- */

typedef struct {
  GListModel *results;
  char *token;
  gboolean more;
} Changes;

static void
changes_free (Changes *changes)
{
  g_clear_object (&changes->results);
  g_free (changes->token);
  g_free (changes);
}

static void
on_changes_answered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GListModel) results = NULL;
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  const char *token;
  gboolean more;
  Changes *changes;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !hub_json_require_string (body, "token", &token, &error) ||
      !(results = hub_results_new_from_json (body, "new_results", call->company_id, &error)) ||
      !hub_json_require_boolean (body, "more", &more, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (*token == '\0')
    {
      g_task_return_error (task, hub_error_new_contract ("token"));
      return;
    }

  changes = g_new0 (Changes, 1);
  changes->results = g_steal_pointer (&results);
  changes->token = g_strdup (token);
  changes->more = more;
  g_task_return_pointer (task, changes, (GDestroyNotify) changes_free);
}

/**
 * hub_client_get_result_changes_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @since: (nullable): the token of the previous call, or %NULL to start
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Asks which results were posted since the call that returned @since: a
 * cheap call to repeat while the app runs. The first call, without
 * @since, only returns a token to start from.
 */
void
hub_client_get_result_changes_async (HubClient           *self,
                                     const char          *company_id,
                                     const char          *since,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, NULL, cancellable, callback, user_data,
                        hub_client_get_result_changes_async);

  rest = g_string_new ("/results/changes");
  append_parameter (rest, "since", since);
  path = hub_client_company_path (company_id, rest->str);

  hub_client_call_async (self, SOUP_METHOD_GET, path, cancellable,
                         on_changes_answered, g_steal_pointer (&task));
}

/**
 * hub_client_get_result_changes_finish:
 * @self: a client
 * @result: the result
 * @token: (out) (transfer full): where to put the token for the next call
 * @more: (out) (optional): whether more results are waiting: call again
 *   at once with @token
 * @error: return location for an error
 *
 * Returns: (transfer full): the #HubResult posted since, newest first, at
 *   most 100
 */
GListModel *
hub_client_get_result_changes_finish (HubClient     *self,
                                      GAsyncResult  *result,
                                      char         **token,
                                      gboolean      *more,
                                      GError       **error)
{
  Changes *changes;
  GListModel *results;

  g_return_val_if_fail (token != NULL, NULL);

  *token = NULL;
  if (more != NULL)
    *more = FALSE;

  if (!(changes = propagate_tagged (self, result, hub_client_get_result_changes_async, error)))
    return NULL;

  results = g_steal_pointer (&changes->results);
  *token = g_steal_pointer (&changes->token);
  if (more != NULL)
    *more = changes->more;
  changes_free (changes);

  return results;
}

/* --- what a search chooses from --------------------------------------------- */

typedef gpointer (*ItemReader) (JsonObject  *object,
                                GError     **error);

static GListModel *
items_new_from_json (JsonObject  *object,
                     GType        item_type,
                     ItemReader   read_item,
                     GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *items;
  guint n_items;

  if (!(items = hub_json_require_array (object, "items", error)))
    return NULL;

  store = g_list_store_new (item_type);
  n_items = json_array_get_length (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = NULL;
      JsonNode *node = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_propagate_error (error, hub_error_new_contract ("items"));
          return NULL;
        }

      if (!(item = read_item (json_node_get_object (node), error)))
        return NULL;

      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
on_centers_answered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  GListModel *centers;
  GError *error = NULL;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !(centers = items_new_from_json (body, HUB_TYPE_CENTER,
                                       (ItemReader) hub_center_new_from_json, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, centers, g_object_unref);
}

/**
 * hub_client_list_centers_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Lists the medical centers that see the company's employees.
 */
void
hub_client_list_centers_async (HubClient           *self,
                               const char          *company_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = call_task_new (self, company_id, NULL, cancellable, callback, user_data,
                        hub_client_list_centers_async);
  path = hub_client_company_path (company_id, "/centers");

  hub_client_call_async (self, SOUP_METHOD_GET, path, cancellable,
                         on_centers_answered, g_steal_pointer (&task));
}

/**
 * hub_client_list_centers_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): a list of #HubCenter in the server's order
 */
GListModel *
hub_client_list_centers_finish (HubClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate_tagged (self, result, hub_client_list_centers_async, error);
}

static void
on_document_types_answered (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  GListModel *types;
  GError *error = NULL;

  if (!(body = hub_client_call_finish (HUB_CLIENT (object), result, &error)) ||
      !(types = items_new_from_json (body, HUB_TYPE_DOCUMENT_TYPE,
                                     (ItemReader) hub_document_type_new_from_json, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, types, g_object_unref);
}

/**
 * hub_client_list_document_types_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Lists the kinds of documents results can be.
 */
void
hub_client_list_document_types_async (HubClient           *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = hub_client_task_new (self, cancellable, callback, user_data,
                              hub_client_list_document_types_async);

  hub_client_call_async (self, SOUP_METHOD_GET, "/document-types", cancellable,
                         on_document_types_answered, g_steal_pointer (&task));
}

/**
 * hub_client_list_document_types_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): a list of #HubDocumentType in the server's
 *   order
 */
GListModel *
hub_client_list_document_types_finish (HubClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return propagate_tagged (self, result, hub_client_list_document_types_async, error);
}
