/* hub-result-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hub-core-enums.h"
#include "hub-core-private.h"
#include "hub-result-query.h"

/**
 * HubResultQuery:
 *
 * The criteria of a results search. A criterion left unset (%NULL, or
 * %HUB_VISIT_TYPE_ANY, or %HUB_TRISTATE_ANY) does not narrow the search.
 * Text is kept without leading and trailing white space, and text that is
 * only white space is unset, so that "Smith " and "Smith" are one search.
 *
 * Dates are "YYYY-MM-DD"; the sort is one the server knows (see
 * #HubResultQuery:sort), and another is a programmer error.
 *
 * Every property notifies only when its value changes; #HubResultQuery::changed
 * follows once for each batch of changes, such as one g_object_set() of
 * several properties, so that a view searches again once.
 */

/* The string criteria, in the order of the query string. */
typedef enum {
  FIELD_NAME,
  FIELD_DOB,
  FIELD_STATE,
  FIELD_CENTER_ID,
  FIELD_CLAIM,
  FIELD_DOCUMENT,
  FIELD_FROM,
  FIELD_TO,
  FIELD_SORT,
  N_FIELDS
} Field;

struct _HubResultQuery
{
  GObject parent_instance;

  char *fields[N_FIELDS];
  HubVisitType visit_type;
  HubTristate reviewed;
  HubTristate flagged;
  gboolean include_archived;
};

G_DEFINE_FINAL_TYPE (HubResultQuery, hub_result_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DOB,
  PROP_STATE,
  PROP_CENTER_ID,
  PROP_VISIT_TYPE,
  PROP_CLAIM,
  PROP_DOCUMENT,
  PROP_REVIEWED,
  PROP_FLAGGED,
  PROP_FROM,
  PROP_TO,
  PROP_INCLUDE_ARCHIVED,
  PROP_SORT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  guint prop_id;
  const char *parameter;
} field_info[N_FIELDS] = {
  [FIELD_NAME] = { PROP_NAME, "name" },
  [FIELD_DOB] = { PROP_DOB, "dob" },
  [FIELD_STATE] = { PROP_STATE, "state" },
  [FIELD_CENTER_ID] = { PROP_CENTER_ID, "center_id" },
  [FIELD_CLAIM] = { PROP_CLAIM, "claim" },
  [FIELD_DOCUMENT] = { PROP_DOCUMENT, "document" },
  [FIELD_FROM] = { PROP_FROM, "from" },
  [FIELD_TO] = { PROP_TO, "to" },
  [FIELD_SORT] = { PROP_SORT, "sort" },
};

/* The columns the server sorts by; each may take a leading "-" for
 * descending order. */
static const char * const sort_keys[] = {
  "visit_date", "employee", "document", "center", "state", "visit_type",
  "claim", "posted_at",
};

static gboolean
is_sort (const char *sort)
{
  if (sort[0] == '-')
    sort++;

  for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
    {
      if (g_str_equal (sort, sort_keys[i]))
        return TRUE;
    }

  return FALSE;
}

static const char *
tristate_to_string (HubTristate value)
{
  switch (value)
    {
    case HUB_TRISTATE_YES:
      return "true";
    case HUB_TRISTATE_NO:
      return "false";
    case HUB_TRISTATE_ANY:
    default:
      return NULL;
    }
}

