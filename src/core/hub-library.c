/* hub-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>

#include "hub-core-private.h"
#include "hub-error.h"
#include "hub-library.h"
#include "hub-vault.h"

/* The PDF files are sealed in the vault. The database holds the metadata
 * and the full-text index of each document's text in the clear: it must,
 * for the index to be searchable, and it lives in the same 0700 folder. */

struct _HubLibrary
{
  GObject parent_instance;

  GFile *folder;
  HubVault *vault;

  /* One connection, used by the calling thread and the keep workers in
   * turn. */
  GMutex lock;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (HubLibrary, hub_library, G_TYPE_OBJECT)

static const char * const migrations[] = {
  /* 1 */
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  result_id TEXT NOT NULL UNIQUE,"
  "  company_id TEXT NOT NULL,"
  "  first_name TEXT NOT NULL,"
  "  last_name TEXT NOT NULL,"
  "  date_of_birth TEXT NOT NULL,"
  "  visit_date TEXT NOT NULL,"
  "  center_name TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  visit_type TEXT,"
  "  claim_number TEXT,"
  "  document_type TEXT NOT NULL,"
  "  document_name TEXT NOT NULL,"
  "  pages INTEGER NOT NULL,"
  "  posted_at TEXT,"
  "  kept_at TEXT NOT NULL,"
  "  json TEXT NOT NULL"
  ");"
  "CREATE INDEX documents_by_company_date"
  "  ON documents (company_id, visit_date DESC);"
  "CREATE VIRTUAL TABLE documents_fts USING fts5 ("
  "  metadata, text,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");",
};

/* --- SQLite ------------------------------------------------------------- */

static void
set_database_error (HubLibrary  *self,
                    GError     **error)
{
  g_debug ("Offline library database error: %s", sqlite3_errmsg (self->db));
  g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                       _("The offline library cannot be updated. Check that "
                         "the disk is not full, or forget all offline data "
                         "and keep the documents again."));
}

static gboolean
exec (HubLibrary  *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    set_database_error (self, error);
    return FALSE;
  }

  return TRUE;
}

static sqlite3_stmt *
prepare (HubLibrary  *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    set_database_error (self, error);
    return NULL;
  }

  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
