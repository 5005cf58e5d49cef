/* hubd-outbox.h: the mails hubd sends, as files in a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUBD_TYPE_OUTBOX (hubd_outbox_get_type ())

G_DECLARE_FINAL_TYPE (HubdOutbox, hubd_outbox, HUBD, OUTBOX, GObject)

HubdOutbox *hubd_outbox_new      (const char  *directory,
                                  GError     **error);
const char *hubd_outbox_get_path (HubdOutbox  *self);
gboolean    hubd_outbox_send     (HubdOutbox  *self,
                                  const char  *to,
                                  const char  *subject,
                                  const char  *body,
                                  GError     **error);

G_END_DECLS
