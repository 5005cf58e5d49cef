/* hub-result.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hub-core-enums.h"
#include "hub-core-private.h"
#include "hub-result.h"

/**
 * HubResult:
 *
 * One document of one visit: who was seen, when, where, which document,
 * and the marks the employer's users put on it.
 *
 * What a visit and its document say never changes. The marks (new,
 * flagged, reviewed, archived) do: hub_result_update_from() copies them
 * from a newer copy of the same result and notifies each property that
 * changed, so that a row showing this object updates in place.
 *
 * A placeholder stands for a result not loaded yet: its strings are empty
 * (the nullable ones %NULL), its dates %NULL and its marks %FALSE.
 */
struct _HubResult
{
  GObject parent_instance;

  char *id;
  char *company_id;

  char *visit_id;
  char *visit_date;
  HubVisitType visit_type;
  char *state;
  char *claim_number;

  char *first_name;
  char *last_name;
  char *date_of_birth;
  char *employee_id;

  char *center_id;
  char *center_name;
  char *center_state;
  char *location_id;
  char *location_name;

  char *document_type;
  char *document_name;
  guint document_pages;

  GDateTime *posted_at;
  gboolean archived;
  gboolean is_new;
  gboolean flagged;
  char *flagged_by_id;
  char *flagged_by_name;
  GDateTime *flagged_at;
  gboolean reviewed;
  char *reviewed_by_id;
  char *reviewed_by_name;
  GDateTime *reviewed_at;

  gboolean placeholder;
};