static void
hub_result_query_finalize (GObject *object)
{
  HubResultQuery *self = (HubResultQuery *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (hub_result_query_parent_class)->finalize (object);
}

static void
hub_result_query_dispatch_properties_changed (GObject     *object,
                                              guint        n_pspecs,
                                              GParamSpec **pspecs)
{
  G_OBJECT_CLASS (hub_result_query_parent_class)->dispatch_properties_changed (object,
                                                                               n_pspecs,
                                                                               pspecs);

  g_signal_emit (object, signals[CHANGED], 0);
}

static Field
field_for_prop (guint prop_id)
{
  for (Field field = 0; field < N_FIELDS; field++)
    {
      if (field_info[field].prop_id == prop_id)
        return field;
    }

  return N_FIELDS;
}

static void
hub_result_query_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HubResultQuery *self = HUB_RESULT_QUERY (object);
  Field field = field_for_prop (prop_id);

  if (field != N_FIELDS)
    {
      g_value_set_string (value, self->fields[field]);
      return;
    }

  switch (prop_id)
    {
    case PROP_VISIT_TYPE:
      g_value_set_enum (value, self->visit_type);
      break;
    case PROP_REVIEWED:
      g_value_set_enum (value, self->reviewed);
      break;
    case PROP_FLAGGED:
      g_value_set_enum (value, self->flagged);
      break;
    case PROP_INCLUDE_ARCHIVED:
      g_value_set_boolean (value, self->include_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void set_field (HubResultQuery *self,
                       Field           field,
                       const char     *value);

static void
hub_result_query_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HubResultQuery *self = HUB_RESULT_QUERY (object);
  Field field = field_for_prop (prop_id);

  if (field != N_FIELDS)
    {
      set_field (self, field, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_VISIT_TYPE:
      hub_result_query_set_visit_type (self, g_value_get_enum (value));
      break;
    case PROP_REVIEWED:
      hub_result_query_set_reviewed (self, g_value_get_enum (value));
      break;
    case PROP_FLAGGED:
      hub_result_query_set_flagged (self, g_value_get_enum (value));
      break;
    case PROP_INCLUDE_ARCHIVED:
      hub_result_query_set_include_archived (self, g_value_get_boolean (value));
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
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
tristate_param_spec (const char *name)
{
  return g_param_spec_enum (name, NULL, NULL,
                            HUB_TYPE_TRISTATE,
                            HUB_TRISTATE_ANY,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS);
}

static void
hub_result_query_class_init (HubResultQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_result_query_finalize;
  object_class->dispatch_properties_changed = hub_result_query_dispatch_properties_changed;
  object_class->get_property = hub_result_query_get_property;
  object_class->set_property = hub_result_query_set_property;

  /**
   * HubResultQuery:name:
   *
   * Words of the employee's name, first and last in either order.
   */
  properties[PROP_NAME] = string_param_spec ("name");

  /**
   * HubResultQuery:dob:
   *
   * The employee's date of birth, "YYYY-MM-DD".
   */
  properties[PROP_DOB] = string_param_spec ("dob");

  /**
   * HubResultQuery:state:
   *
   * The state of the visit, such as "TX".
   */
  properties[PROP_STATE] = string_param_spec ("state");

  /**
   * HubResultQuery:center-id:
   *
   * The id of a #HubCenter.
   */
  properties[PROP_CENTER_ID] = string_param_spec ("center-id");

  properties[PROP_VISIT_TYPE] =
    g_param_spec_enum ("visit-type", NULL, NULL,
                       HUB_TYPE_VISIT_TYPE,
                       HUB_VISIT_TYPE_ANY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * HubResultQuery:claim:
   *
   * The start of a claim number.
   */
  properties[PROP_CLAIM] = string_param_spec ("claim");

  /**
   * HubResultQuery:document:
   *
   * A document type's code or words of its name.
   */
  properties[PROP_DOCUMENT] = string_param_spec ("document");

  properties[PROP_REVIEWED] = tristate_param_spec ("reviewed");
  properties[PROP_FLAGGED] = tristate_param_spec ("flagged");

  /**
   * HubResultQuery:from:
   *
   * The first visit date to include, "YYYY-MM-DD".
   */
  properties[PROP_FROM] = string_param_spec ("from");

  /**
   * HubResultQuery:to:
   *
   * The last visit date to include, "YYYY-MM-DD".
   */
  properties[PROP_TO] = string_param_spec ("to");

  /**
   * HubResultQuery:include-archived:
   *
   * Whether results posted more than 90 days ago are included.
   */
  properties[PROP_INCLUDE_ARCHIVED] =
    g_param_spec_boolean ("include-archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * HubResultQuery:sort:
   *
   * The order: "visit_date", "employee", "document", "center", "state",
   * "visit_type", "claim" or "posted_at", with a leading "-" for
   * descending; %NULL for the server's default (newest visits first).
   */
  properties[PROP_SORT] = string_param_spec ("sort");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubResultQuery::changed:
   *
   * Emitted once after one or more criteria changed together.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
hub_result_query_init (HubResultQuery *self)
{
}

/**
 * hub_result_query_new:
 *
 * Returns: (transfer full): a query that matches every current result
 */
HubResultQuery *
hub_result_query_new (void)
{
  return g_object_new (HUB_TYPE_RESULT_QUERY, NULL);
}

/* What people type is compared and sent without outer white space. Dates
 * are typed too: one that is not YYYY-MM-DD is kept as it is, and the
 * server's refusal names the criterion. */
static gboolean
is_free_text (Field field)
{
  return field != FIELD_CENTER_ID && field != FIELD_SORT;
}

static void
set_field (HubResultQuery *self,
           Field           field,
           const char     *value)
{
  g_autofree char *normalized = NULL;

  if (value != NULL && is_free_text (field))
    {
      normalized = g_strstrip (g_strdup (value));
      value = normalized;
    }

  if (value != NULL && *value == '\0')
    value = NULL;

  g_return_if_fail (value == NULL || field != FIELD_SORT || is_sort (value));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  if (g_set_str (&self->fields[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[field_info[field].prop_id]);
}

/**
 * hub_result_query_copy:
 * @self: a query
 *
 * Returns: (transfer full): a new query with the same criteria
 */
HubResultQuery *
hub_result_query_copy (HubResultQuery *self)
{
  HubResultQuery *copy;

  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), NULL);

  copy = hub_result_query_new ();

  for (guint i = 0; i < N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  copy->visit_type = self->visit_type;
  copy->reviewed = self->reviewed;
  copy->flagged = self->flagged;
  copy->include_archived = self->include_archived;

  return copy;
}

/**
 * hub_result_query_equal:
 * @a: a query
 * @b: another query
 *
 * Returns: whether both ask for the same results in the same order
 */
gboolean
hub_result_query_equal (HubResultQuery *a,
                        HubResultQuery *b)
{
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (a), FALSE);
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (b), FALSE);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_strcmp0 (a->fields[i], b->fields[i]) != 0)
        return FALSE;
    }

  return a->visit_type == b->visit_type &&
         a->reviewed == b->reviewed &&
         a->flagged == b->flagged &&
         a->include_archived == b->include_archived;
}

static void
append_parameter (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  /* Everything but unreserved characters is escaped: "&", "=", "+" and
   * spaces in a name must not split or change the query. */
  escaped = g_uri_escape_string (value, NULL, FALSE);

  if (out->len > 0)
    g_string_append_c (out, '&');
  g_string_append_printf (out, "%s=%s", name, escaped);
}

/**
 * hub_result_query_to_string:
 * @self: a query
 *
 * The criteria as the query string of a results search, without the
 * leading "?", such as "name=Jos%C3%A9%20Smith&reviewed=false"; empty
 * when no criterion is set.
 *
 * Returns: (transfer full): the query string
 */
char *
hub_result_query_to_string (HubResultQuery *self)
{
  GString *out;

  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), NULL);

  out = g_string_new (NULL);

  append_parameter (out, "name", self->fields[FIELD_NAME]);
  append_parameter (out, "dob", self->fields[FIELD_DOB]);
  append_parameter (out, "state", self->fields[FIELD_STATE]);
  append_parameter (out, "center_id", self->fields[FIELD_CENTER_ID]);
  append_parameter (out, "visit_type", hub_visit_type_to_string (self->visit_type));
  append_parameter (out, "claim", self->fields[FIELD_CLAIM]);
  append_parameter (out, "document", self->fields[FIELD_DOCUMENT]);
  append_parameter (out, "reviewed", tristate_to_string (self->reviewed));
  append_parameter (out, "flagged", tristate_to_string (self->flagged));
  append_parameter (out, "from", self->fields[FIELD_FROM]);
  append_parameter (out, "to", self->fields[FIELD_TO]);
  append_parameter (out, "include_archived", self->include_archived ? "true" : NULL);
  append_parameter (out, "sort", self->fields[FIELD_SORT]);

  return g_string_free (out, FALSE);
}

/* --- accessors ------------------------------------------------------------ */

#define STRING_ACCESSORS(lower, FIELD)                                          \
  const char *                                                                  \
  hub_result_query_get_##lower (HubResultQuery *self)                           \
  {                                                                             \
    g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), NULL);                    \
                                                                                \
    return self->fields[FIELD];                                                 \
  }                                                                             \
                                                                                \
  void                                                                          \
  hub_result_query_set_##lower (HubResultQuery *self,                           \
                                const char     *value)                          \
  {                                                                             \
    g_return_if_fail (HUB_IS_RESULT_QUERY (self));                              \
                                                                                \
    set_field (self, FIELD, value);                                             \
  }

