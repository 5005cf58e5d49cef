/* hub-test-server.h: a private hubd for one test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HubTestServer HubTestServer;

HubTestServer  *hub_test_server_new            (const char         *demo_size,
                                                const char * const *extra_args,
                                                GError            **error);
const char     *hub_test_server_get_base_url   (HubTestServer      *self);
guint           hub_test_server_get_port       (HubTestServer      *self);
const char     *hub_test_server_get_data_dir   (HubTestServer      *self);
const char     *hub_test_server_get_outbox_dir (HubTestServer      *self);
char          **hub_test_server_read_outbox    (HubTestServer      *self);
gboolean        hub_test_server_stop           (HubTestServer      *self,
                                                GError            **error);
void            hub_test_server_free           (HubTestServer      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubTestServer, hub_test_server_free)

G_END_DECLS