G_DEFINE_FINAL_TYPE (HubResult, hub_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLACEHOLDER,
  PROP_VISIT_DATE,
  PROP_VISIT_TYPE,
  PROP_STATE,
  PROP_CLAIM_NUMBER,
  PROP_EMPLOYEE_FIRST_NAME,
  PROP_EMPLOYEE_LAST_NAME,
  PROP_EMPLOYEE_DATE_OF_BIRTH,
  PROP_CENTER_NAME,
  PROP_LOCATION_NAME,
  PROP_DOCUMENT_TYPE,
  PROP_DOCUMENT_NAME,
  PROP_DOCUMENT_PAGES,
  PROP_POSTED_AT,
  PROP_ARCHIVED,
  PROP_NEW,
  PROP_FLAGGED,
  PROP_FLAGGED_BY_NAME,
  PROP_FLAGGED_AT,
  PROP_REVIEWED,
  PROP_REVIEWED_BY_NAME,
  PROP_REVIEWED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The getters of required strings never return NULL, placeholder or not. */
static inline const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static void
hub_result_finalize (GObject *object)
{
  HubResult *self = (HubResult *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->company_id, g_free);
  g_clear_pointer (&self->visit_id, g_free);
  g_clear_pointer (&self->visit_date, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->claim_number, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->employee_id, g_free);
  g_clear_pointer (&self->center_id, g_free);
  g_clear_pointer (&self->center_name, g_free);
  g_clear_pointer (&self->center_state, g_free);
  g_clear_pointer (&self->location_id, g_free);
  g_clear_pointer (&self->location_name, g_free);
  g_clear_pointer (&self->document_type, g_free);
  g_clear_pointer (&self->document_name, g_free);
  g_clear_pointer (&self->posted_at, g_date_time_unref);
  g_clear_pointer (&self->flagged_by_id, g_free);
  g_clear_pointer (&self->flagged_by_name, g_free);
  g_clear_pointer (&self->flagged_at, g_date_time_unref);
  g_clear_pointer (&self->reviewed_by_id, g_free);
  g_clear_pointer (&self->reviewed_by_name, g_free);
  g_clear_pointer (&self->reviewed_at, g_date_time_unref);

  G_OBJECT_CLASS (hub_result_parent_class)->finalize (object);
}

static void
hub_result_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubResult *self = HUB_RESULT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, hub_result_get_id (self));
      break;
    case PROP_PLACEHOLDER:
      g_value_set_boolean (value, self->placeholder);
      break;
    case PROP_VISIT_DATE:
      g_value_set_string (value, hub_result_get_visit_date (self));
      break;
    case PROP_VISIT_TYPE:
      g_value_set_enum (value, self->visit_type);
      break;
    case PROP_STATE:
      g_value_set_string (value, hub_result_get_state (self));
      break;
    case PROP_CLAIM_NUMBER:
      g_value_set_string (value, self->claim_number);
      break;
    case PROP_EMPLOYEE_FIRST_NAME:
      g_value_set_string (value, hub_result_get_employee_first_name (self));
      break;
    case PROP_EMPLOYEE_LAST_NAME:
      g_value_set_string (value, hub_result_get_employee_last_name (self));
      break;
    case PROP_EMPLOYEE_DATE_OF_BIRTH:
      g_value_set_string (value, hub_result_get_employee_date_of_birth (self));
      break;
    case PROP_CENTER_NAME:
      g_value_set_string (value, hub_result_get_center_name (self));
      break;
    case PROP_LOCATION_NAME:
      g_value_set_string (value, hub_result_get_location_name (self));
      break;
    case PROP_DOCUMENT_TYPE:
      g_value_set_string (value, hub_result_get_document_type (self));
      break;
    case PROP_DOCUMENT_NAME:
      g_value_set_string (value, hub_result_get_document_name (self));
      break;
    case PROP_DOCUMENT_PAGES:
      g_value_set_uint (value, self->document_pages);
      break;
    case PROP_POSTED_AT:
      g_value_set_boxed (value, self->posted_at);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_NEW:
      g_value_set_boolean (value, self->is_new);
      break;
    case PROP_FLAGGED:
      g_value_set_boolean (value, self->flagged);
      break;
    case PROP_FLAGGED_BY_NAME:
      g_value_set_string (value, self->flagged_by_name);
      break;
    case PROP_FLAGGED_AT:
      g_value_set_boxed (value, self->flagged_at);
      break;
    case PROP_REVIEWED:
      g_value_set_boolean (value, self->reviewed);
      break;
    case PROP_REVIEWED_BY_NAME:
      g_value_set_string (value, self->reviewed_by_name);
      break;
    case PROP_REVIEWED_AT:
      g_value_set_boxed (value, self->reviewed_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param_spec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL,
                              NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

/* The marks: hub_result_update_from() notifies them when they change. */
static GParamSpec *
mark_param_spec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL,
                               FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
date_time_param_spec (const char *name,
                      gboolean    changes)
{
  return g_param_spec_boxed (name, NULL, NULL,
                             G_TYPE_DATE_TIME,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                             (changes ? G_PARAM_EXPLICIT_NOTIFY : 0));
}

static void
hub_result_class_init (HubResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_result_finalize;
  object_class->get_property = hub_result_get_property;

  properties[PROP_ID] = string_param_spec ("id");
  properties[PROP_PLACEHOLDER] =
    g_param_spec_boolean ("placeholder", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIT_DATE] = string_param_spec ("visit-date");
  properties[PROP_VISIT_TYPE] =
    g_param_spec_enum ("visit-type", NULL, NULL,
                       HUB_TYPE_VISIT_TYPE,
                       HUB_VISIT_TYPE_ANY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = string_param_spec ("state");
  properties[PROP_CLAIM_NUMBER] = string_param_spec ("claim-number");
  properties[PROP_EMPLOYEE_FIRST_NAME] = string_param_spec ("employee-first-name");
  properties[PROP_EMPLOYEE_LAST_NAME] = string_param_spec ("employee-last-name");
  properties[PROP_EMPLOYEE_DATE_OF_BIRTH] = string_param_spec ("employee-date-of-birth");
  properties[PROP_CENTER_NAME] = string_param_spec ("center-name");
  properties[PROP_LOCATION_NAME] = string_param_spec ("location-name");
  properties[PROP_DOCUMENT_TYPE] = string_param_spec ("document-type");
  properties[PROP_DOCUMENT_NAME] = string_param_spec ("document-name");
  properties[PROP_DOCUMENT_PAGES] =
    g_param_spec_uint ("document-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSTED_AT] = date_time_param_spec ("posted-at", FALSE);
  properties[PROP_ARCHIVED] = mark_param_spec ("archived");
  properties[PROP_NEW] = mark_param_spec ("new");
  properties[PROP_FLAGGED] = mark_param_spec ("flagged");
  properties[PROP_FLAGGED_BY_NAME] =
    g_param_spec_string ("flagged-by-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGGED_AT] = date_time_param_spec ("flagged-at", TRUE);
  properties[PROP_REVIEWED] = mark_param_spec ("reviewed");
  properties[PROP_REVIEWED_BY_NAME] =
    g_param_spec_string ("reviewed-by-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWED_AT] = date_time_param_spec ("reviewed-at", TRUE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_result_init (HubResult *self)
{
}

/**
 * hub_result_new_placeholder:
 *
 * Returns: (transfer full): a result that stands for one not loaded yet
 */
HubResult *
hub_result_new_placeholder (void)
{
  HubResult *self = g_object_new (HUB_TYPE_RESULT, NULL);

  self->placeholder = TRUE;

  return self;
}

/* --- reading the contract's Result --------------------------------------- */

static gboolean
require_date (JsonObject  *object,
              const char  *member,
              char       **out,
              GError     **error)
{
  const char *value;

  if (!hub_json_require_string (object, member, &value, error))
    return FALSE;

  if (!hub_json_is_date (value))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  *out = g_strdup (value);
  return TRUE;
}

/* A date and time with its offset from UTC, as RFC 3339 writes it. */
static gboolean
read_date_time (JsonObject  *object,
                const char  *member,
                gboolean     required,
                GDateTime  **out,
                GError     **error)
{
  const char *value;

  if (!hub_json_optional_string (object, member, &value, error))
    return FALSE;

  if (value == NULL)
    {
      if (required)
        g_propagate_error (error, hub_error_new_contract (member));
      return !required;
    }

  *out = g_date_time_new_from_iso8601 (value, NULL);
  if (*out == NULL)
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             char       **out,
             GError     **error)
{
  const char *value;

  if (!(required ? hub_json_require_string (object, member, &value, error)
                 : hub_json_optional_string (object, member, &value, error)))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

static gboolean
copy_id (JsonObject  *object,
         const char  *member,
         char       **out,
         GError     **error)
{
  const char *value;

  if (!hub_json_require_id (object, member, &value, error))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

/* An optional {id, name} of the user who set a mark. */
static gboolean
read_user_ref (JsonObject  *object,
               const char  *member,
               char       **id,
               char       **name,
               GError     **error)
{
  JsonObject *user;

  if (!hub_json_optional_object (object, member, &user, error))
    return FALSE;

  if (user == NULL)
    return TRUE;

  return copy_id (user, "id", id, error) &&
         copy_string (user, "name", TRUE, name, error);
}

static gboolean
read_visit (HubResult   *self,
            JsonObject  *visit,
            GError     **error)
{
  JsonObject *employee;
  JsonObject *center;
  JsonObject *location;
  const char *visit_type;

  if (!copy_id (visit, "id", &self->visit_id, error) ||
      !require_date (visit, "visit_date", &self->visit_date, error) ||
      !hub_json_require_string (visit, "visit_type", &visit_type, error) ||
      !copy_string (visit, "state", TRUE, &self->state, error) ||
      !copy_string (visit, "claim_number", FALSE, &self->claim_number, error))
    return FALSE;

  self->visit_type = hub_visit_type_from_string (visit_type);

  if (!(employee = hub_json_require_object (visit, "employee", error)) ||
      !copy_string (employee, "first_name", TRUE, &self->first_name, error) ||
      !copy_string (employee, "last_name", TRUE, &self->last_name, error) ||
      !require_date (employee, "date_of_birth", &self->date_of_birth, error) ||
      !copy_string (employee, "employee_id", FALSE, &self->employee_id, error))
    return FALSE;

  if (!(center = hub_json_require_object (visit, "center", error)) ||
      !copy_id (center, "id", &self->center_id, error) ||
      !copy_string (center, "name", TRUE, &self->center_name, error) ||
      !copy_string (center, "state", TRUE, &self->center_state, error))
    return FALSE;

  if (!(location = hub_json_require_object (visit, "location", error)) ||
      !copy_id (location, "id", &self->location_id, error) ||
      !copy_string (location, "name", TRUE, &self->location_name, error))
    return FALSE;

  return TRUE;
}

/* Who set a mark and when are there exactly when the mark is: a flag
 * without them, or them without the flag, is an answer this version does
 * not understand rather than something to show half of. */
static gboolean
check_mark (gboolean     mark,
            const char  *by_id,
            GDateTime   *at,
            const char  *member,
            GError     **error)
{
  gboolean has_by = by_id != NULL;
  gboolean has_at = at != NULL;

  if (has_by != !!mark || has_at != !!mark)
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  return TRUE;
}

HubResult *
hub_result_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(HubResult) self = NULL;
  JsonObject *visit;
  JsonObject *document;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (HUB_TYPE_RESULT, NULL);

  if (!copy_id (object, "id", &self->id, error) ||
      !copy_id (object, "company_id", &self->company_id, error) ||
      !(visit = hub_json_require_object (object, "visit", error)) ||
      !read_visit (self, visit, error))
    return NULL;

  if (!(document = hub_json_require_object (object, "document", error)) ||
      !copy_string (document, "type", TRUE, &self->document_type, error) ||
      !copy_string (document, "name", TRUE, &self->document_name, error) ||
      !hub_json_require_uint (document, "pages", &self->document_pages, error))
    return NULL;

  if (self->document_pages == 0)
    {
      g_propagate_error (error, hub_error_new_contract ("pages"));
      return NULL;
    }

  if (!read_date_time (object, "posted_at", TRUE, &self->posted_at, error) ||
      !hub_json_require_boolean (object, "archived", &self->archived, error) ||
      !hub_json_require_boolean (object, "new", &self->is_new, error) ||
      !hub_json_require_boolean (object, "flagged", &self->flagged, error) ||
      !read_user_ref (object, "flagged_by", &self->flagged_by_id,
                      &self->flagged_by_name, error) ||
      !read_date_time (object, "flagged_at", FALSE, &self->flagged_at, error) ||
      !hub_json_require_boolean (object, "reviewed", &self->reviewed, error) ||
      !read_user_ref (object, "reviewed_by", &self->reviewed_by_id,
                      &self->reviewed_by_name, error) ||
      !read_date_time (object, "reviewed_at", FALSE, &self->reviewed_at, error))
    return NULL;

  if (!check_mark (self->flagged, self->flagged_by_id, self->flagged_at,
                   "flagged", error) ||
      !check_mark (self->reviewed, self->reviewed_by_id, self->reviewed_at,
                   "reviewed", error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Reads an array of Result at @member, each of @company_id. */
GListModel *
hub_results_new_from_json (JsonObject  *object,
                           const char  *member,
                           const char  *company_id,
                           GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *items;
  guint n_items;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (company_id != NULL, NULL);

  if (!(items = hub_json_require_array (object, member, error)))
    return NULL;

  store = g_list_store_new (HUB_TYPE_RESULT);
  n_items = json_array_get_length (items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(HubResult) result = NULL;
      JsonNode *node = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_propagate_error (error, hub_error_new_contract (member));
          return NULL;
        }

      if (!(result = hub_result_new_from_json (json_node_get_object (node), error)))
        return NULL;

      /* Another company's result in this company's list would show one
       * employer another's employees. */
      if (!g_str_equal (result->company_id, company_id))
        {
          g_propagate_error (error, hub_error_new_contract ("company_id of another company"));
          return NULL;
        }

      g_list_store_append (store, result);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* --- getters ------------------------------------------------------------- */

gboolean
hub_result_is_placeholder (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);

  return self->placeholder;
}

const char *
hub_result_get_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->id);
}

const char *
hub_result_get_company_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->company_id);
}

const char *
hub_result_get_visit_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->visit_id);
}

/**
 * hub_result_get_visit_date:
 * @self: a result
 *
 * Returns: the day of the visit as "YYYY-MM-DD", empty for a placeholder
 */
const char *
hub_result_get_visit_date (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->visit_date);
}

HubVisitType
hub_result_get_visit_type (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), HUB_VISIT_TYPE_ANY);

  return self->visit_type;
}

/**
 * hub_result_get_state:
 * @self: a result
 *
 * Returns: the state of the visit, such as "TX"
 */
const char *
hub_result_get_state (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->state);
}

