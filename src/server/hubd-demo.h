/* hubd-demo.h: a generated, deterministic demo data set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hubd-store.h"

G_BEGIN_DECLS

#define HUBD_DEMO_PASSWORD "HubDemo!2026"

typedef enum {
  HUBD_DEMO_SMALL,
  HUBD_DEMO_MEDIUM,
  HUBD_DEMO_LARGE,
} HubdDemoSize;

gboolean  hubd_demo_size_from_string (const char    *text,
                                      HubdDemoSize  *size);
gboolean  hubd_demo_populate         (HubdStore     *store,
                                      HubdDemoSize   size,
                                      guint64        seed,
                                      GError       **error);
char     *hubd_demo_describe_accounts (void);

G_END_DECLS
