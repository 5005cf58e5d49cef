/* hubd-documents.h: results' documents, drawn once and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hubd-store.h"

G_BEGIN_DECLS

GBytes *hubd_documents_get (HubdStore   *store,
                            const char  *data_dir,
                            HubdResult  *result,
                            char       **sha256,
                            GError     **error);

G_END_DECLS
