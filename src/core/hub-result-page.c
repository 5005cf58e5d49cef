/* hub-result-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-core-private.h"
#include "hub-result-page.h"

/**
 * HubResultPage:
 *
 * One page of the results that match a search, the cursor that continues
 * after it, and how many match in all.
 */
struct _HubResultPage
{
  GObject parent_instance;

  GListModel *items;
  char *next_cursor;
  guint total;
};

G_DEFINE_FINAL_TYPE (HubResultPage, hub_result_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_NEXT_CURSOR,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_result_page_dispose (GObject *object)
{
  HubResultPage *self = (HubResultPage *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (hub_result_page_parent_class)->dispose (object);
}

static void
hub_result_page_finalize (GObject *object)
{
  HubResultPage *self = (HubResultPage *) object;

  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (hub_result_page_parent_class)->finalize (object);
}

static void
hub_result_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubResultPage *self = HUB_RESULT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_NEXT_CURSOR:
      g_value_set_string (value, self->next_cursor);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_result_page_class_init (HubResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hub_result_page_dispose;
  object_class->finalize = hub_result_page_finalize;
  object_class->get_property = hub_result_page_get_property;

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_CURSOR] =
    g_param_spec_string ("next-cursor", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_result_page_init (HubResultPage *self)
{
}

/* Reads the contract's ResultPage; every item must be of @company_id. */
HubResultPage *
hub_result_page_new_from_json (JsonObject  *object,
                               const char  *company_id,
                               GError     **error)
{
  g_autoptr(HubResultPage) self = NULL;
  const char *next_cursor;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (company_id != NULL, NULL);

  self = g_object_new (HUB_TYPE_RESULT_PAGE, NULL);

  if (!(self->items = hub_results_new_from_json (object, "items", company_id, error)) ||
      !hub_json_optional_string (object, "next_cursor", &next_cursor, error) ||
      !hub_json_require_uint (object, "total", &self->total, error))
    return NULL;

  /* An empty cursor would restart the search from the top. */
  if (next_cursor != NULL && *next_cursor == '\0')
    {
      g_propagate_error (error, hub_error_new_contract ("next_cursor"));
      return NULL;
    }

  if (g_list_model_get_n_items (self->items) > self->total)
    {
      g_propagate_error (error, hub_error_new_contract ("total"));
      return NULL;
    }

  self->next_cursor = g_strdup (next_cursor);

  return g_steal_pointer (&self);
}

/**
 * hub_result_page_get_items:
 * @self: a page
 *
 * Returns: (transfer none): the results of this page, #HubResult in the
 *   search's order
 */
GListModel *
hub_result_page_get_items (HubResultPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_PAGE (self), NULL);

  return self->items;
}

/**
 * hub_result_page_get_next_cursor:
 * @self: a page
 *
 * Returns: (nullable): what continues the search after this page, %NULL
 *   on the last page
 */
const char *
hub_result_page_get_next_cursor (HubResultPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_PAGE (self), NULL);

  return self->next_cursor;
}

/**
 * hub_result_page_get_total:
 * @self: a page
 *
 * Returns: how many results match the search, on every page
 */
guint
hub_result_page_get_total (HubResultPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_PAGE (self), 0);

  return self->total;
}
