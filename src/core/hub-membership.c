/* hub-membership.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-core-enums.h"
#include "hub-core-private.h"
#include "hub-membership.h"

/**
 * HubMembership:
 *
 * The role and effective permissions of the signed-in user in one company,
 * as the server states them. The app hides what they do not allow; the
 * server refuses it anyway.
 */
struct _HubMembership
{
  GObject parent_instance;

  char *company_id;
  char *company_name;
  HubRole role;
  guint patient_visit_activity : 1;
  guint billing_admin : 1;
  guint visit_search : 1;
  guint billing_contact : 1;
};

G_DEFINE_FINAL_TYPE (HubMembership, hub_membership, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPANY_ID,
  PROP_COMPANY_NAME,
  PROP_ROLE,
  PROP_PATIENT_VISIT_ACTIVITY,
  PROP_BILLING_ADMIN,
  PROP_VISIT_SEARCH,
  PROP_BILLING_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_membership_finalize (GObject *object)
{
  HubMembership *self = (HubMembership *) object;

  g_clear_pointer (&self->company_id, g_free);
  g_clear_pointer (&self->company_name, g_free);

  G_OBJECT_CLASS (hub_membership_parent_class)->finalize (object);
}

static void
hub_membership_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HubMembership *self = HUB_MEMBERSHIP (object);

  switch (prop_id)
    {
    case PROP_COMPANY_ID:
      g_value_set_string (value, self->company_id);
      break;
    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_PATIENT_VISIT_ACTIVITY:
      g_value_set_boolean (value, self->patient_visit_activity);
      break;
    case PROP_BILLING_ADMIN:
      g_value_set_boolean (value, self->billing_admin);
      break;
    case PROP_VISIT_SEARCH:
      g_value_set_boolean (value, self->visit_search);
      break;
    case PROP_BILLING_CONTACT:
      g_value_set_boolean (value, self->billing_contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_membership_class_init (HubMembershipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_membership_finalize;
  object_class->get_property = hub_membership_get_property;

  properties[PROP_COMPANY_ID] =
    g_param_spec_string ("company-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       HUB_TYPE_ROLE, HUB_ROLE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_VISIT_ACTIVITY] =
    g_param_spec_boolean ("patient-visit-activity", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BILLING_ADMIN] =
    g_param_spec_boolean ("billing-admin", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIT_SEARCH] =
    g_param_spec_boolean ("visit-search", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BILLING_CONTACT] =
    g_param_spec_boolean ("billing-contact", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_membership_init (HubMembership *self)
{
}

/* Reads the contract's Membership. A role this client does not know reads
 * as no portal access (see hub_role_from_string()). */
HubMembership *
hub_membership_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(HubMembership) self = NULL;
  JsonObject *company;
  JsonObject *permissions;
  const char *id;
  const char *name;
  const char *role;
  gboolean patient_visit_activity;
  gboolean billing_admin;
  gboolean visit_search;
  gboolean billing_contact;

  g_return_val_if_fail (object != NULL, NULL);

  if (!(company = hub_json_require_object (object, "company", error)) ||
      !hub_json_require_id (company, "id", &id, error) ||
      !hub_json_require_string (company, "name", &name, error) ||
      !hub_json_require_string (object, "role", &role, error) ||
      !(permissions = hub_json_require_object (object, "permissions", error)) ||
      !hub_json_require_boolean (permissions, "patient_visit_activity",
                                 &patient_visit_activity, error) ||
      !hub_json_require_boolean (permissions, "billing_admin", &billing_admin, error) ||
      !hub_json_require_boolean (permissions, "visit_search", &visit_search, error) ||
      !hub_json_require_boolean (object, "billing_contact", &billing_contact, error))
    return NULL;

  self = g_object_new (HUB_TYPE_MEMBERSHIP, NULL);
  self->company_id = g_strdup (id);
  self->company_name = g_strdup (name);
  self->role = hub_role_from_string (role);
  self->patient_visit_activity = !!patient_visit_activity;
  self->billing_admin = !!billing_admin;
  self->visit_search = !!visit_search;
  self->billing_contact = !!billing_contact;

  if (g_strcmp0 (role, hub_role_to_string (self->role)) != 0)
    g_debug ("Unknown role in a membership; treating it as no portal access");

  return g_steal_pointer (&self);
}

const char *
hub_membership_get_company_id (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), NULL);

  return self->company_id;
}

const char *
hub_membership_get_company_name (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), NULL);

  return self->company_name;
}

HubRole
hub_membership_get_role (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), HUB_ROLE_NONE);

  return self->role;
}

gboolean
hub_membership_get_patient_visit_activity (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), FALSE);

  return self->patient_visit_activity;
}

gboolean
hub_membership_get_billing_admin (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), FALSE);

  return self->billing_admin;
}

gboolean
hub_membership_get_visit_search (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), FALSE);

  return self->visit_search;
}

gboolean
hub_membership_get_billing_contact (HubMembership *self)
{
  g_return_val_if_fail (HUB_IS_MEMBERSHIP (self), FALSE);

  return self->billing_contact;
}
