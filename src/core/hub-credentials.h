/* hub-credentials.h: the remembered sign-in, kept in the system keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     hub_credentials_store_async   (const char           *server,
                                        const char           *email,
                                        const char           *password,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean hub_credentials_store_finish  (GAsyncResult         *result,
                                        GError              **error);
void     hub_credentials_lookup_async  (const char           *server,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean hub_credentials_lookup_finish (GAsyncResult         *result,
                                        char                **email,
                                        char                **password,
                                        GError              **error);
void     hub_credentials_clear_async   (const char           *server,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean hub_credentials_clear_finish  (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