STRING_ACCESSORS (name, FIELD_NAME)
STRING_ACCESSORS (dob, FIELD_DOB)
STRING_ACCESSORS (state, FIELD_STATE)
STRING_ACCESSORS (center_id, FIELD_CENTER_ID)
STRING_ACCESSORS (claim, FIELD_CLAIM)
STRING_ACCESSORS (document, FIELD_DOCUMENT)
STRING_ACCESSORS (from, FIELD_FROM)
STRING_ACCESSORS (to, FIELD_TO)
STRING_ACCESSORS (sort, FIELD_SORT)

#undef STRING_ACCESSORS

HubVisitType
hub_result_query_get_visit_type (HubResultQuery *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), HUB_VISIT_TYPE_ANY);

  return self->visit_type;
}

void
hub_result_query_set_visit_type (HubResultQuery *self,
                                 HubVisitType    visit_type)
{
  g_return_if_fail (HUB_IS_RESULT_QUERY (self));
  g_return_if_fail (visit_type <= HUB_VISIT_TYPE_NON_INJURY);

  if (self->visit_type == visit_type)
    return;

  self->visit_type = visit_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT_TYPE]);
}

HubTristate
hub_result_query_get_reviewed (HubResultQuery *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), HUB_TRISTATE_ANY);

  return self->reviewed;
}

