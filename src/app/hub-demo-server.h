/* hub-demo-server.h: a private hubd with demo data, for `hubdesk --demo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The demo User Admin the embedded demo signs in as; hubd --demo prints
 * the same accounts, and the README lists them. */
#define HUB_DEMO_EMAIL    "admin@northwind.example"
#define HUB_DEMO_PASSWORD "HubDemo!2026"

#define HUB_TYPE_DEMO_SERVER (hub_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (HubDemoServer, hub_demo_server, HUB, DEMO_SERVER, GObject)

HubDemoServer *hub_demo_server_new          (const char          *size);
const char    *hub_demo_server_get_size     (HubDemoServer       *self);
const char    *hub_demo_server_get_base_url (HubDemoServer       *self);
void           hub_demo_server_start_async  (HubDemoServer       *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       hub_demo_server_start_finish (HubDemoServer       *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void           hub_demo_server_stop         (HubDemoServer       *self);

G_END_DECLS
