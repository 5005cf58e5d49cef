/* hubd-sqlite-results.c: visits and their documents in the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-sqlite-store-private.h"

#include <string.h>

#include "hubd-error.h"

/* Statements of hubd_sqlite_prepare() are cached and only reset; the
 * searches, built for each request, are finalized. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, hubd_sqlite_stmt_done)

typedef sqlite3_stmt OwnedStmt;

static void
owned_stmt_free (OwnedStmt *stmt)
{
  sqlite3_finalize (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OwnedStmt, owned_stmt_free)

#define SELF(store) HUBD_SQLITE_STORE (store)

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

/* " first last " in folded words, for matching the start of any word
 * with LIKE '% word%'. */
static char *
name_words (const char *first_name,
            const char *last_name)
{
  g_autofree char *joined = g_strdup_printf (" %s %s ", first_name, last_name);
  char *folded = hubd_fold_text (joined);

  for (char *p = folded; *p != '\0'; p++) {
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  }

  return folded;
}

/* --- adding -------------------------------------------------------------- */

static gint64
hubd_sqlite_store_add_center (HubdStore         *store,
                              const HubdCenter  *center,
                              GError           **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = hubd_sqlite_prepare (self,
                              "INSERT INTO centers (name, line1, city, state,"
                              "  postal_code, phone) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, center->name);
  bind_text (stmt, 2, center->line1);
  bind_text (stmt, 3, center->city);
  bind_text (stmt, 4, center->state);
  bind_text (stmt, 5, center->postal_code);
  bind_text (stmt, 6, center->phone != NULL ? center->phone : "");
  if (!hubd_sqlite_step_done (self, stmt, "adding a center", error))
    return 0;

  return sqlite3_last_insert_rowid (hubd_sqlite_store_get_db (self));
}

static gint64
hubd_sqlite_store_add_visit (HubdStore           *store,
                             const HubdNewVisit  *visit,
                             GError             **error)
{
  HubdSqliteStore *self = SELF (store);
  sqlite3 *db = hubd_sqlite_store_get_db (self);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *last = hubd_fold_text (visit->last_name);
  g_autofree char *first = hubd_fold_text (visit->first_name);
  g_autofree char *employee_key = g_strdup_printf ("%s %s", last, first);
  g_autofree char *words = name_words (visit->first_name, visit->last_name);

  /* The location must be the company's: a clinic cannot file a visit
   * under another employer's location. */
  stmt = hubd_sqlite_prepare (self,
                              "INSERT INTO visits (company_id, location_id,"
                              "  center_id, first_name, last_name,"
                              "  date_of_birth, employee_id, visit_date, state,"
                              "  visit_type, claim_number, employee_key,"
                              "  name_words)"
                              " SELECT ?1, l.id, ce.id, ?4, ?5, ?6, ?7, ?8,"
                              "  ce.state, ?9, ?10, ?11, ?12"
                              " FROM locations l, centers ce"
                              " WHERE l.id = ?2 AND l.company_id = ?1"
                              "   AND ce.id = ?3",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, visit->company_id);
  sqlite3_bind_int64 (stmt, 2, visit->location_id);
  sqlite3_bind_int64 (stmt, 3, visit->center_id);
  bind_text (stmt, 4, visit->first_name);
  bind_text (stmt, 5, visit->last_name);
  bind_text (stmt, 6, visit->date_of_birth);
  bind_text (stmt, 7, visit->employee_id);
  bind_text (stmt, 8, visit->visit_date);
  bind_text (stmt, 9, hubd_visit_type_to_string (visit->visit_type));
  bind_text (stmt, 10, visit->visit_type == HUBD_VISIT_INJURY
                         ? visit->claim_number : NULL);
  bind_text (stmt, 11, employee_key);
  bind_text (stmt, 12, words);
  if (!hubd_sqlite_step_done (self, stmt, "adding a visit", error))
    return 0;

  if (sqlite3_changes (db) == 0) {
    not_found (error, "location or center");
    return 0;
  }

  return sqlite3_last_insert_rowid (db);
}

static gint64
hubd_sqlite_store_add_result (HubdStore   *store,
                              gint64       visit_id,
                              const char  *document_type,
                              gint64       posted_at,
                              GError     **error)
{
  HubdSqliteStore *self = SELF (store);
  sqlite3 *db = hubd_sqlite_store_get_db (self);
  const HubdDocumentType *type = hubd_document_type_lookup (document_type);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = hubd_sqlite_prepare (self,
                              "INSERT INTO results (company_id, visit_id,"
                              "  document_type, document_name, posted_at,"
                              "  visit_date, visit_type, state, center_id,"
                              "  center_name, claim_key, date_of_birth,"
                              "  employee_key, name_words)"
                              " SELECT v.company_id, v.id, ?2, ?3, ?4,"
                              "  v.visit_date, v.visit_type, v.state,"
                              "  v.center_id, ce.name,"
                              "  upper(coalesce(v.claim_number, '')), v.date_of_birth,"
                              "  v.employee_key, v.name_words"
                              " FROM visits v JOIN centers ce ON ce.id = v.center_id"
                              " WHERE v.id = ?1",
                              error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  bind_text (stmt, 2, type->code);
  bind_text (stmt, 3, type->name);
  sqlite3_bind_int64 (stmt, 4, posted_at);
  if (!hubd_sqlite_step_done (self, stmt, "adding a result", error))
    return 0;

  if (sqlite3_changes (db) == 0) {
    not_found (error, "visit");
    return 0;
  }

  return sqlite3_last_insert_rowid (db);
}

/* --- reading ------------------------------------------------------------- */

/* ?1 is the user whose opened marks are read. */
#define RESULT_SELECT \
  "SELECT r.id, r.company_id, co.name, v.id, v.visit_date, v.visit_type," \
  "  v.state, v.claim_number, v.first_name, v.last_name, v.date_of_birth," \
  "  v.employee_id, ce.id, ce.name, ce.line1, ce.city, ce.state," \
  "  ce.postal_code, ce.phone, l.id, l.name, r.document_type, r.posted_at," \
  "  o.user_id IS NOT NULL," \
  "  r.flagged_by, fu.first_name || ' ' || fu.last_name, r.flagged_at," \
  "  r.reviewed_by, ru.first_name || ' ' || ru.last_name, r.reviewed_at," \
  "  r.content_sha256" \
  " FROM results r" \
  " JOIN companies co ON co.id = r.company_id" \
  " JOIN visits v ON v.id = r.visit_id" \
  " JOIN centers ce ON ce.id = v.center_id" \
  " JOIN locations l ON l.id = v.location_id" \
  " LEFT JOIN users fu ON fu.id = r.flagged_by" \
  " LEFT JOIN users ru ON ru.id = r.reviewed_by" \
  " LEFT JOIN result_opens o ON o.user_id = ?1 AND o.result_id = r.id"

static HubdResult *
result_from_row (sqlite3_stmt *stmt)
{
  HubdResult *result = g_new0 (HubdResult, 1);
  HubdVisitType visit_type = HUBD_VISIT_NON_INJURY;

  result->id = sqlite3_column_int64 (stmt, 0);
  result->company_id = sqlite3_column_int64 (stmt, 1);
  result->company_name = column_text (stmt, 2);
  result->visit_id = sqlite3_column_int64 (stmt, 3);
  result->visit_date = column_text (stmt, 4);
  hubd_visit_type_from_string ((const char *) sqlite3_column_text (stmt, 5),
                               &visit_type);
  result->visit_type = visit_type;
  result->state = column_text (stmt, 6);
  result->claim_number = column_text (stmt, 7);
  result->first_name = column_text (stmt, 8);
  result->last_name = column_text (stmt, 9);
  result->date_of_birth = column_text (stmt, 10);
  result->employee_id = column_text (stmt, 11);
  result->center.id = sqlite3_column_int64 (stmt, 12);
  result->center.name = column_text (stmt, 13);
  result->center.line1 = column_text (stmt, 14);
  result->center.city = column_text (stmt, 15);
  result->center.state = column_text (stmt, 16);
  result->center.postal_code = column_text (stmt, 17);
  result->center.phone = column_text (stmt, 18);
  result->location_id = sqlite3_column_int64 (stmt, 19);
  result->location_name = column_text (stmt, 20);
  result->document = hubd_document_type_lookup ((const char *) sqlite3_column_text (stmt, 21));
  result->posted_at = sqlite3_column_int64 (stmt, 22);
  result->opened = sqlite3_column_int (stmt, 23) != 0;
  result->flagged_by = sqlite3_column_int64 (stmt, 24);
  result->flagged_by_name = column_text (stmt, 25);
  result->flagged_at = sqlite3_column_int64 (stmt, 26);
  result->reviewed_by = sqlite3_column_int64 (stmt, 27);
  result->reviewed_by_name = column_text (stmt, 28);
  result->reviewed_at = sqlite3_column_int64 (stmt, 29);
  result->content_sha256 = column_text (stmt, 30);

  /* A type this hubd no longer knows would be a broken database. */
  g_assert (result->document != NULL);
  return result;
}

static HubdResult *
hubd_sqlite_store_get_result (HubdStore  *store,
                              gint64      company_id,
                              gint64      result_id,
                              gint64      user_id,
                              GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self,
                              RESULT_SELECT
                              " WHERE r.id = ?2 AND r.company_id = ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, result_id);
  sqlite3_bind_int64 (stmt, 3, company_id);
  if (!hubd_sqlite_step_row (self, stmt, "reading a result", &failed, error)) {
    if (!failed)
      not_found (error, "result");
    return NULL;
  }

  return result_from_row (stmt);
}

/* --- searching ----------------------------------------------------------- */

/* The SQL of a search and the values of its parameters, in order. */
typedef struct {
  GString *sql;
  GPtrArray *texts; /* NULL stands for an integer from ints */
  GArray *ints;
} Search;

static void
search_clear (Search *search)
{
  g_string_free (search->sql, TRUE);
  g_ptr_array_unref (search->texts);
  g_array_unref (search->ints);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

static void
search_init (Search *search)
{
  search->sql = g_string_new (NULL);
  search->texts = g_ptr_array_new_with_free_func (g_free);
  search->ints = g_array_new (FALSE, TRUE, sizeof (gint64));
}

static void
add_text (Search     *search,
          const char *sql,
          const char *value)
{
  gint64 unused = 0;

  g_string_append (search->sql, sql);
  g_ptr_array_add (search->texts, g_strdup (value));
  g_array_append_val (search->ints, unused);
}

static void
add_int (Search     *search,
         const char *sql,
         gint64      value)
{
  g_string_append (search->sql, sql);
  g_ptr_array_add (search->texts, NULL);
  g_array_append_val (search->ints, value);
}

static void
bind_search (Search       *search,
             sqlite3_stmt *stmt)
{
  for (guint i = 0; i < search->texts->len; i++) {
    const char *text = g_ptr_array_index (search->texts, i);

    if (text != NULL)
      sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_int64 (stmt, i + 1, g_array_index (search->ints, gint64, i));
  }
}

/* A LIKE pattern that matches text literally, with '\' as escape. */
static char *
like_literal (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '%' || *p == '_' || *p == '\\')
      g_string_append_c (escaped, '\\');
    g_string_append_c (escaped, *p);
  }

  return g_string_free (escaped, FALSE);
}

static gboolean
has_filters (const HubdResultQuery *query)
{
  return query->name_words != NULL || query->date_of_birth != NULL ||
         query->state != NULL || query->center_id != 0 ||
         query->visit_type != HUBD_TRISTATE_ANY || query->claim != NULL ||
         query->documents != NULL || query->reviewed != HUBD_TRISTATE_ANY ||
         query->flagged != HUBD_TRISTATE_ANY || query->from != NULL ||
         query->to != NULL;
}

/* The FROM clause. A name is matched inside words, which no index can
 * range over: the names' own index is scanned whole (it is small and
 * holds all the search needs), rather than walking the rows in sort order
 * and reading each one, which is slow for a rare name. */
static void
add_from (Search                *search,
          const HubdResultQuery *query)
{
  g_string_append (search->sql, query->name_words != NULL
                                  ? " FROM results r INDEXED BY results_by_name"
                                  : " FROM results r");
}

static void
add_conditions (Search                *search,
                const HubdResultQuery *query)
{
  add_int (search, " WHERE r.company_id = ?", query->company_id);

  /* Every index ends with posted_at, so leaving archived results out
   * never reads a row. With another filter, the unary + keeps the planner
   * from choosing the posting index over the filter's own. */
  if (!query->include_archived)
    add_int (search, has_filters (query) ? " AND +r.posted_at > ?" : " AND r.posted_at > ?",
             query->archived_before);

  for (guint i = 0; query->name_words != NULL && query->name_words[i] != NULL; i++) {
    g_autofree char *literal = like_literal (query->name_words[i]);
    g_autofree char *pattern = g_strdup_printf ("%% %s%%", literal);

    add_text (search, " AND r.name_words LIKE ? ESCAPE '\\'", pattern);
  }

  if (query->date_of_birth != NULL)
    add_text (search, " AND r.date_of_birth = ?", query->date_of_birth);
  if (query->state != NULL)
    add_text (search, " AND r.state = ?", query->state);
  if (query->center_id != 0)
    add_int (search, " AND r.center_id = ?", query->center_id);
  if (query->visit_type != HUBD_TRISTATE_ANY)
    add_text (search, " AND r.visit_type = ?",
              hubd_visit_type_to_string (query->visit_type));
  if (query->claim != NULL) {
    /* A prefix as a range of the index: claim keys are upper case, and
     * U+10FFFF sorts after every character that can follow the prefix. */
    g_autofree char *prefix = g_ascii_strup (query->claim, -1);
    g_autofree char *after = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);

    add_text (search, " AND r.claim_key >= ?", prefix);
    add_text (search, " AND r.claim_key < ?", after);
  }

  if (query->documents != NULL) {
    if (query->documents->len == 0)
      g_string_append (search->sql, " AND 0");
    for (guint i = 0; i < query->documents->len; i++) {
      const HubdDocumentType *type = g_ptr_array_index (query->documents, i);

      add_text (search, i == 0 ? " AND r.document_name IN (?" : ", ?", type->name);
      if (i + 1 == query->documents->len)
        g_string_append (search->sql, ")");
    }
  }

  if (query->reviewed != HUBD_TRISTATE_ANY)
    g_string_append (search->sql, query->reviewed ? " AND r.reviewed_at IS NOT NULL"
                                                  : " AND r.reviewed_at IS NULL");
  if (query->flagged != HUBD_TRISTATE_ANY)
    g_string_append (search->sql, query->flagged ? " AND r.flagged_at IS NOT NULL"
                                                 : " AND r.flagged_at IS NULL");
  if (query->from != NULL)
    add_text (search, " AND r.visit_date >= ?", query->from);
  if (query->to != NULL)
    add_text (search, " AND r.visit_date <= ?", query->to);
}

