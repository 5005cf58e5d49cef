/* hub-center.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-center.h"
#include "hub-core-private.h"

/**
 * HubCenter:
 *
 * A medical center, for the center criterion of a results search.
 */
struct _HubCenter
{
  GObject parent_instance;

  char *id;
  char *name;
  char *state;
  char *address;
  char *phone;
};

G_DEFINE_FINAL_TYPE (HubCenter, hub_center, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATE,
  PROP_ADDRESS,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_center_finalize (GObject *object)
{
  HubCenter *self = (HubCenter *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (hub_center_parent_class)->finalize (object);
}

static void
hub_center_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubCenter *self = HUB_CENTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_center_class_init (HubCenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_center_finalize;
  object_class->get_property = hub_center_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_center_init (HubCenter *self)
{
}

HubCenter *
hub_center_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(HubCenter) self = NULL;
  const char *id;
  const char *name;
  const char *state;
  const char *phone;

  g_return_val_if_fail (object != NULL, NULL);

  if (!hub_json_require_id (object, "id", &id, error) ||
      !hub_json_require_string (object, "name", &name, error) ||
      !hub_json_require_string (object, "state", &state, error) ||
      !hub_json_require_string (object, "phone", &phone, error))
    return NULL;

  self = g_object_new (HUB_TYPE_CENTER, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->state = g_strdup (state);
  self->phone = g_strdup (phone);

  if (!(self->address = hub_json_format_address (object, "address", error)))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hub_center_get_id (HubCenter *self)
{
  g_return_val_if_fail (HUB_IS_CENTER (self), NULL);

  return self->id;
}

const char *
hub_center_get_name (HubCenter *self)
{
  g_return_val_if_fail (HUB_IS_CENTER (self), NULL);

  return self->name;
}

/**
 * hub_center_get_state:
 * @self: a center
 *
 * Returns: the state the center is in, such as "TX"
 */
const char *
hub_center_get_state (HubCenter *self)
{
  g_return_val_if_fail (HUB_IS_CENTER (self), NULL);

  return self->state;
}

/**
 * hub_center_get_address:
 * @self: a center
 *
 * Returns: the address, one line per line
 */
const char *
hub_center_get_address (HubCenter *self)
{
  g_return_val_if_fail (HUB_IS_CENTER (self), NULL);

  return self->address;
}

const char *
hub_center_get_phone (HubCenter *self)
{
  g_return_val_if_fail (HUB_IS_CENTER (self), NULL);

  return self->phone;
}
