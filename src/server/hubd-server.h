/* hubd-server.h: the HUB API over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hubd-outbox.h"
#include "hubd-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64 session_lifetime;     /* seconds from sign-in */
  gint64 session_idle_timeout; /* seconds between requests */
  gint64 reset_token_lifetime; /* seconds */
  gint64 invite_token_lifetime;
  const char *public_url; /* base of the web links in mails */
  const char *data_dir;   /* where portal-links.json may be, and the
                           * documents drawn so far */
  const char *feed_key;   /* what clinics posting results must send; NULL
                           * turns the results feed off */
} HubdServerConfig;

#define HUBD_TYPE_SERVER (hubd_server_get_type ())

G_DECLARE_FINAL_TYPE (HubdServer, hubd_server, HUBD, SERVER, GObject)

HubdServer *hubd_server_new        (HubdStore              *store,
                                    HubdOutbox             *outbox,
                                    const HubdServerConfig *config);
gboolean    hubd_server_listen     (HubdServer             *self,
                                    const char             *address,
                                    guint                   port,
                                    GTlsCertificate        *certificate,
                                    GError                **error);
guint       hubd_server_get_port   (HubdServer             *self);
void        hubd_server_disconnect (HubdServer             *self);

G_END_DECLS