static const char *
sort_column (HubdResultSort sort)
{
  static const char *const columns[] = {
    [HUBD_RESULT_SORT_VISIT_DATE] = "r.visit_date",
    [HUBD_RESULT_SORT_EMPLOYEE] = "r.employee_key",
    [HUBD_RESULT_SORT_DOCUMENT] = "r.document_name",
    [HUBD_RESULT_SORT_CENTER] = "r.center_name",
    [HUBD_RESULT_SORT_STATE] = "r.state",
    [HUBD_RESULT_SORT_VISIT_TYPE] = "r.visit_type",
    [HUBD_RESULT_SORT_CLAIM] = "r.claim_key",
    [HUBD_RESULT_SORT_POSTED_AT] = "r.posted_at",
  };

  g_assert (sort < G_N_ELEMENTS (columns));
  return columns[sort];
}

static gboolean
run_count (HubdSqliteStore        *self,
           const HubdResultQuery  *query,
           gint64                 *total,
           GError                **error)
{
  g_auto (Search) search = { NULL, };
  g_autoptr (OwnedStmt) stmt = NULL;
  gboolean failed;
  int rc;

  search_init (&search);
  g_string_append (search.sql, "SELECT count(*)");
  add_from (&search, query);
  add_conditions (&search, query);

  rc = sqlite3_prepare_v2 (hubd_sqlite_store_get_db (self), search.sql->str, -1,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    return hubd_sqlite_set_error (self, rc, "counting results", error);

  bind_search (&search, stmt);
  if (!hubd_sqlite_step_row (self, stmt, "counting results", &failed, error))
    return FALSE;

  *total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The ids and sort keys of one page, in order. */
static gboolean
run_page (HubdSqliteStore        *self,
          const HubdResultQuery  *query,
          GArray                 *ids,
          GPtrArray              *keys,
          GError                **error)
{
  g_auto (Search) search = { NULL, };
  g_autoptr (OwnedStmt) stmt = NULL;
  const char *column = sort_column (query->sort);
  const char *direction = query->descending ? "DESC" : "ASC";
  gboolean failed;
  int rc;

  search_init (&search);
  g_string_append_printf (search.sql, "SELECT r.id, %s", column);
  add_from (&search, query);
  add_conditions (&search, query);

  if (query->after_key != NULL) {
    g_autofree char *keyset = g_strdup_printf (" AND (%s, r.id) %s (?, ?)", column,
                                               query->descending ? "<" : ">");

    if (query->sort == HUBD_RESULT_SORT_POSTED_AT)
      add_int (&search, keyset, g_ascii_strtoll (query->after_key, NULL, 10));
    else
      add_text (&search, keyset, query->after_key);
    add_int (&search, "", query->after_id);
  }

  g_string_append_printf (search.sql, " ORDER BY %s %s, r.id %s", column,
                          direction, direction);
  add_int (&search, " LIMIT ?", query->limit);

  rc = sqlite3_prepare_v2 (hubd_sqlite_store_get_db (self), search.sql->str, -1,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    return hubd_sqlite_set_error (self, rc, "searching results", error);

  bind_search (&search, stmt);
  while (hubd_sqlite_step_row (self, stmt, "searching results", &failed, error)) {
    gint64 id = sqlite3_column_int64 (stmt, 0);

    g_array_append_val (ids, id);
    g_ptr_array_add (keys, column_text (stmt, 1));
  }

  return !failed;
}

static GPtrArray *
hubd_sqlite_store_search_results (HubdStore              *store,
                                  const HubdResultQuery  *query,
                                  gint64                 *total,
                                  GError                **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) results = NULL;
  int rc;

  /* The count and the page read the same snapshot. */
  rc = sqlite3_exec (hubd_sqlite_store_get_db (self), "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    hubd_sqlite_set_error (self, rc, "searching results", error);
    return NULL;
  }

  if ((total != NULL && !run_count (self, query, total, error)) ||
      !run_page (self, query, ids, keys, error)) {
    sqlite3_exec (hubd_sqlite_store_get_db (self), "ROLLBACK", NULL, NULL, NULL);
    return NULL;
  }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) hubd_result_free);
  for (guint i = 0; i < ids->len; i++) {
    HubdResult *result = hubd_sqlite_store_get_result (store, query->company_id,
                                                       g_array_index (ids, gint64, i),
                                                       query->user_id, error);

    if (result == NULL) {
      sqlite3_exec (hubd_sqlite_store_get_db (self), "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }
    result->sort_key = g_strdup (g_ptr_array_index (keys, i));
    g_ptr_array_add (results, result);
  }

  sqlite3_exec (hubd_sqlite_store_get_db (self), "COMMIT", NULL, NULL, NULL);
  return g_steal_pointer (&results);
}

/* --- marks --------------------------------------------------------------- */

static gboolean
result_exists (HubdSqliteStore  *self,
               gint64            company_id,
               gint64            result_id,
               GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self,
                              "SELECT 1 FROM results WHERE id = ? AND company_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result_id);
  sqlite3_bind_int64 (stmt, 2, company_id);
  if (!hubd_sqlite_step_row (self, stmt, "reading a result", &failed, error)) {
    if (!failed)
      not_found (error, "result");
    return FALSE;
  }

  return TRUE;
}

/* Runs an UPDATE of one result whose parameters are ?1 result, ?2
 * company, ?3 user, ?4 now; *changed says whether it changed the row. */
static gboolean
update_result (HubdSqliteStore  *self,
               const char       *sql,
               gint64            company_id,
               gint64            result_id,
               gint64            user_id,
               gint64            now,
               gboolean         *changed,
               GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!result_exists (self, company_id, result_id, error))
    return FALSE;

  stmt = hubd_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, result_id);
  sqlite3_bind_int64 (stmt, 2, company_id);
  sqlite3_bind_int64 (stmt, 3, user_id);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!hubd_sqlite_step_done (self, stmt, "updating a result", error))
    return FALSE;

  *changed = sqlite3_changes (hubd_sqlite_store_get_db (self)) > 0;
  return TRUE;
}

