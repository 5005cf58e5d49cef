/* hub-result-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-core-private.h"
#include "hub-result-list.h"

/**
 * HubResultList:
 *
 * The results of one search of one company, as a #GListModel of
 * #HubResult that loads pages only as they are asked for.
 *
 * The first page loads at once. Until it arrives the list is empty; then
 * it holds as many items as the server says match (#HubResultList:total),
 * and #HubResultList:ready becomes %TRUE. An item not loaded yet is a
 * placeholder (hub_result_is_placeholder()); asking for it schedules
 * loading the pages up to it. The server continues a search only after
 * its last page (keyset paging), so pages load in order, one request at a
 * time, and the requests of many rows asked for at once are coalesced.
 * When a page arrives, its placeholders are replaced in one
 * #GListModel::items-changed with as many items removed as added.
 *
 * The whole result set is loaded only when someone asks for its last
 * item. A failed page stops loading and sets #HubResultList:error;
 * hub_result_list_reload() starts again.
 *
 * The query is copied: a list is one search, and a changed search is a
 * new list.
 */
struct _HubResultList
{
  GObject parent_instance;

  HubClient *client;
  char *company_id;
  HubResultQuery *query;
  guint page_size;

  /* total items: a HubResult, or NULL where no one has asked yet. Items
   * below n_loaded are results, the others placeholders. */
  GPtrArray *items;
  guint n_loaded;
  guint total;
  /* The ids of the loaded results; values are borrowed from items. */
  GHashTable *by_id;

  char *next_cursor;
  /* Items below this are to be loaded. */
  guint wanted;

  gboolean ready;
  gboolean loading;
  GError *error;

  /* Of the page on its way. */
  GCancellable *cancellable;
  guint load_source;
};

static void hub_result_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HubResultList, hub_result_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hub_result_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_COMPANY_ID,
  PROP_QUERY,
  PROP_PAGE_SIZE,
  PROP_TOTAL,
  PROP_READY,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_PAGE_SIZE 50
#define MAX_PAGE_SIZE 200

static void load_next_page    (HubResultList *self);
static void send_page_request (HubResultList *self);

/* --- state ---------------------------------------------------------------- */

