/* hub-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-company.h"
#include "hub-core-private.h"

/**
 * HubCompany:
 *
 * A company's name, phone number and addresses. Addresses are kept as the
 * lines a letter would carry: street, second line when there is one, then
 * "City, ST 12345".
 */
struct _HubCompany
{
  GObject parent_instance;

  char *id;
  char *name;
  char *phone;
  char *physical_address;
  char *billing_address;
};

G_DEFINE_FINAL_TYPE (HubCompany, hub_company, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_PHYSICAL_ADDRESS,
  PROP_BILLING_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_company_finalize (GObject *object)
{
  HubCompany *self = (HubCompany *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->physical_address, g_free);
  g_clear_pointer (&self->billing_address, g_free);

  G_OBJECT_CLASS (hub_company_parent_class)->finalize (object);
}

static void
hub_company_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HubCompany *self = HUB_COMPANY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_PHYSICAL_ADDRESS:
      g_value_set_string (value, self->physical_address);
      break;
    case PROP_BILLING_ADDRESS:
      g_value_set_string (value, self->billing_address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_company_class_init (HubCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_company_finalize;
  object_class->get_property = hub_company_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHYSICAL_ADDRESS] =
    g_param_spec_string ("physical-address", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BILLING_ADDRESS] =
    g_param_spec_string ("billing-address", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_company_init (HubCompany *self)
{
}

HubCompany *
hub_company_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(HubCompany) self = NULL;
  const char *id;
  const char *name;
  const char *phone;

  g_return_val_if_fail (object != NULL, NULL);

  if (!hub_json_require_id (object, "id", &id, error) ||
      !hub_json_require_string (object, "name", &name, error) ||
      !hub_json_require_string (object, "phone", &phone, error))
    return NULL;

  self = g_object_new (HUB_TYPE_COMPANY, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->phone = g_strdup (phone);

  if (!(self->physical_address = hub_json_format_address (object, "physical_address", error)) ||
      !(self->billing_address = hub_json_format_address (object, "billing_address", error)))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hub_company_get_id (HubCompany *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY (self), NULL);

  return self->id;
}

const char *
hub_company_get_name (HubCompany *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY (self), NULL);

  return self->name;
}

const char *
hub_company_get_phone (HubCompany *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY (self), NULL);

  return self->phone;
}

/**
 * hub_company_dup_physical_address:
 * @self: a company
 *
 * Returns: (transfer full): the physical address, one line per line
 */
char *
hub_company_dup_physical_address (HubCompany *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY (self), NULL);

  return g_strdup (self->physical_address);
}

/**
 * hub_company_dup_billing_address:
 * @self: a company
 *
 * Returns: (transfer full): the billing address, one line per line
 */
char *
hub_company_dup_billing_address (HubCompany *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY (self), NULL);

  return g_strdup (self->billing_address);
}