static gboolean
hubd_sqlite_store_set_result_flag (HubdStore  *store,
                                   gint64      company_id,
                                   gint64      result_id,
                                   gint64      user_id,
                                   gboolean    flagged,
                                   gint64      now,
                                   gboolean   *changed,
                                   GError    **error)
{
  static const char flag[] =
    "UPDATE results SET flagged_by = ?3, flagged_at = ?4"
    " WHERE id = ?1 AND company_id = ?2 AND flagged_at IS NULL";
  static const char unflag[] =
    "UPDATE results SET flagged_by = NULL, flagged_at = NULL"
    " WHERE id = ?1 AND company_id = ?2 AND flagged_at IS NOT NULL";

  return update_result (SELF (store), flagged ? flag : unflag, company_id,
                        result_id, user_id, now, changed, error);
}

static gboolean
hubd_sqlite_store_set_result_reviewed (HubdStore  *store,
                                       gint64      company_id,
                                       gint64      result_id,
                                       gint64      user_id,
                                       gint64      now,
                                       gboolean   *changed,
                                       GError    **error)
{
  return update_result (SELF (store),
                        "UPDATE results SET reviewed_by = ?3, reviewed_at = ?4"
                        " WHERE id = ?1 AND company_id = ?2 AND reviewed_at IS NULL",
                        company_id, result_id, user_id, now, changed, error);
}

