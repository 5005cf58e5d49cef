/* hub-document-type.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "hub-core-enums.h"
#include "hub-core-private.h"
#include "hub-document-type.h"

/**
 * HubDocumentType:
 *
 * A kind of document, such as a work status report, with the code that
 * results and searches use for it and the kind of visit it comes from.
 */
struct _HubDocumentType
{
  GObject parent_instance;

  char *code;
  char *name;
  HubVisitType visit_type;
  guint pages;
};

G_DEFINE_FINAL_TYPE (HubDocumentType, hub_document_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_VISIT_TYPE,
  PROP_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hub_document_type_finalize (GObject *object)
{
  HubDocumentType *self = (HubDocumentType *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hub_document_type_parent_class)->finalize (object);
}

static void
hub_document_type_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HubDocumentType *self = HUB_DOCUMENT_TYPE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VISIT_TYPE:
      g_value_set_enum (value, self->visit_type);
      break;
    case PROP_PAGES:
      g_value_set_uint (value, self->pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_document_type_class_init (HubDocumentTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_document_type_finalize;
  object_class->get_property = hub_document_type_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIT_TYPE] =
    g_param_spec_enum ("visit-type", NULL, NULL,
                       HUB_TYPE_VISIT_TYPE,
                       HUB_VISIT_TYPE_ANY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGES] =
    g_param_spec_uint ("pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hub_document_type_init (HubDocumentType *self)
{
}

/* Codes go into query strings, where they are escaped anyway; they are
 * still held to the contract's lower-case form so that nothing odd is
 * ever sent back. */
static gboolean
is_code (const char *s)
{
  if (*s == '\0')
    return FALSE;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }

  return TRUE;
}

HubDocumentType *
hub_document_type_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  HubDocumentType *self;
  const char *code;
  const char *name;
  const char *visit_type;
  guint pages;

  g_return_val_if_fail (object != NULL, NULL);

  if (!hub_json_require_string (object, "code", &code, error) ||
      !hub_json_require_string (object, "name", &name, error) ||
      !hub_json_require_string (object, "visit_type", &visit_type, error) ||
      !hub_json_require_uint (object, "pages", &pages, error))
    return NULL;

  if (!is_code (code))
    {
      g_propagate_error (error, hub_error_new_contract ("code"));
      return NULL;
    }

  self = g_object_new (HUB_TYPE_DOCUMENT_TYPE, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->visit_type = hub_visit_type_from_string (visit_type);
  self->pages = pages;

  return self;
}

/**
 * hub_document_type_get_code:
 * @self: a document type
 *
 * Returns: the code, such as "work_status_report", that
 *   hub_result_get_document_type() returns and a search's document
 *   criterion takes
 */
const char *
hub_document_type_get_code (HubDocumentType *self)
{
  g_return_val_if_fail (HUB_IS_DOCUMENT_TYPE (self), NULL);

  return self->code;
}

const char *
hub_document_type_get_name (HubDocumentType *self)
{
  g_return_val_if_fail (HUB_IS_DOCUMENT_TYPE (self), NULL);

  return self->name;
}

HubVisitType
hub_document_type_get_visit_type (HubDocumentType *self)
{
  g_return_val_if_fail (HUB_IS_DOCUMENT_TYPE (self), HUB_VISIT_TYPE_ANY);

  return self->visit_type;
}

/**
 * hub_document_type_get_pages:
 * @self: a document type
 *
 * Returns: how many pages a document of this type usually has
 */
guint
hub_document_type_get_pages (HubDocumentType *self)
{
  g_return_val_if_fail (HUB_IS_DOCUMENT_TYPE (self), 0);

  return self->pages;
}
