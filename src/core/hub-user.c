/* hub-user.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-core-private.h"
#include "hub-user.h"

/**
 * HubUser:
 *
 * The signed-in user and the companies they belong to, as `GET /me` and
 * sign-in return them.
 */
struct _HubUser
{
  GObject parent_instance;

  char *id;
  char *email;
  char *first_name;
  char *last_name;
  GListStore *memberships;
};

G_DEFINE_FINAL_TYPE (HubUser, hub_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EMAIL,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_MEMBERSHIPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_user_dispose (GObject *object)
{
  HubUser *self = (HubUser *) object;

  g_clear_object (&self->memberships);

  G_OBJECT_CLASS (hub_user_parent_class)->dispose (object);
}

static void
hub_user_finalize (GObject *object)
{
  HubUser *self = (HubUser *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);

  G_OBJECT_CLASS (hub_user_parent_class)->finalize (object);
}

static void
hub_user_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HubUser *self = HUB_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;
    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;
    case PROP_MEMBERSHIPS:
      g_value_set_object (value, self->memberships);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_user_class_init (HubUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hub_user_dispose;
  object_class->finalize = hub_user_finalize;
  object_class->get_property = hub_user_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBERSHIPS] =
    g_param_spec_object ("memberships", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_user_init (HubUser *self)
{
  self->memberships = g_list_store_new (HUB_TYPE_MEMBERSHIP);
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  HubMembership *ma = (HubMembership *) a;
  HubMembership *mb = (HubMembership *) b;
  int order;

  order = g_utf8_collate (hub_membership_get_company_name (ma),
                          hub_membership_get_company_name (mb));
  if (order != 0)
    return order;

  return g_strcmp0 (hub_membership_get_company_id (ma),
                    hub_membership_get_company_id (mb));
}

/* Reads the contract's User. The memberships are kept in company-name
 * order whatever order they came in; one company listed twice breaks the
 * contract. */
HubUser *
hub_user_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(HubUser) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *companies;
  const char *id;
  const char *email;
  const char *first_name;
  const char *last_name;
  guint n_companies;

  g_return_val_if_fail (object != NULL, NULL);

  if (!hub_json_require_id (object, "id", &id, error) ||
      !hub_json_require_string (object, "email", &email, error) ||
      !hub_json_require_string (object, "first_name", &first_name, error) ||
      !hub_json_require_string (object, "last_name", &last_name, error) ||
      !(companies = hub_json_require_array (object, "companies", error)))
    return NULL;

  self = g_object_new (HUB_TYPE_USER, NULL);
  self->id = g_strdup (id);
  self->email = g_strdup (email);
  self->first_name = g_strdup (first_name);
  self->last_name = g_strdup (last_name);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  n_companies = json_array_get_length (companies);

  for (guint i = 0; i < n_companies; i++)
    {
      g_autoptr(HubMembership) membership = NULL;
      JsonNode *node = json_array_get_element (companies, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_propagate_error (error, hub_error_new_contract ("companies"));
          return NULL;
        }

      membership = hub_membership_new_from_json (json_node_get_object (node), error);
      if (membership == NULL)
        return NULL;

      if (!g_hash_table_add (seen, (gpointer) hub_membership_get_company_id (membership)))
        {
          g_propagate_error (error, hub_error_new_contract ("companies"));
          return NULL;
        }

      g_list_store_insert_sorted (self->memberships, membership,
                                  compare_memberships, NULL);
    }

  return g_steal_pointer (&self);
}

const char *
hub_user_get_id (HubUser *self)
{
  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  return self->id;
}

const char *
hub_user_get_email (HubUser *self)
{
  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  return self->email;
}

const char *
hub_user_get_first_name (HubUser *self)
{
  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  return self->first_name;
}

const char *
hub_user_get_last_name (HubUser *self)
{
  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  return self->last_name;
}

/**
 * hub_user_dup_display_name:
 * @self: a user
 *
 * Returns: (transfer full): "First Last", or the one name there is
 */
char *
hub_user_dup_display_name (HubUser *self)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  joined = g_strjoin (" ", self->first_name, self->last_name, NULL);

  return g_strdup (g_strstrip (joined));
}

/**
 * hub_user_get_memberships:
 * @self: a user
 *
 * Returns: (transfer none): a list of #HubMembership in company-name order
 */
GListModel *
hub_user_get_memberships (HubUser *self)
{
  g_return_val_if_fail (HUB_IS_USER (self), NULL);

  return G_LIST_MODEL (self->memberships);
}

/**
 * hub_user_find_membership:
 * @self: a user
 * @company_id: a company id
 *
 * Returns: (transfer none) (nullable): the membership in that company, or
 *   %NULL when the user does not belong to it
 */
HubMembership *
hub_user_find_membership (HubUser    *self,
                          const char *company_id)
{
  guint n_items;

  g_return_val_if_fail (HUB_IS_USER (self), NULL);
  g_return_val_if_fail (company_id != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->memberships));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HubMembership) membership =
        g_list_model_get_item (G_LIST_MODEL (self->memberships), i);

      if (g_str_equal (hub_membership_get_company_id (membership), company_id))
        return membership;
    }

  return NULL;
}