/**
 * hub_result_get_claim_number:
 * @self: a result
 *
 * Returns: (nullable): the workers' compensation claim number, if any
 */
const char *
hub_result_get_claim_number (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->claim_number;
}

const char *
hub_result_get_employee_first_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->first_name);
}

const char *
hub_result_get_employee_last_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->last_name);
}

/**
 * hub_result_get_employee_date_of_birth:
 * @self: a result
 *
 * Returns: the employee's date of birth as "YYYY-MM-DD", empty for a
 *   placeholder
 */
const char *
hub_result_get_employee_date_of_birth (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->date_of_birth);
}

/**
 * hub_result_get_employee_id:
 * @self: a result
 *
 * Returns: (nullable): the employer's own number for the employee, if any
 */
const char *
hub_result_get_employee_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->employee_id;
}

/**
 * hub_result_dup_employee_name:
 * @self: a result
 *
 * The name as lists sort it: "Last, First", or the one name there is.
 *
 * Returns: (transfer full): the employee's name, empty for a placeholder
 */
char *
hub_result_dup_employee_name (HubResult *self)
{
  const char *first;
  const char *last;

  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  first = or_empty (self->first_name);
  last = or_empty (self->last_name);

  if (*first == '\0')
    return g_strdup (last);
  if (*last == '\0')
    return g_strdup (first);

  return g_strconcat (last, ", ", first, NULL);
}