migrate (HubLibrary  *self,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint version = 0;

  if (!exec (self,
             "CREATE TABLE IF NOT EXISTS schema_migrations ("
             "  version INTEGER PRIMARY KEY,"
             "  applied_at TEXT NOT NULL)",
             error))
    return FALSE;

  if (!(stmt = prepare (self, "SELECT coalesce(max(version), 0) FROM schema_migrations", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = (guint) sqlite3_column_int (stmt, 0);

  if (version > G_N_ELEMENTS (migrations)) {
    g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                         _("The offline library was written by a newer "
                           "version of HUB Desk. Update the app, or forget "
                           "all offline data."));
    return FALSE;
  }

  for (guint v = version + 1; v <= G_N_ELEMENTS (migrations); v++) {
    g_autofree char *record =
      g_strdup_printf ("INSERT INTO schema_migrations (version, applied_at) "
                       "VALUES (%u, strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'))", v);

    if (!exec (self, "BEGIN IMMEDIATE", error))
      return FALSE;
    if (!exec (self, migrations[v - 1], error) ||
        !exec (self, record, error) ||
        !exec (self, "COMMIT", error)) {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
    g_debug ("Applied offline library migration %u", v);
  }

  return TRUE;
}

/* --- the object --------------------------------------------------------- */

static void
hub_library_finalize (GObject *object)
{
  HubLibrary *self = (HubLibrary *) object;

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->vault);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (hub_library_parent_class)->finalize (object);
}

static void
hub_library_class_init (HubLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_library_finalize;
}

static void
hub_library_init (HubLibrary *self)
{
  g_mutex_init (&self->lock);
}

/**
 * hub_library_open:
 * @folder: the library's folder, created if missing
 * @key: the library's key
 * @error: return location for an error
 *
 * Opens the library in @folder: its database, and its sealed documents in
 * the "documents" folder inside it.
 *
 * Returns: (transfer full): the library, or %NULL
 */
HubLibrary *
hub_library_open (GFile        *folder,
                  HubVaultKey  *key,
                  GError      **error)
{
  g_autoptr(HubLibrary) self = NULL;
  g_autoptr(GFile) documents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *db_path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (HUB_IS_VAULT_KEY (key), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (folder);
  if (path == NULL || g_mkdir_with_parents (path, 0700) != 0) {
    g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                         _("The offline library’s folder cannot be created. "
                           "Check that the disk is not full and that the "
                           "data folder can be written to."));
    return NULL;
  }

  self = g_object_new (HUB_TYPE_LIBRARY, NULL);
  self->folder = g_object_ref (folder);
  documents = g_file_get_child (folder, "documents");
  self->vault = hub_vault_new (documents, key);

  db_path = g_build_filename (path, "library.db", NULL);
  if (sqlite3_open_v2 (db_path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK) {
    set_database_error (self, error);
    return NULL;
  }
  sqlite3_busy_timeout (self->db, 5000);

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error) ||
      /* What is forgotten is overwritten, not left in free pages. */
      !exec (self, "PRAGMA secure_delete = ON", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* --- keeping a document ------------------------------------------------- */

static void
add_user_ref (JsonBuilder *builder,
              const char  *member,
              const char  *id,
              const char  *name)
{
  if (id == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name != NULL ? name : "");
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *member,
               GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return;

  text = g_date_time_format_iso8601 (value);
  add_string (builder, member, text);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* The result as the contract's Result, so that hub_result_new_from_json()
 * reads it back whole. */
static char *
result_to_json (HubResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *visit_type = hub_visit_type_to_string (hub_result_get_visit_type (result));

  json_builder_begin_object (builder);
  add_string (builder, "id", hub_result_get_id (result));
  add_string (builder, "company_id", hub_result_get_company_id (result));

  json_builder_set_member_name (builder, "visit");
  json_builder_begin_object (builder);
  add_string (builder, "id", hub_result_get_visit_id (result));
  add_string (builder, "visit_date", hub_result_get_visit_date (result));
  /* A type this version does not know reads back as such. */
  add_string (builder, "visit_type", visit_type != NULL ? visit_type : "unknown");
  add_string (builder, "state", hub_result_get_state (result));
  add_string (builder, "claim_number", hub_result_get_claim_number (result));
  json_builder_set_member_name (builder, "employee");
  json_builder_begin_object (builder);
  add_string (builder, "first_name", hub_result_get_employee_first_name (result));
  add_string (builder, "last_name", hub_result_get_employee_last_name (result));
  add_string (builder, "date_of_birth", hub_result_get_employee_date_of_birth (result));
  add_string (builder, "employee_id", hub_result_get_employee_id (result));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "center");
  json_builder_begin_object (builder);
  add_string (builder, "id", hub_result_get_center_id (result));
  add_string (builder, "name", hub_result_get_center_name (result));
  add_string (builder, "state", hub_result_get_center_state (result));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  add_string (builder, "id", hub_result_get_location_id (result));
  add_string (builder, "name", hub_result_get_location_name (result));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "document");
  json_builder_begin_object (builder);
  add_string (builder, "type", hub_result_get_document_type (result));
  add_string (builder, "name", hub_result_get_document_name (result));
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, hub_result_get_document_pages (result));
  json_builder_end_object (builder);

  add_date_time (builder, "posted_at", hub_result_get_posted_at (result));
  add_boolean (builder, "archived", hub_result_get_archived (result));
  add_boolean (builder, "new", hub_result_get_new (result));
  add_boolean (builder, "flagged", hub_result_get_flagged (result));
  add_user_ref (builder, "flagged_by", hub_result_get_flagged_by_id (result),
                hub_result_get_flagged_by_name (result));
  add_date_time (builder, "flagged_at", hub_result_get_flagged_at (result));
  add_boolean (builder, "reviewed", hub_result_get_reviewed (result));
  add_user_ref (builder, "reviewed_by", hub_result_get_reviewed_by_id (result),
                hub_result_get_reviewed_by_name (result));
  add_date_time (builder, "reviewed_at", hub_result_get_reviewed_at (result));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static HubResult *
result_from_json (const char  *text,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL) ||
      !(root = json_parser_get_root (parser)) ||
      !JSON_NODE_HOLDS_OBJECT (root)) {
    g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                         _("The offline library is damaged. Forget all "
                           "offline data and keep the documents again."));
    return NULL;
  }

  return hub_result_new_from_json (json_node_get_object (root), error);
}