static void
set_loading (HubResultList *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (HubResultList *self,
           const GError  *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_ready (HubResultList *self,
           gboolean       ready)
{
  if (self->ready == ready)
    return;

  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
set_total (HubResultList *self,
           guint          total)
{
  if (self->total == total)
    return;

  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

/* Stops the page on its way, if any, and any load scheduled. */
static void
stop_loading (HubResultList *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

/* --- loading ---------------------------------------------------------------- */

/* A page request outlives the list when the list goes while it is on its
 * way: it holds the list weakly, and its own cancellable. */
typedef struct {
  GWeakRef list;
  GCancellable *cancellable;
} PageRequest;

static void
page_request_free (PageRequest *request)
{
  g_weak_ref_clear (&request->list);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static gboolean
wants_more (HubResultList *self)
{
  return self->ready &&
         self->wanted > self->n_loaded &&
         self->next_cursor != NULL &&
         self->error == NULL;
}

static gboolean
on_load_scheduled (gpointer user_data)
{
  HubResultList *self = user_data;

  self->load_source = 0;

  if (!self->loading && wants_more (self))
    load_next_page (self);

  return G_SOURCE_REMOVE;
}

/* Loads the pages up to @n_items, one after the other. Nothing happens at
 * once: get_item() runs while a view lays itself out, which is no time to
 * emit signals. */
static void
request_up_to (HubResultList *self,
               guint          n_items)
{
  self->wanted = MAX (self->wanted, n_items);

  if (self->loading || self->load_source != 0 || !wants_more (self))
    return;

  self->load_source = g_idle_add (on_load_scheduled, self);
}

/* The first page: the list takes its size from it. */
static void
apply_first_page (HubResultList *self,
                  HubResultPage *page)
{
  GListModel *items = hub_result_page_get_items (page);
  guint n_items = g_list_model_get_n_items (items);
  guint total = hub_result_page_get_total (page);

  g_assert (self->items->len == 0);

  /* Fewer than said, and no more to come: the server counted wrong, or
   * results went in the meantime. */
  if (hub_result_page_get_next_cursor (page) == NULL || n_items == 0)
    total = n_items;

  g_ptr_array_set_size (self->items, total);
  for (guint i = 0; i < n_items; i++)
    {
      HubResult *result = g_list_model_get_item (items, i);

      g_ptr_array_index (self->items, i) = result;
      g_hash_table_insert (self->by_id, (gpointer) hub_result_get_id (result), result);
    }

  self->n_loaded = n_items;
  self->next_cursor = n_items < total ? g_strdup (hub_result_page_get_next_cursor (page)) : NULL;

  g_debug ("First page of results: %u of %u", n_items, total);

  g_object_freeze_notify (G_OBJECT (self));
  set_total (self, total);
  set_ready (self, TRUE);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, total);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A later page replaces the placeholders of its range. */
static void
apply_next_page (HubResultList *self,
                 HubResultPage *page)
{
  GListModel *items = hub_result_page_get_items (page);
  guint start = self->n_loaded;
  guint n_items = MIN (g_list_model_get_n_items (items), self->total - start);

  for (guint i = 0; i < n_items; i++)
    {
      HubResult *result = g_list_model_get_item (items, i);
      HubResult *old = g_ptr_array_index (self->items, start + i);

      g_ptr_array_index (self->items, start + i) = result;
      g_clear_object (&old);
      g_hash_table_insert (self->by_id, (gpointer) hub_result_get_id (result), result);
    }

  self->n_loaded += n_items;
  g_clear_pointer (&self->next_cursor, g_free);
  if (n_items > 0 && self->n_loaded < self->total)
    self->next_cursor = g_strdup (hub_result_page_get_next_cursor (page));

  g_debug ("Page of results: %u to %u of %u", start, self->n_loaded, self->total);

  if (n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, n_items, n_items);

  /* The search ended before the count: what is left were placeholders for
   * results that are not there. */
  if (self->next_cursor == NULL && self->n_loaded < self->total)
    {
      guint removed = self->total - self->n_loaded;

      g_ptr_array_set_size (self->items, self->n_loaded);
      set_total (self, self->n_loaded);
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_loaded, removed, 0);
    }
}

static void
on_page_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(HubResultList) self = NULL;
  g_autoptr(HubResultPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = hub_client_search_results_finish (HUB_CLIENT (object), result, &error);
  self = g_weak_ref_get (&request->list);

  /* The list went, was cancelled or reloaded meanwhile. */
  if (self == NULL || g_cancellable_is_cancelled (request->cancellable))
    {
      page_request_free (request);
      return;
    }

  g_assert (self->cancellable == request->cancellable);
  page_request_free (request);
  g_clear_object (&self->cancellable);

  g_object_freeze_notify (G_OBJECT (self));

  if (page == NULL)
    {
      g_debug ("A page of results failed: HubError %d", error->code);
      set_error (self, error);
    }
  else if (!self->ready)
    {
      apply_first_page (self, page);
    }
  else
    {
      apply_next_page (self, page);
    }

  /* Pages asked for in a row are one stretch of loading. */
  if (wants_more (self))
    send_page_request (self);
  else
    set_loading (self, FALSE);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Sends the request for the next page, or the first. */
static void
send_page_request (HubResultList *self)
{
  PageRequest *request;

  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();

  request = g_new0 (PageRequest, 1);
  g_weak_ref_init (&request->list, self);
  request->cancellable = g_object_ref (self->cancellable);

  hub_client_search_results_async (self->client,
                                   self->company_id,
                                   self->query,
                                   self->ready ? self->next_cursor : NULL,
                                   self->page_size,
                                   self->cancellable,
                                   on_page_loaded,
                                   request);
}

static void
load_next_page (HubResultList *self)
{
  g_assert (!self->loading);

  send_page_request (self);
  set_loading (self, TRUE);
}

/* --- GListModel ------------------------------------------------------------- */

static GType
hub_result_list_get_item_type (GListModel *model)
{
  return HUB_TYPE_RESULT;
}

static guint
hub_result_list_get_n_items (GListModel *model)
{
  HubResultList *self = HUB_RESULT_LIST (model);

  return self->items->len;
}

static gpointer
hub_result_list_get_item (GListModel *model,
                          guint       position)
{
  HubResultList *self = HUB_RESULT_LIST (model);
  HubResult *item;

  if (position >= self->items->len)
    return NULL;

  item = g_ptr_array_index (self->items, position);

  /* One placeholder per row, so that a view asking twice gets the same
   * object until the page replaces it. */
  if (item == NULL)
    {
      item = hub_result_new_placeholder ();
      g_ptr_array_index (self->items, position) = item;
    }

  if (position >= self->n_loaded)
    request_up_to (self, position + 1);

  return g_object_ref (item);
}

static void
hub_result_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hub_result_list_get_item_type;
  iface->get_n_items = hub_result_list_get_n_items;
  iface->get_item = hub_result_list_get_item;
}

/* --- GObject ---------------------------------------------------------------- */

static void
hub_result_list_dispose (GObject *object)
{
  HubResultList *self = (HubResultList *) object;

  stop_loading (self);
  self->loading = FALSE;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (hub_result_list_parent_class)->dispose (object);
}

static void
hub_result_list_finalize (GObject *object)
{
  HubResultList *self = (HubResultList *) object;

  g_clear_pointer (&self->company_id, g_free);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (hub_result_list_parent_class)->finalize (object);
}

static void
hub_result_list_constructed (GObject *object)
{
  HubResultList *self = (HubResultList *) object;

  G_OBJECT_CLASS (hub_result_list_parent_class)->constructed (object);

  g_assert (HUB_IS_CLIENT (self->client));
  g_assert (self->company_id != NULL);

  if (self->query == NULL)
    self->query = hub_result_query_new ();
  if (self->page_size == 0)
    self->page_size = DEFAULT_PAGE_SIZE;

  load_next_page (self);
}

static void
hub_result_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubResultList *self = HUB_RESULT_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_COMPANY_ID:
      g_value_set_string (value, self->company_id);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_result_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HubResultList *self = HUB_RESULT_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_COMPANY_ID:
      self->company_id = g_value_dup_string (value);
      break;
    case PROP_QUERY:
      {
        HubResultQuery *query = g_value_get_object (value);

        self->query = query != NULL ? hub_result_query_copy (query) : NULL;
      }
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_result_list_class_init (HubResultListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hub_result_list_constructed;
  object_class->dispose = hub_result_list_dispose;
  object_class->finalize = hub_result_list_finalize;
  object_class->get_property = hub_result_list_get_property;
  object_class->set_property = hub_result_list_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         HUB_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY_ID] =
    g_param_spec_string ("company-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:query:
   *
   * A copy of the query the list was made with; changing it changes
   * nothing.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         HUB_TYPE_RESULT_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:page-size:
   *
   * How many results one request asks for, 1 to 200; 0 at construction
   * for 50.
   */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       0, MAX_PAGE_SIZE, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:total:
   *
   * How many results match, and how many items the list holds: 0 until
   * the first page arrived.
   */
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:ready:
   *
   * Whether the first page arrived, so that an empty list means that
   * nothing matches.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:loading:
   *
   * Whether a page is on its way.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * HubResultList:error:
   *
   * Why the last page failed, in the %HUB_ERROR domain; %NULL when none
   * did. Cancelling is not an error.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Rows no one asked for hold NULL. */
static void
item_free (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
hub_result_list_init (HubResultList *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * hub_result_list_new:
 * @client: a signed-in client
 * @company_id: the id of a company the user belongs to
 * @query: (nullable): the criteria, copied; %NULL for every current result
 * @page_size: how many results one request asks for, 1 to 200, or 0 for 50
 *
 * Starts loading the first page at once.
 *
 * Returns: (transfer full): a new list, empty until the first page arrives
 */
HubResultList *
hub_result_list_new (HubClient      *client,
                     const char     *company_id,
                     HubResultQuery *query,
                     guint           page_size)
{
  g_return_val_if_fail (HUB_IS_CLIENT (client), NULL);
  g_return_val_if_fail (company_id != NULL, NULL);
  g_return_val_if_fail (query == NULL || HUB_IS_RESULT_QUERY (query), NULL);
  g_return_val_if_fail (page_size <= MAX_PAGE_SIZE, NULL);

  return g_object_new (HUB_TYPE_RESULT_LIST,
                       "client", client,
                       "company-id", company_id,
                       "query", query,
                       "page-size", page_size,
                       NULL);
}

/**
 * hub_result_list_get_client:
 * @self: a result list
 *
 * Returns: (transfer none): the client
 */
HubClient *
hub_result_list_get_client (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), NULL);

  return self->client;
}

const char *
hub_result_list_get_company_id (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), NULL);

  return self->company_id;
}

/**
 * hub_result_list_get_query:
 * @self: a result list
 *
 * Returns: (transfer none): the list's own copy of the query; do not
 *   change it
 */
HubResultQuery *
hub_result_list_get_query (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), NULL);

  return self->query;
}

guint
hub_result_list_get_page_size (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), 0);

  return self->page_size;
}

