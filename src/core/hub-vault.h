/* hub-vault.h: a folder of files sealed with an offline library key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hub-vault-key.h"

G_BEGIN_DECLS

#define HUB_TYPE_VAULT (hub_vault_get_type ())

G_DECLARE_FINAL_TYPE (HubVault, hub_vault, HUB, VAULT, GObject)

/* The longest name a sealed file may have. */
#define HUB_VAULT_NAME_MAX 64

HubVault *hub_vault_new           (GFile                *folder,
                                   HubVaultKey          *key);
GFile    *hub_vault_get_folder    (HubVault             *self);
gboolean  hub_vault_is_valid_name (const char           *name);
void      hub_vault_store_async   (HubVault             *self,
                                   const char           *name,
                                   GBytes               *plaintext,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  hub_vault_store_finish  (HubVault             *self,
                                   GAsyncResult         *result,
                                   GError              **error);
void      hub_vault_load_async    (HubVault             *self,
                                   const char           *name,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GBytes   *hub_vault_load_finish   (HubVault             *self,
                                   GAsyncResult         *result,
                                   GError              **error);
gboolean  hub_vault_remove        (HubVault             *self,
                                   const char           *name,
                                   GError              **error);
gboolean  hub_vault_contains      (HubVault             *self,
                                   const char           *name);
GStrv     hub_vault_list          (HubVault             *self,
                                   GError              **error);
gboolean  hub_vault_wipe          (HubVault             *self,
                                   GError              **error);

G_END_DECLS