const char *
hub_result_get_center_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->center_id);
}

const char *
hub_result_get_center_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->center_name);
}

const char *
hub_result_get_center_state (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->center_state);
}

const char *
hub_result_get_location_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->location_id);
}

const char *
hub_result_get_location_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->location_name);
}

/**
 * hub_result_get_document_type:
 * @self: a result
 *
 * Returns: the code of the document type, as hub_document_type_get_code()
 */
const char *
hub_result_get_document_type (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->document_type);
}

const char *
hub_result_get_document_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return or_empty (self->document_name);
}

guint
hub_result_get_document_pages (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), 0);

  return self->document_pages;
}

/**
 * hub_result_get_posted_at:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): when the document was posted;
 *   %NULL only for a placeholder
 */
GDateTime *
hub_result_get_posted_at (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->posted_at;
}

gboolean
hub_result_get_archived (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);

  return self->archived;
}

/**
 * hub_result_get_new:
 * @self: a result
 *
 * Returns: whether no user of the company has opened the document yet
 */
gboolean
hub_result_get_new (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);

  return self->is_new;
}

gboolean
hub_result_get_flagged (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);

  return self->flagged;
}

/**
 * hub_result_get_flagged_by_id:
 * @self: a result
 *
 * Returns: (nullable): the id of the user who flagged it
 */
