/* hub-vault-key.h: the key of an account's offline library, kept in the
 * system keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HUB_TYPE_VAULT_KEY (hub_vault_key_get_type ())

G_DECLARE_FINAL_TYPE (HubVaultKey, hub_vault_key, HUB, VAULT_KEY, GObject)

void         hub_vault_key_load_or_create_async  (const char           *server,
                                                  const char           *email,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HubVaultKey *hub_vault_key_load_or_create_finish (GAsyncResult         *result,
                                                  GError              **error);
void         hub_vault_key_forget_async          (const char           *server,
                                                  const char           *email,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     hub_vault_key_forget_finish         (GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
