/* hubd-document-types.h: the kinds of documents a visit produces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  HUBD_VISIT_INJURY,
  HUBD_VISIT_NON_INJURY,
} HubdVisitType;

typedef struct {
  const char *code;
  const char *name;
  HubdVisitType visit_type;
  guint pages;
} HubdDocumentType;

const HubdDocumentType *hubd_document_types            (guint         *n_types);
const HubdDocumentType *hubd_document_type_lookup      (const char    *code);
GPtrArray              *hubd_document_types_matching   (const char    *query);
const char             *hubd_visit_type_to_string      (HubdVisitType  type);
gboolean                hubd_visit_type_from_string    (const char    *text,
                                                        HubdVisitType *type);

G_END_DECLS
