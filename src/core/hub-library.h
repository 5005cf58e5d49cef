/* hub-library.h: the offline library: sealed documents, their metadata and
 * their full text, searchable with no network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hub-result.h"
#include "hub-vault-key.h"

G_BEGIN_DECLS

#define HUB_TYPE_LIBRARY (hub_library_get_type ())

G_DECLARE_FINAL_TYPE (HubLibrary, hub_library, HUB, LIBRARY, GObject)

HubLibrary *hub_library_open                 (GFile                *folder,
                                              HubVaultKey          *key,
                                              GError              **error);
void        hub_library_keep_async           (HubLibrary           *self,
                                              HubResult            *result,
                                              GBytes               *pdf,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    hub_library_keep_finish          (HubLibrary           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
GListModel *hub_library_search               (HubLibrary           *self,
                                              const char           *company_id,
                                              const char           *metadata_query,
                                              const char           *text_query,
                                              GError              **error);
void        hub_library_open_document_async  (HubLibrary           *self,
                                              const char           *result_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GBytes     *hub_library_open_document_finish (HubLibrary           *self,
                                              GAsyncResult         *result,
                                              GError              **error);
gboolean    hub_library_forget               (HubLibrary           *self,
                                              const char           *result_id,
                                              GError              **error);
gboolean    hub_library_forget_all           (HubLibrary           *self,
                                              GError              **error);
gboolean    hub_library_contains             (HubLibrary           *self,
                                              const char           *result_id);
guint       hub_library_get_count            (HubLibrary           *self);
gboolean    hub_library_check                (HubLibrary           *self,
                                              guint                *orphans_removed,
                                              GError              **error);

G_END_DECLS
