/* hub-vault-key-private.h: the key bytes, for the vault's sealing code
 * only; nothing outside the core library ever sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sodium.h>

#include "hub-vault-key.h"

G_BEGIN_DECLS

#define HUB_VAULT_KEY_SIZE crypto_secretstream_xchacha20poly1305_KEYBYTES

/* HUB_VAULT_KEY_SIZE bytes, valid while @self lives. */
const guint8 *hub_vault_key_peek_bytes (HubVaultKey *self);

G_END_DECLS