const char *
hub_result_get_flagged_by_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->flagged_by_id;
}

/**
 * hub_result_get_flagged_by_name:
 * @self: a result
 *
 * Returns: (nullable): the name of the user who flagged it
 */
const char *
hub_result_get_flagged_by_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->flagged_by_name;
}

/**
 * hub_result_get_flagged_at:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): when it was flagged
 */
GDateTime *
hub_result_get_flagged_at (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->flagged_at;
}

gboolean
hub_result_get_reviewed (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);

  return self->reviewed;
}

/**
 * hub_result_get_reviewed_by_id:
 * @self: a result
 *
 * Returns: (nullable): the id of the user who marked it as reviewed
 */
const char *
hub_result_get_reviewed_by_id (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->reviewed_by_id;
}

/**
 * hub_result_get_reviewed_by_name:
 * @self: a result
 *
 * Returns: (nullable): the name of the user who marked it as reviewed
 */
const char *
hub_result_get_reviewed_by_name (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->reviewed_by_name;
}

/**
 * hub_result_get_reviewed_at:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): when it was marked as reviewed
 */
GDateTime *
hub_result_get_reviewed_at (HubResult *self)
{
  g_return_val_if_fail (HUB_IS_RESULT (self), NULL);

  return self->reviewed_at;
}

