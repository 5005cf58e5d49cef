/* hubd-sqlite-store.h: HubdStore on one SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUBD_TYPE_SQLITE_STORE (hubd_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (HubdSqliteStore, hubd_sqlite_store, HUBD, SQLITE_STORE, GObject)

HubdSqliteStore *hubd_sqlite_store_new                (const char       *path,
                                                       GError          **error);
guint            hubd_sqlite_store_get_schema_version (HubdSqliteStore  *self);
guint            hubd_sqlite_store_get_latest_version (void);

G_END_DECLS