static gboolean
hubd_sqlite_store_mark_result_opened (HubdStore  *store,
                                      gint64      result_id,
                                      gint64      user_id,
                                      gint64      now,
                                      GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = hubd_sqlite_prepare (self,
                              "INSERT INTO result_opens (user_id, result_id,"
                              "  company_id, posted_at, opened_at)"
                              " SELECT ?1, id, company_id, posted_at, ?3"
                              " FROM results WHERE id = ?2"
                              " ON CONFLICT DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, result_id);
  sqlite3_bind_int64 (stmt, 3, now);
  return hubd_sqlite_step_done (self, stmt, "recording an opened result", error);
}

static gboolean
hubd_sqlite_store_set_result_content (HubdStore   *store,
                                      gint64       result_id,
                                      const char  *sha256,
                                      GError     **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = hubd_sqlite_prepare (self,
                              "UPDATE results SET content_sha256 = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, result_id);
  return hubd_sqlite_step_done (self, stmt, "recording a document hash", error);
}

/* --- changes, counts, centers, notices ---------------------------------- */

static GPtrArray *
hubd_sqlite_store_list_result_changes (HubdStore  *store,
                                       gint64      company_id,
                                       gint64      user_id,
                                       gint64      after,
                                       guint       limit,
                                       GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) results = NULL;
  gboolean failed;

  /* A range of the rowid: only what was posted since is read (the unary
   * + keeps the planner off the company's indexes, which would read all
   * of its results). */
  stmt = hubd_sqlite_prepare (self,
                              RESULT_SELECT
                              " WHERE r.id > ?2 AND +r.company_id = ?3"
                              " ORDER BY r.id LIMIT ?4",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_int64 (stmt, 3, company_id);
  sqlite3_bind_int64 (stmt, 4, limit);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) hubd_result_free);
  while (hubd_sqlite_step_row (self, stmt, "listing new results", &failed, error))
    g_ptr_array_add (results, result_from_row (stmt));

  if (failed)
    return NULL;

  return g_steal_pointer (&results);
}

