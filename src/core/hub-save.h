/* hub-save.h: saving documents so that a partial file never stays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     hub_save_bytes_async  (GBytes              *bytes,
                                GFile               *destination,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean hub_save_bytes_finish (GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