void
hub_result_query_set_reviewed (HubResultQuery *self,
                               HubTristate     reviewed)
{
  g_return_if_fail (HUB_IS_RESULT_QUERY (self));
  g_return_if_fail (reviewed <= HUB_TRISTATE_NO);

  if (self->reviewed == reviewed)
    return;

  self->reviewed = reviewed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED]);
}

HubTristate
hub_result_query_get_flagged (HubResultQuery *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), HUB_TRISTATE_ANY);

  return self->flagged;
}

void
hub_result_query_set_flagged (HubResultQuery *self,
                              HubTristate     flagged)
{
  g_return_if_fail (HUB_IS_RESULT_QUERY (self));
  g_return_if_fail (flagged <= HUB_TRISTATE_NO);

  if (self->flagged == flagged)
    return;

  self->flagged = flagged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGGED]);
}

gboolean
hub_result_query_get_include_archived (HubResultQuery *self)
{
  g_return_val_if_fail (HUB_IS_RESULT_QUERY (self), FALSE);

  return self->include_archived;
}

void
hub_result_query_set_include_archived (HubResultQuery *self,
                                       gboolean        include_archived)
{
  g_return_if_fail (HUB_IS_RESULT_QUERY (self));

  include_archived = !!include_archived;
  if (self->include_archived == include_archived)
    return;

  self->include_archived = include_archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_ARCHIVED]);
}