/* The last id of all results: a company's changes are filtered from the
 * ones after it, so it serves every company and costs one lookup. */
static gint64
hubd_sqlite_store_get_result_sequence (HubdStore  *store,
                                       gint64      company_id,
                                       GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self, "SELECT coalesce(max(id), 0) FROM results",
                              error);
  if (stmt == NULL)
    return -1;

  if (!hubd_sqlite_step_row (self, stmt, "reading the result sequence", &failed,
                             error))
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Each count reads one index; the unary + keeps the planner on the
 * reviewed and flagged indexes, which end with posted_at. */
static gboolean
hubd_sqlite_store_count_results (HubdStore         *store,
                                 gint64             company_id,
                                 gint64             user_id,
                                 gint64             archived_before,
                                 HubdResultCounts  *counts,
                                 GError           **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self,
                              "SELECT"
                              "  (SELECT count(*) FROM results"
                              "   WHERE company_id = ?1 AND posted_at > ?2)"
                              "  - (SELECT count(*) FROM result_opens"
                              "     WHERE user_id = ?3 AND company_id = ?1"
                              "       AND posted_at > ?2),"
                              "  (SELECT count(*) FROM results"
                              "   WHERE company_id = ?1 AND reviewed_at IS NULL"
                              "     AND +posted_at > ?2),"
                              "  (SELECT count(*) FROM results"
                              "   WHERE company_id = ?1 AND flagged_at IS NOT NULL"
                              "     AND +posted_at > ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, company_id);
  sqlite3_bind_int64 (stmt, 2, archived_before);
  sqlite3_bind_int64 (stmt, 3, user_id);
  if (!hubd_sqlite_step_row (self, stmt, "counting results", &failed, error))
    return FALSE;

  counts->new_results = sqlite3_column_int64 (stmt, 0);
  counts->unreviewed = sqlite3_column_int64 (stmt, 1);
  counts->flagged = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

static GPtrArray *
hubd_sqlite_store_list_centers (HubdStore  *store,
                                gint64      company_id,
                                GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) centers = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self,
                              "SELECT id, name, line1, city, state, postal_code,"
                              "  phone FROM centers WHERE id IN"
                              "  (SELECT DISTINCT center_id FROM visits"
                              "   WHERE company_id = ?)"
                              " ORDER BY name, id",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, company_id);
  centers = g_ptr_array_new_with_free_func ((GDestroyNotify) hubd_center_free);
  while (hubd_sqlite_step_row (self, stmt, "listing centers", &failed, error)) {
    HubdCenter *center = g_new0 (HubdCenter, 1);

    center->id = sqlite3_column_int64 (stmt, 0);
    center->name = column_text (stmt, 1);
    center->line1 = column_text (stmt, 2);
    center->city = column_text (stmt, 3);
    center->state = column_text (stmt, 4);
    center->postal_code = column_text (stmt, 5);
    center->phone = column_text (stmt, 6);
    g_ptr_array_add (centers, center);
  }

  if (failed)
    return NULL;

  return g_steal_pointer (&centers);
}