/* --- updating the marks -------------------------------------------------- */

static gboolean
date_time_equal (GDateTime *a,
                 GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

static void
set_mark (HubResult  *self,
          gboolean   *mark,
          gboolean    value,
          guint       prop_id)
{
  if (*mark == value)
    return;

  *mark = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_string (HubResult   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (!g_set_str (field, value))
    return;

  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_date_time (HubResult  *self,
               GDateTime **field,
               GDateTime  *value,
               guint       prop_id)
{
  if (date_time_equal (*field, value))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * hub_result_update_from:
 * @self: a result
 * @newer: a newer copy of the same result, as the server sent it after
 *   a change
 *
 * Copies the marks (new, flagged, reviewed, archived, and who set them
 * when) from @newer, notifying each property that changes, all at once
 * when the last one has changed. What the visit and its document say is
 * left as it is. A placeholder, or a result with another id, is refused.
 *
 * Returns: whether anything changed
 */
gboolean
hub_result_update_from (HubResult *self,
                        HubResult *newer)
{
  gboolean changed;

  g_return_val_if_fail (HUB_IS_RESULT (self), FALSE);
  g_return_val_if_fail (HUB_IS_RESULT (newer), FALSE);
  g_return_val_if_fail (!self->placeholder && !newer->placeholder, FALSE);
  g_return_val_if_fail (g_str_equal (self->id, newer->id), FALSE);

  if (self == newer)
    return FALSE;

  changed = self->archived != newer->archived ||
            self->is_new != newer->is_new ||
            self->flagged != newer->flagged ||
            self->reviewed != newer->reviewed ||
            g_strcmp0 (self->flagged_by_id, newer->flagged_by_id) != 0 ||
            g_strcmp0 (self->flagged_by_name, newer->flagged_by_name) != 0 ||
            !date_time_equal (self->flagged_at, newer->flagged_at) ||
            g_strcmp0 (self->reviewed_by_id, newer->reviewed_by_id) != 0 ||
            g_strcmp0 (self->reviewed_by_name, newer->reviewed_by_name) != 0 ||
            !date_time_equal (self->reviewed_at, newer->reviewed_at);
  if (!changed)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  set_mark (self, &self->archived, newer->archived, PROP_ARCHIVED);
  set_mark (self, &self->is_new, newer->is_new, PROP_NEW);

  set_mark (self, &self->flagged, newer->flagged, PROP_FLAGGED);
  set_string (self, &self->flagged_by_id, newer->flagged_by_id, PROP_0);
  set_string (self, &self->flagged_by_name, newer->flagged_by_name, PROP_FLAGGED_BY_NAME);
  set_date_time (self, &self->flagged_at, newer->flagged_at, PROP_FLAGGED_AT);

  set_mark (self, &self->reviewed, newer->reviewed, PROP_REVIEWED);
  set_string (self, &self->reviewed_by_id, newer->reviewed_by_id, PROP_0);
  set_string (self, &self->reviewed_by_name, newer->reviewed_by_name, PROP_REVIEWED_BY_NAME);
  set_date_time (self, &self->reviewed_at, newer->reviewed_at, PROP_REVIEWED_AT);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}
