/* hub-pdf-merge.h: several PDF documents saved as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * HubProgressCallback:
 * @done: how many steps are done
 * @total: how many steps there are
 * @user_data: the data given with the callback
 *
 * Called in the thread-default main context of the caller as work goes
 * on.
 */
typedef void (*HubProgressCallback) (guint    done,
                                     guint    total,
                                     gpointer user_data);

void     hub_pdf_merge_async  (GPtrArray           *documents,
                               GStrv                titles,
                               GFile               *destination,
                               HubProgressCallback  progress_callback,
                               gpointer             progress_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gboolean hub_pdf_merge_finish (GAsyncResult        *result,
                               GError             **error);

G_END_DECLS