/* The words a metadata search looks in. */
static char *
metadata_text (HubResult *result)
{
  const char *claim = hub_result_get_claim_number (result);

  return g_strjoin (" ",
                    hub_result_get_employee_first_name (result),
                    hub_result_get_employee_last_name (result),
                    hub_result_get_employee_date_of_birth (result),
                    hub_result_get_visit_date (result),
                    claim != NULL ? claim : "",
                    hub_result_get_document_type (result),
                    hub_result_get_document_name (result),
                    hub_result_get_center_name (result),
                    hub_result_get_location_name (result),
                    hub_result_get_state (result),
                    NULL);
}

typedef struct {
  HubResult *result;
  GBytes *pdf;
} Keep;

static void
keep_free (Keep *keep)
{
  g_clear_object (&keep->result);
  g_clear_pointer (&keep->pdf, g_bytes_unref);
  g_free (keep);
}

static char *
extract_text (GBytes  *pdf,
              GError **error)
{
  g_autoptr(GObject) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  int n_pages;

  document = (GObject *) poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL) {
    g_set_error_literal (error, HUB_ERROR, HUB_ERROR_FAILED,
                         _("The document cannot be kept offline: it is not "
                           "a PDF file this app can read."));
    return NULL;
  }

  n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (document));
  for (int i = 0; i < n_pages; i++) {
    g_autoptr(GObject) page =
      (GObject *) poppler_document_get_page (POPPLER_DOCUMENT (document), i);
    g_autofree char *page_text = NULL;

    if (page == NULL)
      continue;
    page_text = poppler_page_get_text (POPPLER_PAGE (page));
    if (page_text != NULL) {
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
store_sealed (HubVault      *vault,
              const char    *name,
              GBytes        *pdf,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  /* The worker waits for the vault's own worker on a context of its own. */
  g_main_context_push_thread_default (context);
  hub_vault_store_async (vault, name, pdf, cancellable, on_stored, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return hub_vault_store_finish (vault, result, error);
}

static gboolean
insert_row (HubLibrary  *self,
            HubResult   *result,
            const char  *text,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) remove_fts = NULL;
  g_autoptr(sqlite3_stmt) remove_row = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_fts = NULL;
  g_autofree char *json = result_to_json (result);
  g_autofree char *metadata = metadata_text (result);
  g_autofree char *posted_at = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *kept_at = g_date_time_format_iso8601 (now);
  const char *id = hub_result_get_id (result);
  sqlite3_int64 rowid;

  if (hub_result_get_posted_at (result) != NULL)
    posted_at = g_date_time_format_iso8601 (hub_result_get_posted_at (result));

  if (!(remove_fts = prepare (self,
                              "DELETE FROM documents_fts WHERE rowid IN "
                              "(SELECT id FROM documents WHERE result_id = ?1)",
                              error)) ||
      !(remove_row = prepare (self, "DELETE FROM documents WHERE result_id = ?1", error)) ||
      !(insert = prepare (self,
                          "INSERT INTO documents (result_id, company_id, "
                          "first_name, last_name, date_of_birth, visit_date, "
                          "center_name, state, visit_type, claim_number, "
                          "document_type, document_name, pages, posted_at, "
                          "kept_at, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                          "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                          error)) ||
      !(insert_fts = prepare (self,
                              "INSERT INTO documents_fts (rowid, metadata, text) "
                              "VALUES (?1, ?2, ?3)",
                              error)))
    return FALSE;

  sqlite3_bind_text (remove_fts, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (remove_row, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (remove_fts) != SQLITE_DONE ||
      sqlite3_step (remove_row) != SQLITE_DONE) {
    set_database_error (self, error);
    return FALSE;
  }

  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, hub_result_get_company_id (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, hub_result_get_employee_first_name (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, hub_result_get_employee_last_name (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, hub_result_get_employee_date_of_birth (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, hub_result_get_visit_date (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, hub_result_get_center_name (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, hub_result_get_state (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, hub_visit_type_to_string (hub_result_get_visit_type (result)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, hub_result_get_claim_number (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 11, hub_result_get_document_type (result), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 12, hub_result_get_document_name (result), -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 13, (int) hub_result_get_document_pages (result));
  sqlite3_bind_text (insert, 14, posted_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 15, kept_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 16, json, -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE) {
    set_database_error (self, error);
    return FALSE;
  }
  rowid = sqlite3_last_insert_rowid (self->db);

  sqlite3_bind_int64 (insert_fts, 1, rowid);
  sqlite3_bind_text (insert_fts, 2, metadata, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_fts, 3, text, -1, SQLITE_STATIC);
  if (sqlite3_step (insert_fts) != SQLITE_DONE) {
    set_database_error (self, error);
    return FALSE;
  }

  return TRUE;
}

static gboolean
index_document (HubLibrary  *self,
                HubResult   *result,
                const char  *text,
                GError     **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = exec (self, "BEGIN IMMEDIATE", error);
  if (ok) {
    ok = insert_row (self, result, text, error) && exec (self, "COMMIT", error);
    if (!ok)
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  }
  g_mutex_unlock (&self->lock);

  return ok;
}

static void
keep_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HubLibrary *self = source_object;
  Keep *keep = task_data;
  const char *id = hub_result_get_id (keep->result);
  g_autofree char *text = NULL;
  GError *error = NULL;

  if (!(text = extract_text (keep->pdf, &error)) ||
      g_task_return_error_if_cancelled (task) ||
      !store_sealed (self->vault, id, keep->pdf, cancellable, &error)) {
    if (error != NULL)
      g_task_return_error (task, error);
    return;
  }

  /* The sealed file first, then its row: a crash in between leaves a file
   * without a row, which hub_library_check() removes. */
  if (!index_document (self, keep->result, text, &error)) {
    hub_vault_remove (self->vault, id, NULL);
    g_task_return_error (task, error);
    return;
  }

  g_task_return_boolean (task, TRUE);
}

/**
 * hub_library_keep_async:
 * @self: a library
 * @result: the result the document belongs to
 * @pdf: the document
 * @cancellable: (nullable): a cancellable
 * @callback: called when the document is kept
 * @user_data: data for @callback
 *
 * Seals @pdf in the library under @result's id and indexes its metadata
 * and text, replacing any earlier copy.
 */
void
hub_library_keep_async (HubLibrary          *self,
                        HubResult           *result,
                        GBytes              *pdf,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Keep *keep;

  g_return_if_fail (HUB_IS_LIBRARY (self));
  g_return_if_fail (HUB_IS_RESULT (result));
  g_return_if_fail (!hub_result_is_placeholder (result));
  g_return_if_fail (pdf != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_library_keep_async);

  if (!hub_vault_is_valid_name (hub_result_get_id (result))) {
    g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_INVALID_INPUT,
                             _("The document cannot be kept offline: its "
                               "identifier is not valid."));
    return;
  }

  keep = g_new0 (Keep, 1);
  keep->result = g_object_ref (result);
  keep->pdf = g_bytes_ref (pdf);
  g_task_set_task_data (task, keep, (GDestroyNotify) keep_free);
  g_task_run_in_thread (task, keep_thread);
}

gboolean
hub_library_keep_finish (HubLibrary    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HUB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- searching ---------------------------------------------------------- */

static gboolean
has_word_character (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p)) {
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  }

  return FALSE;
}

/* Each word of @query as an FTS5 string, quoted so that nothing the user
 * types is read as FTS5 syntax, limited to @column, optionally a prefix. */
static void
append_match (GString    *match,
              const char *column,
              const char *query,
              gboolean    prefix)
{
  g_auto(GStrv) words = NULL;

  if (query == NULL)
    return;

  words = g_strsplit_set (query, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++) {
    if (!has_word_character (words[i]))
      continue;

    if (match->len > 0)
      g_string_append (match, " AND ");
    g_string_append_printf (match, "%s : \"", column);
    for (const char *p = words[i]; *p != '\0'; p++) {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
    g_string_append_c (match, '"');
    if (prefix)
      g_string_append_c (match, '*');
  }
}

/**
 * hub_library_search:
 * @self: a library
 * @company_id: the company whose documents to list
 * @metadata_query: (nullable): words that names, dates, claim, document or
 *   center start with, in any case and with or without accents
 * @text_query: (nullable): words inside the documents
 * @error: return location for an error
 *
 * Returns: (transfer full): the kept #HubResult that match, latest visit
 *   first, or %NULL
 */
GListModel *
hub_library_search (HubLibrary  *self,
                    const char  *company_id,
                    const char  *metadata_query,
                    const char  *text_query,
                    GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  int rc;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (company_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  append_match (match, "metadata", metadata_query, TRUE);
  append_match (match, "text", text_query, FALSE);

  store = g_list_store_new (HUB_TYPE_RESULT);

  g_mutex_lock (&self->lock);
  if (match->len == 0)
    stmt = prepare (self,
                    "SELECT json FROM documents WHERE company_id = ?1 "
                    "ORDER BY visit_date DESC, id DESC",
                    &local_error);
  else
    stmt = prepare (self,
                    "SELECT d.json FROM documents d "
                    "JOIN documents_fts f ON f.rowid = d.id "
                    "WHERE d.company_id = ?1 AND documents_fts MATCH ?2 "
                    "ORDER BY d.visit_date DESC, d.id DESC",
                    &local_error);

  if (stmt != NULL) {
    sqlite3_bind_text (stmt, 1, company_id, -1, SQLITE_STATIC);
    if (match->len > 0)
      sqlite3_bind_text (stmt, 2, match->str, -1, SQLITE_STATIC);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW) {
      g_autoptr(HubResult) result = NULL;

      result = result_from_json ((const char *) sqlite3_column_text (stmt, 0),
                                 &local_error);
      if (result == NULL)
        break;
      g_list_store_append (store, result);
    }

    if (local_error == NULL && rc != SQLITE_DONE)
      set_database_error (self, &local_error);
  }
  g_mutex_unlock (&self->lock);

  if (local_error != NULL) {
    g_propagate_error (error, local_error);
    return NULL;
  }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* --- opening a document ------------------------------------------------- */

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = hub_vault_load_finish (HUB_VAULT (object), result, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/**
 * hub_library_open_document_async:
 * @self: a library
 * @result_id: the id of a kept result
 * @cancellable: (nullable): a cancellable
 * @callback: called with the document
 * @user_data: data for @callback
 *
 * Reads and unseals the document kept for @result_id.
 */
void
hub_library_open_document_async (HubLibrary          *self,
                                 const char          *result_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HUB_IS_LIBRARY (self));
  g_return_if_fail (result_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_library_open_document_async);

  if (!hub_library_contains (self, result_id)) {
    g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_NOT_FOUND,
                             _("This document is not kept offline. Open it "
                               "while connected to keep it again."));
    g_object_unref (task);
    return;
  }

  hub_vault_load_async (self->vault, result_id, cancellable, on_loaded, task);
}

/**
 * hub_library_open_document_finish:
 * @self: a library
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the PDF, or %NULL
 */
GBytes *
hub_library_open_document_finish (HubLibrary    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HUB_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- forgetting --------------------------------------------------------- */

static gboolean
delete_rows (HubLibrary  *self,
             const char  *result_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) remove_fts = NULL;
  g_autoptr(sqlite3_stmt) remove_row = NULL;
  gboolean ok = FALSE;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (result_id == NULL) {
    ok = exec (self, "DELETE FROM documents_fts", error) &&
         exec (self, "DELETE FROM documents", error);
  } else if ((remove_fts = prepare (self,
                                    "DELETE FROM documents_fts WHERE rowid IN "
                                    "(SELECT id FROM documents WHERE result_id = ?1)",
                                    error)) &&
             (remove_row = prepare (self,
                                    "DELETE FROM documents WHERE result_id = ?1",
                                    error))) {
    sqlite3_bind_text (remove_fts, 1, result_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (remove_row, 1, result_id, -1, SQLITE_STATIC);
    ok = sqlite3_step (remove_fts) == SQLITE_DONE &&
         sqlite3_step (remove_row) == SQLITE_DONE;
    if (!ok)
      set_database_error (self, error);
  }

  ok = ok && exec (self, "COMMIT", error);
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

/**
 * hub_library_forget:
 * @self: a library
 * @result_id: the id of a kept result
 * @error: return location for an error
 *
 * Removes the document kept for @result_id, if any, and its index.
 *
 * Returns: whether it is gone
 */
gboolean
hub_library_forget (HubLibrary  *self,
                    const char  *result_id,
                    GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (result_id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  ok = delete_rows (self, result_id, error);
  g_mutex_unlock (&self->lock);

  /* A file left behind by a failure here is an orphan that
   * hub_library_check() removes. */
  if (!ok || !hub_vault_is_valid_name (result_id))
    return ok;

  return hub_vault_remove (self->vault, result_id, error);
}

/**
 * hub_library_forget_all:
 * @self: a library
 * @error: return location for an error
 *
 * Removes every kept document and the whole index.
 *
 * Returns: whether everything is gone
 */
gboolean
hub_library_forget_all (HubLibrary  *self,
                        GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  ok = delete_rows (self, NULL, error) &&
       exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error) &&
       exec (self, "VACUUM", error);
  g_mutex_unlock (&self->lock);

  return ok && hub_vault_wipe (self->vault, error);
}

gboolean
hub_library_contains (HubLibrary *self,
                      const char *result_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (result_id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT 1 FROM documents WHERE result_id = ?1", NULL);
  if (stmt != NULL) {
    sqlite3_bind_text (stmt, 1, result_id, -1, SQLITE_STATIC);
    found = sqlite3_step (stmt) == SQLITE_ROW;
  }
  g_mutex_unlock (&self->lock);

  return found;
}

guint
hub_library_get_count (HubLibrary *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), 0);

  g_mutex_lock (&self->lock);
  stmt = prepare (self, "SELECT count(*) FROM documents", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  g_mutex_unlock (&self->lock);

  return count;
}

/* --- the startup check -------------------------------------------------- */

static GStrv
list_rows (HubLibrary  *self,
           GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare (self, "SELECT result_id FROM documents", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE) {
    set_database_error (self, error);
    return NULL;
  }

  return g_strv_builder_end (builder);
}

/**
 * hub_library_check:
 * @self: a library
 * @orphans_removed: (out) (optional): how many rows and files were removed
 * @error: return location for an error
 *
 * Makes the index and the sealed files agree after a crash: rows whose file
 * is missing and files with no row are removed. Run it before keeping
 * anything, as a document being kept has its file before its row.
 *
 * Returns: whether the library is consistent
 */
gboolean
hub_library_check (HubLibrary  *self,
                   guint       *orphans_removed,
                   GError     **error)
{
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) files = NULL;
  guint removed = 0;

  g_return_val_if_fail (HUB_IS_LIBRARY (self), FALSE);

  if (orphans_removed != NULL)
    *orphans_removed = 0;

  g_mutex_lock (&self->lock);
  rows = list_rows (self, error);
  g_mutex_unlock (&self->lock);
  if (rows == NULL || !(files = hub_vault_list (self->vault, error)))
    return FALSE;

  for (guint i = 0; rows[i] != NULL; i++) {
    gboolean ok;

    if (g_strv_contains ((const char * const *) files, rows[i]))
      continue;

    g_mutex_lock (&self->lock);
    ok = delete_rows (self, rows[i], error);
    g_mutex_unlock (&self->lock);
    if (!ok)
      return FALSE;
    removed++;
  }

  for (guint i = 0; files[i] != NULL; i++) {
    if (g_strv_contains ((const char * const *) rows, files[i]))
      continue;

    if (!hub_vault_remove (self->vault, files[i], error))
      return FALSE;
    removed++;
  }

  if (removed > 0)
    g_debug ("The offline library check removed %u orphans", removed);
  if (orphans_removed != NULL)
    *orphans_removed = removed;

  return TRUE;
}
