/* hubd-sqlite-store.c: HubdStore on one SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-sqlite-store-private.h"

#include "hubd-error.h"
#include "hubd-store.h"

struct _HubdSqliteStore
{
  GObject parent_instance;

  sqlite3 *db;
  GHashTable *statements; /* SQL text → prepared sqlite3_stmt */
  guint schema_version;
};

static void hubd_sqlite_store_iface_init (HubdStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HubdSqliteStore, hubd_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HUBD_TYPE_STORE,
                                                      hubd_sqlite_store_iface_init))

/* The schema, one numbered step at a time. A step is never edited once
 * released: a change is a new step at the end. */
static const char * const migrations[] = {
  /* 1: companies, their people, and sign-in */
  "CREATE TABLE companies ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  physical_line1 TEXT NOT NULL,"
  "  physical_line2 TEXT,"
  "  physical_city TEXT NOT NULL,"
  "  physical_state TEXT NOT NULL,"
  "  physical_postal_code TEXT NOT NULL,"
  "  billing_line1 TEXT NOT NULL,"
  "  billing_line2 TEXT,"
  "  billing_city TEXT NOT NULL,"
  "  billing_state TEXT NOT NULL,"
  "  billing_postal_code TEXT NOT NULL);"
  "CREATE INDEX companies_by_name ON companies (name, id);"
  "CREATE TABLE locations ("
  "  id INTEGER PRIMARY KEY,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  line1 TEXT NOT NULL,"
  "  line2 TEXT,"
  "  city TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  postal_code TEXT NOT NULL);"
  "CREATE INDEX locations_by_company ON locations (company_id);"
  "CREATE TABLE markets ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL);"
  "CREATE TABLE location_markets ("
  "  location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,"
  "  market_id INTEGER NOT NULL REFERENCES markets (id),"
  "  PRIMARY KEY (location_id, market_id));"
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT NOT NULL,"
  "  password_hash TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('new', 'active')));"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  user_id INTEGER REFERENCES users (id),"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT NOT NULL,"
  "  email TEXT COLLATE NOCASE,"
  "  phone TEXT,"
  "  role TEXT NOT NULL CHECK (role IN ('user_admin', 'basic', 'none')),"
  "  perm_patient_visit_activity INTEGER NOT NULL DEFAULT 0,"
  "  perm_billing_admin INTEGER NOT NULL DEFAULT 0,"
  "  perm_visit_search INTEGER NOT NULL DEFAULT 0,"
  "  login_count INTEGER NOT NULL DEFAULT 0,"
  "  last_login_at INTEGER,"
  "  UNIQUE (company_id, user_id));"
  "CREATE INDEX contacts_by_company ON contacts (company_id);"
  "CREATE INDEX contacts_by_user ON contacts (user_id);"
  /* R5: exactly one non-injury billing contact per location-market pair. */
  "CREATE TABLE billing_contacts ("
  "  location_id INTEGER NOT NULL,"
  "  market_id INTEGER NOT NULL,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id),"
  "  UNIQUE (location_id, market_id),"
  "  FOREIGN KEY (location_id, market_id)"
  "    REFERENCES location_markets (location_id, market_id) ON DELETE CASCADE);"
  "CREATE INDEX billing_contacts_by_contact ON billing_contacts (contact_id);"
  "CREATE TABLE sessions ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  last_seen_at INTEGER NOT NULL,"
  "  revoked_at INTEGER);"
  "CREATE INDEX sessions_by_user ON sessions (user_id);"
  "CREATE TABLE password_tokens ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('reset', 'invite')),"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  used_at INTEGER);"
  /* R8: Recent Changes. */
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  actor_user_id INTEGER REFERENCES users (id),"
  "  contact_id INTEGER REFERENCES contacts (id),"
  "  action TEXT NOT NULL,"
  "  at INTEGER NOT NULL);"
  "CREATE INDEX changes_by_company ON changes (company_id, at);",
  /* 2: visits, their documents (F15) and who opened, flagged and reviewed
   * them. A result keeps copies of its visit's searchable fields, so that
   * one index per sort order serves a page of any search (F16). */
  "ALTER TABLE contacts ADD COLUMN notify_new_results INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE centers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  line1 TEXT NOT NULL,"
  "  city TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  postal_code TEXT NOT NULL,"
  "  phone TEXT NOT NULL);"
  "CREATE TABLE visits ("
  "  id INTEGER PRIMARY KEY,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  location_id INTEGER NOT NULL REFERENCES locations (id),"
  "  center_id INTEGER NOT NULL REFERENCES centers (id),"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT NOT NULL,"
  "  date_of_birth TEXT NOT NULL,"
  "  employee_id TEXT,"
  "  visit_date TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  visit_type TEXT NOT NULL CHECK (visit_type IN ('injury', 'non_injury')),"
  "  claim_number TEXT,"
  "  employee_key TEXT NOT NULL,"
  "  name_words TEXT NOT NULL);"
  "CREATE INDEX visits_by_company ON visits (company_id, center_id);"
  "CREATE TABLE results ("
  "  id INTEGER PRIMARY KEY,"
  "  company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
  "  visit_id INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,"
  "  document_type TEXT NOT NULL,"
  "  document_name TEXT NOT NULL,"
  "  posted_at INTEGER NOT NULL,"
  "  visit_date TEXT NOT NULL,"
  "  visit_type TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  center_id INTEGER NOT NULL,"
  "  center_name TEXT NOT NULL,"
  "  claim_key TEXT NOT NULL,"
  "  date_of_birth TEXT NOT NULL,"
  "  employee_key TEXT NOT NULL,"
  "  name_words TEXT NOT NULL,"
  "  flagged_by INTEGER REFERENCES users (id),"
  "  flagged_at INTEGER,"
  "  reviewed_by INTEGER REFERENCES users (id),"
  "  reviewed_at INTEGER,"
  "  content_sha256 TEXT);"
  /* One index per sort order and per filter. Each ends with posted_at,
   * so that leaving archived results out (R8) reads only the index. */
  "CREATE INDEX results_by_visit_date ON results (company_id, visit_date, id, posted_at);"
  "CREATE INDEX results_by_posted ON results (company_id, posted_at, id);"
  "CREATE INDEX results_by_employee ON results (company_id, employee_key, id, posted_at);"
  "CREATE INDEX results_by_document ON results (company_id, document_name, id, posted_at);"
  "CREATE INDEX results_by_center_name ON results (company_id, center_name, id, posted_at);"
  "CREATE INDEX results_by_state ON results (company_id, state, id, posted_at);"
  "CREATE INDEX results_by_visit_type ON results (company_id, visit_type, id, posted_at);"
  "CREATE INDEX results_by_claim ON results (company_id, claim_key, id, posted_at);"
  "CREATE INDEX results_by_center ON results (company_id, center_id, posted_at);"
  "CREATE INDEX results_by_birth ON results (company_id, date_of_birth, posted_at);"
  "CREATE INDEX results_by_name ON results (company_id, name_words, posted_at);"
  "CREATE INDEX results_by_review ON results (company_id, reviewed_at, posted_at);"
  "CREATE INDEX results_by_flag ON results (company_id, flagged_at, posted_at);"
  /* Who opened what, with copies of the result's company and posting
   * time, so that counting a user's new results reads one index. */
  "CREATE TABLE result_opens ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,"
  "  company_id INTEGER NOT NULL,"
  "  posted_at INTEGER NOT NULL,"
  "  opened_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, result_id)) WITHOUT ROWID;"
  "CREATE INDEX result_opens_by_company ON result_opens (user_id, company_id, posted_at);",
};

