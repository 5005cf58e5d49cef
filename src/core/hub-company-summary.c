/* hub-company-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-company-summary.h"
#include "hub-core-private.h"

/**
 * HubCompanySummary:
 *
 * Counts about one company, as the server counted them when asked.
 */
struct _HubCompanySummary
{
  GObject parent_instance;

  char *company_id;
  guint locations;
  guint markets;
  guint contacts;
  guint portal_users;
  guint user_admins;
  guint pending_invitations;
  guint results_new;
  guint results_unreviewed;
  guint results_flagged;
};

G_DEFINE_FINAL_TYPE (HubCompanySummary, hub_company_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPANY_ID,
  PROP_LOCATIONS,
  PROP_MARKETS,
  PROP_CONTACTS,
  PROP_PORTAL_USERS,
  PROP_USER_ADMINS,
  PROP_PENDING_INVITATIONS,
  PROP_RESULTS_NEW,
  PROP_RESULTS_UNREVIEWED,
  PROP_RESULTS_FLAGGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_company_summary_finalize (GObject *object)
{
  HubCompanySummary *self = (HubCompanySummary *) object;

  g_clear_pointer (&self->company_id, g_free);

  G_OBJECT_CLASS (hub_company_summary_parent_class)->finalize (object);
}

static void
hub_company_summary_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HubCompanySummary *self = HUB_COMPANY_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_COMPANY_ID:
      g_value_set_string (value, self->company_id);
      break;
    case PROP_LOCATIONS:
      g_value_set_uint (value, self->locations);
      break;
    case PROP_MARKETS:
      g_value_set_uint (value, self->markets);
      break;
    case PROP_CONTACTS:
      g_value_set_uint (value, self->contacts);
      break;
    case PROP_PORTAL_USERS:
      g_value_set_uint (value, self->portal_users);
      break;
    case PROP_USER_ADMINS:
      g_value_set_uint (value, self->user_admins);
      break;
    case PROP_PENDING_INVITATIONS:
      g_value_set_uint (value, self->pending_invitations);
      break;
    case PROP_RESULTS_NEW:
      g_value_set_uint (value, self->results_new);
      break;
    case PROP_RESULTS_UNREVIEWED:
      g_value_set_uint (value, self->results_unreviewed);
      break;
    case PROP_RESULTS_FLAGGED:
      g_value_set_uint (value, self->results_flagged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
count_param_spec (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL,
                            0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
hub_company_summary_class_init (HubCompanySummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_company_summary_finalize;
  object_class->get_property = hub_company_summary_get_property;

  properties[PROP_COMPANY_ID] =
    g_param_spec_string ("company-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATIONS] = count_param_spec ("locations");
  properties[PROP_MARKETS] = count_param_spec ("markets");
  properties[PROP_CONTACTS] = count_param_spec ("contacts");
  properties[PROP_PORTAL_USERS] = count_param_spec ("portal-users");
  properties[PROP_USER_ADMINS] = count_param_spec ("user-admins");
  properties[PROP_PENDING_INVITATIONS] = count_param_spec ("pending-invitations");
  properties[PROP_RESULTS_NEW] = count_param_spec ("results-new");
  properties[PROP_RESULTS_UNREVIEWED] = count_param_spec ("results-unreviewed");
  properties[PROP_RESULTS_FLAGGED] = count_param_spec ("results-flagged");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_company_summary_init (HubCompanySummary *self)
{
}

HubCompanySummary *
hub_company_summary_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(HubCompanySummary) self = NULL;
  const char *company_id;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (HUB_TYPE_COMPANY_SUMMARY, NULL);

  if (!hub_json_require_id (object, "company_id", &company_id, error) ||
      !hub_json_require_uint (object, "locations", &self->locations, error) ||
      !hub_json_require_uint (object, "markets", &self->markets, error) ||
      !hub_json_require_uint (object, "contacts", &self->contacts, error) ||
      !hub_json_require_uint (object, "portal_users", &self->portal_users, error) ||
      !hub_json_require_uint (object, "user_admins", &self->user_admins, error) ||
      !hub_json_require_uint (object, "pending_invitations",
                              &self->pending_invitations, error) ||
      !hub_json_require_uint (object, "results_new", &self->results_new, error) ||
      !hub_json_require_uint (object, "results_unreviewed", &self->results_unreviewed, error) ||
      !hub_json_require_uint (object, "results_flagged", &self->results_flagged, error))
    return NULL;

  self->company_id = g_strdup (company_id);

  return g_steal_pointer (&self);
}

const char *
hub_company_summary_get_company_id (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), NULL);

  return self->company_id;
}

guint
hub_company_summary_get_locations (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->locations;
}

guint
hub_company_summary_get_markets (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->markets;
}

guint
hub_company_summary_get_contacts (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->contacts;
}

guint
hub_company_summary_get_portal_users (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->portal_users;
}

guint
hub_company_summary_get_user_admins (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->user_admins;
}

guint
hub_company_summary_get_pending_invitations (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->pending_invitations;
}

/**
 * hub_company_summary_get_results_new:
 * @self: a summary
 *
 * Returns: how many results, not archived, the signed-in user has not
 *   opened
 */
guint
hub_company_summary_get_results_new (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->results_new;
}

/**
 * hub_company_summary_get_results_unreviewed:
 * @self: a summary
 *
 * Returns: how many results, not archived, are not marked as reviewed
 */
guint
hub_company_summary_get_results_unreviewed (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->results_unreviewed;
}

/**
 * hub_company_summary_get_results_flagged:
 * @self: a summary
 *
 * Returns: how many results, not archived, are flagged
 */
guint
hub_company_summary_get_results_flagged (HubCompanySummary *self)
{
  g_return_val_if_fail (HUB_IS_COMPANY_SUMMARY (self), 0);

  return self->results_flagged;
}