static GPtrArray *
hubd_sqlite_store_list_notice_recipients (HubdStore  *store,
                                          gint64      company_id,
                                          GError    **error)
{
  HubdSqliteStore *self = SELF (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) emails = NULL;
  gboolean failed;

  stmt = hubd_sqlite_prepare (self,
                              "SELECT DISTINCT u.email FROM contacts ct"
                              " JOIN users u ON u.id = ct.user_id"
                              " WHERE ct.company_id = ?"
                              "   AND ct.role IN ('user_admin', 'basic')"
                              "   AND u.status = 'active'"
                              "   AND ct.notify_new_results <> 0"
                              " ORDER BY u.email",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, company_id);
  emails = g_ptr_array_new_with_free_func (g_free);
  while (hubd_sqlite_step_row (self, stmt, "listing notice recipients", &failed,
                               error))
    g_ptr_array_add (emails, column_text (stmt, 0));

  if (failed)
    return NULL;

  return g_steal_pointer (&emails);
}

void
hubd_sqlite_results_iface_init (HubdStoreInterface *iface)
{
  iface->add_center = hubd_sqlite_store_add_center;
  iface->add_visit = hubd_sqlite_store_add_visit;
  iface->add_result = hubd_sqlite_store_add_result;
  iface->search_results = hubd_sqlite_store_search_results;
  iface->get_result = hubd_sqlite_store_get_result;
  iface->set_result_flag = hubd_sqlite_store_set_result_flag;
  iface->set_result_reviewed = hubd_sqlite_store_set_result_reviewed;
  iface->mark_result_opened = hubd_sqlite_store_mark_result_opened;
  iface->set_result_content = hubd_sqlite_store_set_result_content;
  iface->list_result_changes = hubd_sqlite_store_list_result_changes;
  iface->get_result_sequence = hubd_sqlite_store_get_result_sequence;
  iface->count_results = hubd_sqlite_store_count_results;
  iface->list_centers = hubd_sqlite_store_list_centers;
  iface->list_notice_recipients = hubd_sqlite_store_list_notice_recipients;
}