/* Statements are prepared once and cached; "done" resets one after use so
 * that it holds no read transaction open and keeps no bound pointers. */
static void
stmt_done (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, stmt_done)

static gboolean
set_db_error (HubdSqliteStore  *self,
              int               rc,
              const char       *what,
              GError          **error)
{
  HubdStoreError code = HUBD_STORE_ERROR_FAILED;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = HUBD_STORE_ERROR_CONFLICT;

  g_set_error (error, HUBD_STORE_ERROR, code, "Database error while %s: %s",
               what, sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (HubdSqliteStore  *self,
         const char       *sql,
         GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &stmt, NULL);
  if (rc != SQLITE_OK) {
    set_db_error (self, rc, "preparing a query", error);
    return NULL;
  }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (HubdSqliteStore  *self,
      const char       *sql,
      const char       *what,
      GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (self, rc, what, error);

  return TRUE;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (HubdSqliteStore  *self,
           sqlite3_stmt     *stmt,
           const char       *what,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, what, error);

  return TRUE;
}

/* Steps to the next row: TRUE with a row, FALSE at the end or on error
 * (error set). */
static gboolean
step_row (HubdSqliteStore  *self,
          sqlite3_stmt     *stmt,
          const char       *what,
          gboolean         *failed,
          GError          **error)
{
  int rc = sqlite3_step (stmt);

  *failed = FALSE;
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE) {
    *failed = TRUE;
    set_db_error (self, rc, what, error);
  }

  return FALSE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
not_found (GError     **error,
           const char  *what)
{
  g_set_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND,
               "No such %s", what);
  return FALSE;
}

static HubdRole
role_from_string (const char *role)
{
  if (g_strcmp0 (role, "user_admin") == 0)
    return HUBD_ROLE_USER_ADMIN;
  if (g_strcmp0 (role, "basic") == 0)
    return HUBD_ROLE_BASIC;
  return HUBD_ROLE_NONE;
}

static HubdUserStatus
status_from_string (const char *status)
{
  return g_strcmp0 (status, "active") == 0 ? HUBD_USER_STATUS_ACTIVE
                                           : HUBD_USER_STATUS_NEW;
}

static const char *
status_to_string (HubdUserStatus status)
{
  return status == HUBD_USER_STATUS_ACTIVE ? "active" : "new";
}

/* --- shared with the other parts of the store ---------------------------- */

sqlite3 *
hubd_sqlite_store_get_db (HubdSqliteStore *self)
{
  return self->db;
}

sqlite3_stmt *
hubd_sqlite_prepare (HubdSqliteStore  *self,
                     const char       *sql,
                     GError          **error)
{
  return prepare (self, sql, error);
}

void
hubd_sqlite_stmt_done (sqlite3_stmt *stmt)
{
  stmt_done (stmt);
}

gboolean
hubd_sqlite_set_error (HubdSqliteStore  *self,
                       int               rc,
                       const char       *what,
                       GError          **error)
{
  return set_db_error (self, rc, what, error);
}

gboolean
hubd_sqlite_step_done (HubdSqliteStore  *self,
                       sqlite3_stmt     *stmt,
                       const char       *what,
                       GError          **error)
{
  return step_done (self, stmt, what, error);
}

gboolean
hubd_sqlite_step_row (HubdSqliteStore  *self,
                      sqlite3_stmt     *stmt,
                      const char       *what,
                      gboolean         *failed,
                      GError          **error)
{
  return step_row (self, stmt, what, failed, error);
}

/* --- opening and migrations ---------------------------------------------- */

static gboolean
read_schema_version (HubdSqliteStore  *self,
                     GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self, "SELECT coalesce(max(version), 0) FROM schema_migrations",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (!step_row (self, stmt, "reading the schema version", &failed, error))
    return FALSE;

  self->schema_version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
apply_migration (HubdSqliteStore  *self,
                 guint             version,
                 GError          **error)
{
  g_autofree char *record = NULL;
  g_autofree char *what = g_strdup_printf ("applying schema migration %u",
                                           version);

  if (!exec (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;

  record = g_strdup_printf ("INSERT INTO schema_migrations (version, applied_at) "
                            "VALUES (%u, %" G_GINT64_FORMAT ")",
                            version, g_get_real_time () / G_USEC_PER_SEC);
  if (!exec (self, migrations[version - 1], what, error) ||
      !exec (self, record, what, error) ||
      !exec (self, "COMMIT", what, error)) {
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    return FALSE;
  }

  g_debug ("Applied schema migration %u", version);
  return TRUE;
}

static gboolean
migrate (HubdSqliteStore  *self,
         GError          **error)
{
  if (!exec (self,
             "CREATE TABLE IF NOT EXISTS schema_migrations ("
             "  version INTEGER PRIMARY KEY,"
             "  applied_at INTEGER NOT NULL)",
             "creating the migrations table", error))
    return FALSE;

  if (!read_schema_version (self, error))
    return FALSE;

  if (self->schema_version > G_N_ELEMENTS (migrations)) {
    g_set_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_FAILED,
                 "The database has schema version %u, newer than this hubd "
                 "knows (%u): use a newer hubd or another data folder",
                 self->schema_version, (guint) G_N_ELEMENTS (migrations));
    return FALSE;
  }

  for (guint v = self->schema_version + 1; v <= G_N_ELEMENTS (migrations); v++) {
    if (!apply_migration (self, v, error))
      return FALSE;
    self->schema_version = v;
  }

  return TRUE;
}

HubdSqliteStore *
hubd_sqlite_store_new (const char  *path,
                       GError     **error)
{
  g_autoptr (HubdSqliteStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HUBD_TYPE_SQLITE_STORE, NULL);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    g_set_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_FAILED,
                 "Cannot open the database %s: %s", path,
                 self->db != NULL ? sqlite3_errmsg (self->db)
                                  : sqlite3_errstr (rc));
    return NULL;
  }

  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, "PRAGMA journal_mode = WAL", "enabling WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", "enabling foreign keys", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", "setting synchronous", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
hubd_sqlite_store_get_schema_version (HubdSqliteStore *self)
{
  g_return_val_if_fail (HUBD_IS_SQLITE_STORE (self), 0);

  return self->schema_version;
}

guint
hubd_sqlite_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* --- transactions -------------------------------------------------------- */

static gboolean
hubd_sqlite_store_begin (HubdStore  *store,
                         GError    **error)
{
  return exec (HUBD_SQLITE_STORE (store), "BEGIN IMMEDIATE",
               "starting a transaction", error);
}

static gboolean
hubd_sqlite_store_commit (HubdStore  *store,
                          GError    **error)
{
  return exec (HUBD_SQLITE_STORE (store), "COMMIT", "committing", error);
}

static void
hubd_sqlite_store_rollback (HubdStore *store)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
hubd_sqlite_store_is_empty (HubdStore  *store,
                            gboolean   *empty,
                            GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM companies)", error);
  if (stmt == NULL)
    return FALSE;

  if (!step_row (self, stmt, "counting companies", &failed, error))
    return FALSE;

  *empty = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The planner picks among the results' indexes by their statistics. */
static gboolean
hubd_sqlite_store_optimize (HubdStore  *store,
                            GError    **error)
{
  return exec (HUBD_SQLITE_STORE (store), "ANALYZE", "analyzing the data", error);
}

/* --- users, memberships, companies --------------------------------------- */

#define USER_COLUMNS "id, email, first_name, last_name, password_hash, status"

static HubdUser *
user_from_row (sqlite3_stmt *stmt)
{
  HubdUser *user = g_new0 (HubdUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->email = column_text (stmt, 1);
  user->first_name = column_text (stmt, 2);
  user->last_name = column_text (stmt, 3);
  user->password_hash = column_text (stmt, 4);
  user->status = status_from_string ((const char *) sqlite3_column_text (stmt, 5));

  return user;
}

static HubdUser *
hubd_sqlite_store_find_user_by_email (HubdStore   *store,
                                      const char  *email,
                                      GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self, "SELECT " USER_COLUMNS " FROM users WHERE email = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, email);
  if (!step_row (self, stmt, "looking up a user", &failed, error)) {
    if (!failed)
      not_found (error, "user");
    return NULL;
  }

  return user_from_row (stmt);
}

static HubdUser *
hubd_sqlite_store_get_user (HubdStore  *store,
                            gint64      user_id,
                            GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self, "SELECT " USER_COLUMNS " FROM users WHERE id = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!step_row (self, stmt, "reading a user", &failed, error)) {
    if (!failed)
      not_found (error, "user");
    return NULL;
  }

  return user_from_row (stmt);
}

#define MEMBERSHIP_SELECT \
  "SELECT c.id, c.name, ct.id, ct.role, ct.perm_patient_visit_activity," \
  "  ct.perm_billing_admin, ct.perm_visit_search," \
  "  EXISTS (SELECT 1 FROM billing_contacts b WHERE b.contact_id = ct.id)" \
  " FROM contacts ct JOIN companies c ON c.id = ct.company_id"

static HubdMembership *
membership_from_row (sqlite3_stmt *stmt)
{
  HubdMembership *membership = g_new0 (HubdMembership, 1);

  membership->company_id = sqlite3_column_int64 (stmt, 0);
  membership->company_name = column_text (stmt, 1);
  membership->contact_id = sqlite3_column_int64 (stmt, 2);
  membership->role = role_from_string ((const char *) sqlite3_column_text (stmt, 3));
  membership->patient_visit_activity = sqlite3_column_int (stmt, 4) != 0;
  membership->billing_admin = sqlite3_column_int (stmt, 5) != 0;
  membership->visit_search = sqlite3_column_int (stmt, 6) != 0;
  membership->billing_contact = sqlite3_column_int (stmt, 7) != 0;

  return membership;
}

static GPtrArray *
hubd_sqlite_store_list_memberships (HubdStore   *store,
                                    gint64       user_id,
                                    const char  *after_name,
                                    gint64       after_company_id,
                                    guint        limit,
                                    GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) memberships = NULL;
  gboolean failed;

  stmt = prepare (self,
                  MEMBERSHIP_SELECT
                  " WHERE ct.user_id = ?1 AND ct.role <> 'none'"
                  "   AND (?2 IS NULL OR (c.name, c.id) > (?2, ?3))"
                  " ORDER BY c.name, c.id LIMIT ?4",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  bind_text (stmt, 2, after_name);
  sqlite3_bind_int64 (stmt, 3, after_company_id);
  sqlite3_bind_int64 (stmt, 4, limit);

  memberships = g_ptr_array_new_with_free_func ((GDestroyNotify) hubd_membership_free);
  while (step_row (self, stmt, "listing memberships", &failed, error))
    g_ptr_array_add (memberships, membership_from_row (stmt));

  if (failed)
    return NULL;

  return g_steal_pointer (&memberships);
}

static HubdMembership *
hubd_sqlite_store_get_membership (HubdStore  *store,
                                  gint64      user_id,
                                  gint64      company_id,
                                  GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self,
                  MEMBERSHIP_SELECT " WHERE ct.user_id = ? AND ct.company_id = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, company_id);
  if (!step_row (self, stmt, "reading a membership", &failed, error)) {
    if (!failed)
      not_found (error, "membership");
    return NULL;
  }

  return membership_from_row (stmt);
}

static void
address_from_row (HubdAddress  *address,
                  sqlite3_stmt *stmt,
                  int           first)
{
  address->line1 = column_text (stmt, first);
  address->line2 = column_text (stmt, first + 1);
  address->city = column_text (stmt, first + 2);
  address->state = column_text (stmt, first + 3);
  address->postal_code = column_text (stmt, first + 4);
}

static HubdCompany *
hubd_sqlite_store_get_company (HubdStore  *store,
                               gint64      company_id,
                               GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  HubdCompany *company;
  gboolean failed;

  stmt = prepare (self,
                  "SELECT id, name, phone,"
                  "  physical_line1, physical_line2, physical_city,"
                  "  physical_state, physical_postal_code,"
                  "  billing_line1, billing_line2, billing_city,"
                  "  billing_state, billing_postal_code"
                  " FROM companies WHERE id = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, company_id);
  if (!step_row (self, stmt, "reading a company", &failed, error)) {
    if (!failed)
      not_found (error, "company");
    return NULL;
  }

  company = g_new0 (HubdCompany, 1);
  company->id = sqlite3_column_int64 (stmt, 0);
  company->name = column_text (stmt, 1);
  company->phone = column_text (stmt, 2);
  address_from_row (&company->physical, stmt, 3);
  address_from_row (&company->billing, stmt, 8);

  return company;
}

static gboolean
hubd_sqlite_store_get_company_summary (HubdStore          *store,
                                       gint64              company_id,
                                       HubdCompanySummary *summary,
                                       GError            **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self,
                  "SELECT"
                  " (SELECT count(*) FROM locations WHERE company_id = ?1),"
                  " (SELECT count(DISTINCT lm.market_id) FROM location_markets lm"
                  "    JOIN locations l ON l.id = lm.location_id"
                  "    WHERE l.company_id = ?1),"
                  " (SELECT count(*) FROM contacts WHERE company_id = ?1),"
                  " (SELECT count(*) FROM contacts ct JOIN users u ON u.id = ct.user_id"
                  "    WHERE ct.company_id = ?1 AND ct.role <> 'none'"
                  "      AND u.status = 'active'),"
                  " (SELECT count(*) FROM contacts ct JOIN users u ON u.id = ct.user_id"
                  "    WHERE ct.company_id = ?1 AND ct.role = 'user_admin'"
                  "      AND u.status = 'active'),"
                  " (SELECT count(*) FROM contacts ct JOIN users u ON u.id = ct.user_id"
                  "    WHERE ct.company_id = ?1 AND ct.role <> 'none'"
                  "      AND u.status = 'new')",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, company_id);
  if (!step_row (self, stmt, "counting a company's figures", &failed, error))
    return FALSE;

  summary->locations = sqlite3_column_int64 (stmt, 0);
  summary->markets = sqlite3_column_int64 (stmt, 1);
  summary->contacts = sqlite3_column_int64 (stmt, 2);
  summary->portal_users = sqlite3_column_int64 (stmt, 3);
  summary->user_admins = sqlite3_column_int64 (stmt, 4);
  summary->pending_invitations = sqlite3_column_int64 (stmt, 5);

  return TRUE;
}

static HubdContact *
hubd_sqlite_store_get_contact (HubdStore  *store,
                               gint64      company_id,
                               gint64      contact_id,
                               GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  HubdContact *contact;
  gboolean failed;

  stmt = prepare (self,
                  "SELECT ct.id, ct.company_id, coalesce(ct.user_id, 0),"
                  "  ct.first_name, ct.last_name, ct.email, ct.role, u.status"
                  " FROM contacts ct LEFT JOIN users u ON u.id = ct.user_id"
                  " WHERE ct.company_id = ? AND ct.id = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, company_id);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  if (!step_row (self, stmt, "reading a contact", &failed, error)) {
    if (!failed)
      not_found (error, "contact");
    return NULL;
  }

  contact = g_new0 (HubdContact, 1);
  contact->id = sqlite3_column_int64 (stmt, 0);
  contact->company_id = sqlite3_column_int64 (stmt, 1);
  contact->user_id = sqlite3_column_int64 (stmt, 2);
  contact->first_name = column_text (stmt, 3);
  contact->last_name = column_text (stmt, 4);
  contact->email = column_text (stmt, 5);
  contact->role = role_from_string ((const char *) sqlite3_column_text (stmt, 6));
  contact->user_status = status_from_string ((const char *) sqlite3_column_text (stmt, 7));

  return contact;
}

/* --- sessions and password tokens ---------------------------------------- */

static gboolean
hubd_sqlite_store_record_sign_in (HubdStore  *store,
                                  gint64      user_id,
                                  gint64      now,
                                  GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE contacts SET login_count = login_count + 1,"
                  "  last_login_at = ?2 WHERE user_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return step_done (self, stmt, "counting a sign-in", error);
}

static gboolean
hubd_sqlite_store_create_session (HubdStore   *store,
                                  const char  *token_hash,
                                  gint64       user_id,
                                  gint64       now,
                                  gint64       expires_at,
                                  GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO sessions (token_hash, user_id, created_at,"
                  "  expires_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, expires_at);
  return step_done (self, stmt, "creating a session", error);
}

static HubdSession *
hubd_sqlite_store_get_session (HubdStore   *store,
                               const char  *token_hash,
                               GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  HubdSession *session;
  gboolean failed;

  stmt = prepare (self,
                  "SELECT user_id, created_at, expires_at, last_seen_at,"
                  "  revoked_at IS NOT NULL FROM sessions WHERE token_hash = ?",
                  error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, token_hash);
  if (!step_row (self, stmt, "reading a session", &failed, error)) {
    if (!failed)
      not_found (error, "session");
    return NULL;
  }

  session = g_new0 (HubdSession, 1);
  session->user_id = sqlite3_column_int64 (stmt, 0);
  session->created_at = sqlite3_column_int64 (stmt, 1);
  session->expires_at = sqlite3_column_int64 (stmt, 2);
  session->last_seen_at = sqlite3_column_int64 (stmt, 3);
  session->revoked = sqlite3_column_int (stmt, 4) != 0;

  return session;
}

static gboolean
hubd_sqlite_store_touch_session (HubdStore   *store,
                                 const char  *token_hash,
                                 gint64       now,
                                 GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE sessions SET last_seen_at = ?2"
                  " WHERE token_hash = ?1 AND last_seen_at < ?2",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, now);
  return step_done (self, stmt, "updating a session", error);
}

static gboolean
hubd_sqlite_store_revoke_session (HubdStore   *store,
                                  const char  *token_hash,
                                  gint64       now,
                                  GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE sessions SET revoked_at = ?2"
                  " WHERE token_hash = ?1 AND revoked_at IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, now);
  return step_done (self, stmt, "revoking a session", error);
}

static gboolean
hubd_sqlite_store_prune (HubdStore  *store,
                         gint64      before,
                         GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) sessions = NULL;
  g_autoptr (sqlite3_stmt) tokens = NULL;

  sessions = prepare (self,
                      "DELETE FROM sessions WHERE expires_at < ?1"
                      " OR revoked_at < ?1",
                      error);
  if (sessions == NULL)
    return FALSE;

  sqlite3_bind_int64 (sessions, 1, before);
  if (!step_done (self, sessions, "forgetting old sessions", error))
    return FALSE;

  tokens = prepare (self,
                    "DELETE FROM password_tokens WHERE expires_at < ?1"
                    " OR used_at < ?1",
                    error);
  if (tokens == NULL)
    return FALSE;

  sqlite3_bind_int64 (tokens, 1, before);
  return step_done (self, tokens, "forgetting old password tokens", error);
}

static gboolean
insert_password_token (HubdSqliteStore  *self,
                       const char       *token_hash,
                       gint64            user_id,
                       HubdTokenKind     kind,
                       gint64            now,
                       gint64            expires_at,
                       GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO password_tokens (token_hash, user_id, kind,"
                  "  created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, token_hash);
  sqlite3_bind_int64 (stmt, 2, user_id);
  bind_text (stmt, 3, kind == HUBD_TOKEN_KIND_INVITE ? "invite" : "reset");
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, expires_at);
  return step_done (self, stmt, "storing a password token", error);
}

static gboolean
hubd_sqlite_store_create_password_token (HubdStore     *store,
                                         const char    *token_hash,
                                         gint64         user_id,
                                         HubdTokenKind  kind,
                                         gint64         now,
                                         gint64         expires_at,
                                         GError       **error)
{
  return insert_password_token (HUBD_SQLITE_STORE (store), token_hash, user_id,
                                kind, now, expires_at, error);
}

static gboolean
use_password_token (HubdSqliteStore  *self,
                    const char       *token_hash,
                    const char       *password_hash,
                    gint64            now,
                    GError          **error)
{
  g_autoptr (sqlite3_stmt) use = NULL;
  g_autoptr (sqlite3_stmt) set = NULL;
  g_autoptr (sqlite3_stmt) revoke = NULL;
  gboolean failed;
  gint64 user_id;

  use = prepare (self,
                 "UPDATE password_tokens SET used_at = ?2"
                 " WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2"
                 " RETURNING user_id",
                 error);
  if (use == NULL)
    return FALSE;

  bind_text (use, 1, token_hash);
  sqlite3_bind_int64 (use, 2, now);
  if (!step_row (self, use, "using a password token", &failed, error)) {
    if (!failed)
      not_found (error, "password token");
    return FALSE;
  }
  user_id = sqlite3_column_int64 (use, 0);
  stmt_done (use);

  set = prepare (self,
                 "UPDATE users SET password_hash = ?2, status = 'active'"
                 " WHERE id = ?1",
                 error);
  if (set == NULL)
    return FALSE;

  sqlite3_bind_int64 (set, 1, user_id);
  bind_text (set, 2, password_hash);
  if (!step_done (self, set, "setting a password", error))
    return FALSE;

  revoke = prepare (self,
                    "UPDATE sessions SET revoked_at = ?2"
                    " WHERE user_id = ?1 AND revoked_at IS NULL",
                    error);
  if (revoke == NULL)
    return FALSE;

  sqlite3_bind_int64 (revoke, 1, user_id);
  sqlite3_bind_int64 (revoke, 2, now);
  return step_done (self, revoke, "signing out a user's sessions", error);
}

static gboolean
hubd_sqlite_store_set_password_with_token (HubdStore   *store,
                                           const char  *token_hash,
                                           const char  *password_hash,
                                           gint64       now,
                                           GError     **error)
{
  if (!hubd_store_begin (store, error))
    return FALSE;

  if (!use_password_token (HUBD_SQLITE_STORE (store), token_hash,
                           password_hash, now, error) ||
      !hubd_store_commit (store, error)) {
    hubd_store_rollback (store);
    return FALSE;
  }

  return TRUE;
}

/* --- invitations ---------------------------------------------------------- */

static gboolean
give_contact_account (HubdSqliteStore  *self,
                      HubdContact      *contact,
                      GError          **error)
{
  g_autoptr (HubdUser) user = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  g_autoptr (GError) local_error = NULL;

  user = hubd_sqlite_store_find_user_by_email (HUBD_STORE (self), contact->email,
                                               &local_error);
  if (user == NULL) {
    if (!g_error_matches (local_error, HUBD_STORE_ERROR,
                          HUBD_STORE_ERROR_NOT_FOUND)) {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

    contact->user_id = hubd_store_add_user (HUBD_STORE (self), contact->email,
                                            contact->first_name,
                                            contact->last_name, NULL,
                                            HUBD_USER_STATUS_NEW, error);
    if (contact->user_id == 0)
      return FALSE;
    contact->user_status = HUBD_USER_STATUS_NEW;
  } else if (user->status == HUBD_USER_STATUS_ACTIVE) {
    g_set_error_literal (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_CONFLICT,
                         "This contact already has an active portal account.");
    return FALSE;
  } else {
    contact->user_id = user->id;
  }

  link = prepare (self,
                  "UPDATE contacts SET user_id = ?2,"
                  "  role = CASE role WHEN 'none' THEN 'basic' ELSE role END"
                  " WHERE id = ?1",
                  error);
  if (link == NULL)
    return FALSE;

  sqlite3_bind_int64 (link, 1, contact->id);
  sqlite3_bind_int64 (link, 2, contact->user_id);
  return step_done (self, link, "linking a contact to an account", error);
}

static gboolean
invite (HubdSqliteStore  *self,
        gint64            company_id,
        gint64            contact_id,
        gint64            actor_user_id,
        const char       *token_hash,
        gint64            now,
        gint64            expires_at,
        gint64           *user_id,
        GError          **error)
{
  g_autoptr (HubdContact) contact = NULL;
  g_autoptr (sqlite3_stmt) change = NULL;

  contact = hubd_sqlite_store_get_contact (HUBD_STORE (self), company_id,
                                           contact_id, error);
  if (contact == NULL)
    return FALSE;

  if (contact->email == NULL || *contact->email == '\0') {
    g_set_error_literal (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_CONFLICT,
                         "This contact has no email address: add one before "
                         "inviting them.");
    return FALSE;
  }

  if (contact->user_id != 0 && contact->user_status == HUBD_USER_STATUS_ACTIVE) {
    g_set_error_literal (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_CONFLICT,
                         "This contact already has an active portal account.");
    return FALSE;
  }

  if (!give_contact_account (self, contact, error))
    return FALSE;

  if (!insert_password_token (self, token_hash, contact->user_id,
                              HUBD_TOKEN_KIND_INVITE, now, expires_at, error))
    return FALSE;

  change = prepare (self,
                    "INSERT INTO changes (company_id, actor_user_id, contact_id,"
                    "  action, at) VALUES (?, ?, ?, 'invite', ?)",
                    error);
  if (change == NULL)
    return FALSE;

  sqlite3_bind_int64 (change, 1, company_id);
  bind_id (change, 2, actor_user_id);
  sqlite3_bind_int64 (change, 3, contact_id);
  sqlite3_bind_int64 (change, 4, now);
  if (!step_done (self, change, "recording a change", error))
    return FALSE;

  if (user_id != NULL)
    *user_id = contact->user_id;
  return TRUE;
}

static gboolean
hubd_sqlite_store_invite_contact (HubdStore   *store,
                                  gint64       company_id,
                                  gint64       contact_id,
                                  gint64       actor_user_id,
                                  const char  *token_hash,
                                  gint64       now,
                                  gint64       expires_at,
                                  gint64      *user_id,
                                  GError     **error)
{
  if (!hubd_store_begin (store, error))
    return FALSE;

  if (!invite (HUBD_SQLITE_STORE (store), company_id, contact_id,
               actor_user_id, token_hash, now, expires_at, user_id, error) ||
      !hubd_store_commit (store, error)) {
    hubd_store_rollback (store);
    return FALSE;
  }

  return TRUE;
}

/* --- creating data ------------------------------------------------------- */

static void
bind_address (sqlite3_stmt      *stmt,
              int                first,
              const HubdAddress *address)
{
  bind_text (stmt, first, address->line1);
  bind_text (stmt, first + 1, address->line2);
  bind_text (stmt, first + 2, address->city);
  bind_text (stmt, first + 3, address->state);
  bind_text (stmt, first + 4, address->postal_code);
}

static gint64
insert_returning_id (HubdSqliteStore  *self,
                     sqlite3_stmt     *stmt,
                     const char       *what,
                     GError          **error)
{
  if (!step_done (self, stmt, what, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

static gint64
hubd_sqlite_store_add_company (HubdStore          *store,
                               const char         *name,
                               const char         *phone,
                               const HubdAddress  *physical,
                               const HubdAddress  *billing,
                               GError            **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO companies (name, phone,"
                  "  physical_line1, physical_line2, physical_city,"
                  "  physical_state, physical_postal_code,"
                  "  billing_line1, billing_line2, billing_city,"
                  "  billing_state, billing_postal_code)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, phone != NULL ? phone : "");
  bind_address (stmt, 3, physical);
  bind_address (stmt, 8, billing);
  return insert_returning_id (self, stmt, "adding a company", error);
}

static gint64
hubd_sqlite_store_add_location (HubdStore          *store,
                                gint64              company_id,
                                const char         *name,
                                const char         *phone,
                                const HubdAddress  *address,
                                GError            **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO locations (company_id, name, phone, line1, line2,"
                  "  city, state, postal_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, company_id);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, phone != NULL ? phone : "");
  bind_address (stmt, 4, address);
  return insert_returning_id (self, stmt, "adding a location", error);
}

static gint64
hubd_sqlite_store_add_market (HubdStore   *store,
                              const char  *name,
                              const char  *state,
                              GError     **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = prepare (self,
                  "INSERT INTO markets (name, state) VALUES (?1, ?2)"
                  " ON CONFLICT (name) DO UPDATE SET state = excluded.state"
                  " RETURNING id",
                  error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, name);
  bind_text (stmt, 2, state);
  if (!step_row (self, stmt, "adding a market", &failed, error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
hubd_sqlite_store_add_location_market (HubdStore  *store,
                                       gint64      location_id,
                                       gint64      market_id,
                                       gint64      billing_contact_id,
                                       GError    **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) pair = NULL;
  g_autoptr (sqlite3_stmt) billing = NULL;

  pair = prepare (self,
                  "INSERT INTO location_markets (location_id, market_id)"
                  " VALUES (?, ?)",
                  error);
  if (pair == NULL)
    return FALSE;

  sqlite3_bind_int64 (pair, 1, location_id);
  sqlite3_bind_int64 (pair, 2, market_id);
  if (!step_done (self, pair, "adding a location market", error))
    return FALSE;

  if (billing_contact_id == 0)
    return TRUE;

  billing = prepare (self,
                     "INSERT INTO billing_contacts (location_id, market_id,"
                     "  contact_id) VALUES (?, ?, ?)",
                     error);
  if (billing == NULL)
    return FALSE;

  sqlite3_bind_int64 (billing, 1, location_id);
  sqlite3_bind_int64 (billing, 2, market_id);
  sqlite3_bind_int64 (billing, 3, billing_contact_id);
  return step_done (self, billing, "setting a billing contact", error);
}

static gint64
hubd_sqlite_store_add_user (HubdStore       *store,
                            const char      *email,
                            const char      *first_name,
                            const char      *last_name,
                            const char      *password_hash,
                            HubdUserStatus   status,
                            GError         **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO users (email, first_name, last_name,"
                  "  password_hash, status) VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, email);
  bind_text (stmt, 2, first_name != NULL ? first_name : "");
  bind_text (stmt, 3, last_name != NULL ? last_name : "");
  bind_text (stmt, 4, password_hash);
  bind_text (stmt, 5, status_to_string (status));
  return insert_returning_id (self, stmt, "adding a user", error);
}

static gint64
hubd_sqlite_store_add_contact (HubdStore             *store,
                               const HubdNewContact  *contact,
                               GError               **error)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO contacts (company_id, user_id, first_name,"
                  "  last_name, email, phone, role, perm_patient_visit_activity,"
                  "  perm_billing_admin, perm_visit_search, login_count,"
                  "  last_login_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, contact->company_id);
  bind_id (stmt, 2, contact->user_id);
  bind_text (stmt, 3, contact->first_name);
  bind_text (stmt, 4, contact->last_name);
  bind_text (stmt, 5, contact->email);
  bind_text (stmt, 6, contact->phone);
  bind_text (stmt, 7, hubd_role_to_string (contact->role));
  sqlite3_bind_int (stmt, 8, contact->patient_visit_activity);
  sqlite3_bind_int (stmt, 9, contact->billing_admin);
  sqlite3_bind_int (stmt, 10, contact->visit_search);
  sqlite3_bind_int64 (stmt, 11, contact->login_count);
  bind_id (stmt, 12, contact->last_login_at);
  return insert_returning_id (self, stmt, "adding a contact", error);
}

/* --- the object ---------------------------------------------------------- */

static void
hubd_sqlite_store_finalize (GObject *object)
{
  HubdSqliteStore *self = HUBD_SQLITE_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);

  G_OBJECT_CLASS (hubd_sqlite_store_parent_class)->finalize (object);
}

static void
hubd_sqlite_store_class_init (HubdSqliteStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubd_sqlite_store_finalize;
}

static void
stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
hubd_sqlite_store_init (HubdSqliteStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            stmt_finalize);
}

static void
hubd_sqlite_store_iface_init (HubdStoreInterface *iface)
{
  iface->begin = hubd_sqlite_store_begin;
  iface->commit = hubd_sqlite_store_commit;
  iface->rollback = hubd_sqlite_store_rollback;
  iface->is_empty = hubd_sqlite_store_is_empty;
  iface->optimize = hubd_sqlite_store_optimize;
  iface->find_user_by_email = hubd_sqlite_store_find_user_by_email;
  iface->get_user = hubd_sqlite_store_get_user;
  iface->list_memberships = hubd_sqlite_store_list_memberships;
  iface->get_membership = hubd_sqlite_store_get_membership;
  iface->get_company = hubd_sqlite_store_get_company;
  iface->get_company_summary = hubd_sqlite_store_get_company_summary;
  iface->get_contact = hubd_sqlite_store_get_contact;
  iface->record_sign_in = hubd_sqlite_store_record_sign_in;
  iface->create_session = hubd_sqlite_store_create_session;
  iface->get_session = hubd_sqlite_store_get_session;
  iface->touch_session = hubd_sqlite_store_touch_session;
  iface->revoke_session = hubd_sqlite_store_revoke_session;
  iface->prune = hubd_sqlite_store_prune;
  iface->create_password_token = hubd_sqlite_store_create_password_token;
  iface->set_password_with_token = hubd_sqlite_store_set_password_with_token;
  iface->invite_contact = hubd_sqlite_store_invite_contact;
  iface->add_company = hubd_sqlite_store_add_company;
  iface->add_location = hubd_sqlite_store_add_location;
  iface->add_market = hubd_sqlite_store_add_market;
  iface->add_location_market = hubd_sqlite_store_add_location_market;
  iface->add_user = hubd_sqlite_store_add_user;
  iface->add_contact = hubd_sqlite_store_add_contact;
  hubd_sqlite_results_iface_init (iface);
}