guint
hub_result_list_get_total (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), 0);

  return self->total;
}

/**
 * hub_result_list_get_n_loaded:
 * @self: a result list
 *
 * Returns: how many items, from the first, are results rather than
 *   placeholders
 */
guint
hub_result_list_get_n_loaded (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), 0);

  return self->n_loaded;
}

gboolean
hub_result_list_get_ready (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), FALSE);

  return self->ready;
}

gboolean
hub_result_list_get_loading (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), FALSE);

  return self->loading;
}

/**
 * hub_result_list_get_error:
 * @self: a result list
 *
 * Returns: (nullable): why the last page failed
 */
const GError *
hub_result_list_get_error (HubResultList *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), NULL);

  return self->error;
}

/**
 * hub_result_list_reload:
 * @self: a result list
 *
 * Runs the search again from its first page, after an error or to show
 * new results. The list is empty until the first page arrives again.
 */
void
hub_result_list_reload (HubResultList *self)
{
  guint removed;

  g_return_if_fail (HUB_IS_RESULT_LIST (self));

  stop_loading (self);

  removed = self->items->len;
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);
  self->n_loaded = 0;
  self->wanted = 0;
  g_clear_pointer (&self->next_cursor, g_free);

  g_object_freeze_notify (G_OBJECT (self));
  set_total (self, 0);
  set_ready (self, FALSE);
  set_error (self, NULL);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  send_page_request (self);
  set_loading (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * hub_result_list_cancel:
 * @self: a result list
 *
 * Stops the page on its way, if any. Asking for an item not loaded yet
 * loads again; a list cancelled before its first page stays empty until
 * hub_result_list_reload().
 */
void
hub_result_list_cancel (HubResultList *self)
{
  g_return_if_fail (HUB_IS_RESULT_LIST (self));

  stop_loading (self);
  self->wanted = self->n_loaded;
  set_loading (self, FALSE);
}

/**
 * hub_result_list_find:
 * @self: a result list
 * @result_id: the id of a result
 *
 * Returns: (transfer none) (nullable): the loaded result with this id
 */
HubResult *
hub_result_list_find (HubResultList *self,
                      const char    *result_id)
{
  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), NULL);
  g_return_val_if_fail (result_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, result_id);
}

/**
 * hub_result_list_update_result:
 * @self: a result list
 * @newer: a result as the server sent it after a change
 *
 * Updates the marks of the list's copy of @newer in place (see
 * hub_result_update_from()), so that its row shows them.
 *
 * Returns: whether the list holds the result and its marks changed
 */
gboolean
hub_result_list_update_result (HubResultList *self,
                               HubResult     *newer)
{
  HubResult *result;

  g_return_val_if_fail (HUB_IS_RESULT_LIST (self), FALSE);
  g_return_val_if_fail (HUB_IS_RESULT (newer), FALSE);

  result = g_hash_table_lookup (self->by_id, hub_result_get_id (newer));
  if (result == NULL)
    return FALSE;

  return hub_result_update_from (result, newer);
}
