/* hubd-sqlite-store-private.h: what the parts of the SQLite store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hubd-sqlite-store.h"
#include "hubd-store.h"

G_BEGIN_DECLS

/* Statements prepared with hubd_sqlite_prepare() are cached by the
 * address of their SQL text, which must be a string constant; they are
 * reset by hubd_sqlite_stmt_done() after use. */
sqlite3      *hubd_sqlite_store_get_db (HubdSqliteStore  *self);
sqlite3_stmt *hubd_sqlite_prepare      (HubdSqliteStore  *self,
                                        const char       *sql,
                                        GError          **error);
void          hubd_sqlite_stmt_done    (sqlite3_stmt     *stmt);
gboolean      hubd_sqlite_set_error    (HubdSqliteStore  *self,
                                        int               rc,
                                        const char       *what,
                                        GError          **error);
gboolean      hubd_sqlite_step_done    (HubdSqliteStore  *self,
                                        sqlite3_stmt     *stmt,
                                        const char       *what,
                                        GError          **error);
gboolean      hubd_sqlite_step_row     (HubdSqliteStore  *self,
                                        sqlite3_stmt     *stmt,
                                        const char       *what,
                                        gboolean         *failed,
                                        GError          **error);

/* Fills in the results part of the store's interface
 * (hubd-sqlite-results.c). */
void          hubd_sqlite_results_iface_init (HubdStoreInterface *iface);

G_END_DECLS
