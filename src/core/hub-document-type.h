/* hub-document-type.h: a kind of document a visit produces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hub-visit-type.h"

G_BEGIN_DECLS

#define HUB_TYPE_DOCUMENT_TYPE (hub_document_type_get_type ())

G_DECLARE_FINAL_TYPE (HubDocumentType, hub_document_type, HUB, DOCUMENT_TYPE, GObject)

const char   *hub_document_type_get_code       (HubDocumentType *self);
const char   *hub_document_type_get_name       (HubDocumentType *self);
HubVisitType  hub_document_type_get_visit_type (HubDocumentType *self);
guint         hub_document_type_get_pages      (HubDocumentType *self);

G_END_DECLS
