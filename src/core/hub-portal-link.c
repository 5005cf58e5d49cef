/* hub-portal-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "hub-core-private.h"
#include "hub-portal-link.h"

/**
 * HubPortalLink:
 *
 * A portal outside the HUB, listed by the server, that the sign-in page
 * opens in the browser. Only https links are accepted: the app hands the
 * URL to the desktop, so a file: or custom-scheme URL is never passed on.
 */
struct _HubPortalLink
{
  GObject parent_instance;

  char *title;
  char *url;
  char *description;
};

G_DEFINE_FINAL_TYPE (HubPortalLink, hub_portal_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_URL,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_portal_link_finalize (GObject *object)
{
  HubPortalLink *self = (HubPortalLink *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (hub_portal_link_parent_class)->finalize (object);
}

static void
hub_portal_link_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HubPortalLink *self = HUB_PORTAL_LINK (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_portal_link_class_init (HubPortalLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_portal_link_finalize;
  object_class->get_property = hub_portal_link_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_portal_link_init (HubPortalLink *self)
{
}

static gboolean
is_https_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL &&
         *g_uri_get_host (uri) != '\0';
}

HubPortalLink *
hub_portal_link_new_from_json (JsonObject  *object,
                               GError     **error)
{
  HubPortalLink *self;
  const char *title;
  const char *url;
  const char *description;

  g_return_val_if_fail (object != NULL, NULL);

  if (!hub_json_require_string (object, "title", &title, error) ||
      !hub_json_require_string (object, "url", &url, error) ||
      !hub_json_optional_string (object, "description", &description, error))
    return NULL;

  if (!is_https_url (url))
    {
      g_propagate_error (error, hub_error_new_contract ("url"));
      return NULL;
    }

  self = g_object_new (HUB_TYPE_PORTAL_LINK, NULL);
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->description = g_strdup (description);

  return self;
}

/* Reads the contract's PortalLinkList, keeping the server's order. */
GListModel *
hub_portal_links_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *items;
  guint n_items;

  g_return_val_if_fail (object != NULL, NULL);

  if (!(items = hub_json_require_array (object, "items", error)))
    return NULL;

  store = g_list_store_new (HUB_TYPE_PORTAL_LINK);
  n_items = json_array_get_length (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HubPortalLink) link = NULL;
      JsonNode *node = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_propagate_error (error, hub_error_new_contract ("items"));
          return NULL;
        }

      if (!(link = hub_portal_link_new_from_json (json_node_get_object (node), error)))
        return NULL;

      g_list_store_append (store, link);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

const char *
hub_portal_link_get_title (HubPortalLink *self)
{
  g_return_val_if_fail (HUB_IS_PORTAL_LINK (self), NULL);

  return self->title;
}

/**
 * hub_portal_link_get_url:
 * @self: a portal link
 *
 * Returns: an https URL
 */
const char *
hub_portal_link_get_url (HubPortalLink *self)
{
  g_return_val_if_fail (HUB_IS_PORTAL_LINK (self), NULL);

  return self->url;
}

/**
 * hub_portal_link_get_description:
 * @self: a portal link
 *
 * Returns: (nullable): a line about the portal, or %NULL when the server
 *   gives none
 */
const char *
hub_portal_link_get_description (HubPortalLink *self)
{
  g_return_val_if_fail (HUB_IS_PORTAL_LINK (self), NULL);

  return self->description;
}
