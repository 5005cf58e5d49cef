/* test-sqlite-store.c: migrations and the storage operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "hubd-crypto.h"
#include "hubd-demo.h"
#include "hubd-error.h"
#include "hubd-sqlite-store.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("hubd-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "hubd.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_fresh_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) store = hubd_sqlite_store_new (fixture->path, &error);
  gboolean empty = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (hubd_sqlite_store_get_schema_version (store), ==,
                    hubd_sqlite_store_get_latest_version ());
  g_assert_cmpuint (hubd_sqlite_store_get_latest_version (), >=, 1);

  /* Each step is recorded once, with when it was applied. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM schema_migrations"),
                   ==, hubd_sqlite_store_get_latest_version ());
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT min(applied_at) FROM schema_migrations"),
                   >, 1700000000);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                              " AND name IN ('companies', 'users', 'contacts',"
                              " 'sessions', 'password_tokens', 'billing_contacts',"
                              " 'changes')"),
                   ==, 7);
  g_assert_true (hubd_store_is_empty (HUBD_STORE (store), &empty, &error));
  g_assert_true (empty);

  /* Write-ahead logging persists in the file. */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
}

static void
test_reopen_is_noop (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) first = hubd_sqlite_store_new (fixture->path, &error);
  g_autoptr (HubdSqliteStore) second = NULL;
  gint64 applied_at;

  g_assert_no_error (error);
  applied_at = query_int (fixture->path, "SELECT max(applied_at) FROM schema_migrations");
  g_clear_object (&first);

  second = hubd_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hubd_sqlite_store_get_schema_version (second), ==,
                    hubd_sqlite_store_get_latest_version ());
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM schema_migrations"),
                   ==, hubd_sqlite_store_get_latest_version ());
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT max(applied_at) FROM schema_migrations"),
                   ==, applied_at);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) store = hubd_sqlite_store_new (fixture->path, &error);
  g_autoptr (HubdSqliteStore) again = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO schema_migrations VALUES (999, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  again = hubd_sqlite_store_new (fixture->path, &error);
  g_assert_null (again);
  g_assert_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "newer hubd"));
}

static void
test_foreign_keys_enforced (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) store = hubd_sqlite_store_new (fixture->path, &error);
  HubdNewContact orphan = { .company_id = 42, .first_name = "No", .last_name = "Company" };

  g_assert_no_error (error);
  g_assert_cmpint (hubd_store_add_contact (HUBD_STORE (store), &orphan, &error), ==, 0);
  g_assert_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_CONFLICT);
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) sqlite = hubd_sqlite_store_new (fixture->path, &error);
  HubdStore *store = HUBD_STORE (sqlite);
  g_autoptr (HubdSession) session = NULL;
  g_autoptr (HubdSession) revoked = NULL;
  gint64 user;

  user = hubd_store_add_user (store, "a@example.com", "A", "B", NULL,
                              HUBD_USER_STATUS_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_true (hubd_store_create_session (store, "hash", user, 100, 200, &error));
  g_assert_true (hubd_store_touch_session (store, "hash", 150, &error));

  session = hubd_store_get_session (store, "hash", &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->user_id, ==, user);
  g_assert_cmpint (session->expires_at, ==, 200);
  g_assert_cmpint (session->last_seen_at, ==, 150);
  g_assert_false (session->revoked);

  g_assert_true (hubd_store_revoke_session (store, "hash", 160, &error));
  revoked = hubd_store_get_session (store, "hash", &error);
  g_assert_true (revoked->revoked);

  g_assert_null (hubd_store_get_session (store, "other", &error));
  g_assert_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND);
}

static void
test_password_token_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) sqlite = hubd_sqlite_store_new (fixture->path, &error);
  HubdStore *store = HUBD_STORE (sqlite);
  g_autoptr (HubdUser) user = NULL;
  g_autoptr (HubdSession) session = NULL;
  gint64 id;

  id = hubd_store_add_user (store, "New@Example.com", "N", "U", NULL,
                            HUBD_USER_STATUS_NEW, &error);
  g_assert_no_error (error);
  g_assert_true (hubd_store_create_session (store, "s", id, 100, 1000, &error));
  g_assert_true (hubd_store_create_password_token (store, "t", id,
                                                   HUBD_TOKEN_KIND_INVITE, 100,
                                                   500, &error));
  g_assert_true (hubd_store_create_password_token (store, "late", id,
                                                   HUBD_TOKEN_KIND_RESET, 100,
                                                   200, &error));

  /* Expired. */
  g_assert_false (hubd_store_set_password_with_token (store, "late", "h1", 300, &error));
  g_assert_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (hubd_store_set_password_with_token (store, "t", "h2", 300, &error));
  g_assert_no_error (error);

  /* Used. */
  g_assert_false (hubd_store_set_password_with_token (store, "t", "h3", 301, &error));
  g_assert_error (error, HUBD_STORE_ERROR, HUBD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Emails match whatever their case; the user is active, with the
   * password of the token that worked, and signed out everywhere. */
  user = hubd_store_find_user_by_email (store, "new@example.COM", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->password_hash, ==, "h2");
  g_assert_cmpint (user->status, ==, HUBD_USER_STATUS_ACTIVE);
  session = hubd_store_get_session (store, "s", &error);
  g_assert_true (session->revoked);
}

static void
test_prune (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) sqlite = hubd_sqlite_store_new (fixture->path, &error);
  HubdStore *store = HUBD_STORE (sqlite);
  gint64 user;

  user = hubd_store_add_user (store, "p@example.com", "P", "Q", NULL,
                              HUBD_USER_STATUS_ACTIVE, &error);
  g_assert_no_error (error);
  g_assert_true (hubd_store_create_session (store, "expired", user, 100, 200, &error));
  g_assert_true (hubd_store_create_session (store, "revoked", user, 100, 5000, &error));
  g_assert_true (hubd_store_revoke_session (store, "revoked", 300, &error));
  g_assert_true (hubd_store_create_session (store, "live", user, 100, 5000, &error));
  g_assert_true (hubd_store_create_password_token (store, "old", user,
                                                   HUBD_TOKEN_KIND_RESET, 100, 200,
                                                   &error));
  g_assert_true (hubd_store_create_password_token (store, "new", user,
                                                   HUBD_TOKEN_KIND_RESET, 100, 5000,
                                                   &error));

  g_assert_true (hubd_store_prune (store, 1000, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"
                                             " WHERE token_hash = 'live'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM password_tokens"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM password_tokens"
                                             " WHERE token_hash = 'new'"), ==, 1);
}

static char *
describe_demo (const char *path,
               guint64     seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubdSqliteStore) sqlite = hubd_sqlite_store_new (path, &error);
  HubdStore *store = HUBD_STORE (sqlite);
  g_autoptr (GString) description = g_string_new (NULL);
  g_autoptr (HubdUser) admin = NULL;
  g_autoptr (GPtrArray) memberships = NULL;

  g_assert_no_error (error);
  g_assert_true (hubd_demo_populate (store, HUBD_DEMO_SMALL, seed, &error));
  g_assert_no_error (error);

  admin = hubd_store_find_user_by_email (store, "admin@northwind.example", &error);
  g_assert_no_error (error);
  memberships = hubd_store_list_memberships (store, admin->id, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memberships->len, ==, 2);

  for (gint64 id = 1; id <= 3; id++) {
    g_autoptr (HubdCompany) company = hubd_store_get_company (store, id, &error);
    HubdCompanySummary summary;

    g_assert_no_error (error);
    g_assert_true (hubd_store_get_company_summary (store, id, &summary, &error));
    /* R1: every company has an active User Admin. */
    g_assert_cmpint (summary.user_admins, >=, 1);
    g_string_append_printf (description, "%s|%s|%s|%" G_GINT64_FORMAT "|%"
                            G_GINT64_FORMAT "|%" G_GINT64_FORMAT ";",
                            company->name, company->physical.line1, company->phone,
                            summary.locations, summary.contacts, summary.markets);
  }

  /* The same employees, visits and documents. */
  {
    g_autoptr (GPtrArray) centers = hubd_store_list_centers (store, 1, &error);
    HubdResultQuery query = {
      .company_id = 1, .visit_type = HUBD_TRISTATE_ANY, .reviewed = HUBD_TRISTATE_ANY,
      .flagged = HUBD_TRISTATE_ANY, .include_archived = TRUE,
      .sort = HUBD_RESULT_SORT_EMPLOYEE, .limit = 10,
    };
    g_autoptr (GPtrArray) results = NULL;
    gint64 total;

    g_assert_no_error (error);
    results = hubd_store_search_results (store, &query, &total, &error);
    g_assert_no_error (error);
    g_string_append_printf (description, "%u centers, %" G_GINT64_FORMAT " results;",
                            centers->len, total);
    for (guint i = 0; i < results->len; i++) {
      HubdResult *result = g_ptr_array_index (results, i);

      g_string_append_printf (description, "%s %s %s %s %s;", result->first_name,
                              result->last_name, result->date_of_birth,
                              result->document->code, result->center.name);
    }
  }

  return g_string_free (g_steal_pointer (&description), FALSE);
}

static void
test_demo_deterministic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *third = g_build_filename (fixture->dir, "third.db", NULL);
  g_autofree char *first = describe_demo (fixture->path, 1);
  g_autofree char *second = describe_demo (other, 1);
  g_autofree char *reseeded = describe_demo (third, 2);

  g_assert_true (g_str_has_prefix (first, "Northwind Logistics|"));
  g_assert_nonnull (strstr (first, ";Harbor Foods|"));
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, reseeded);

  for (const char *const *db = (const char *const[]) { other, third, NULL }; *db; db++) {
    g_autofree char *wal = g_strconcat (*db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (*db, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
    g_remove (*db);
  }
}

/* Every size keeps the rules the demo promises: R1 (an active User Admin
 * in every company) and R5 (one billing contact per location-market). */
static void
test_demo_sizes (Fixture       *fixture,
                 gconstpointer  data)
{
  const struct {
    HubdDemoSize size;
    gint64 companies;
    gint64 min_contacts;
    gint64 min_results;
    gint64 min_northwind_results;
  } sizes[] = {
    { HUBD_DEMO_SMALL, 3, 30, 900, 300 },
    { HUBD_DEMO_MEDIUM, 20, 200, 30000, 5000 },
    { HUBD_DEMO_LARGE, 200, 2000, 200000, 40000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++) {
    g_autofree char *name = g_strdup_printf ("size-%u.db", i);
    g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (HubdSqliteStore) store = hubd_sqlite_store_new (path, &error);

    g_assert_no_error (error);
    g_assert_true (hubd_demo_populate (HUBD_STORE (store), sizes[i].size, 1, &error));
    g_assert_no_error (error);

    g_assert_cmpint (query_int (path, "SELECT count(*) FROM companies"), ==,
                     sizes[i].companies);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM contacts"), >=,
                     sizes[i].min_contacts);
    g_assert_cmpint (query_int (path,
                                "SELECT count(*) FROM companies c WHERE NOT EXISTS"
                                " (SELECT 1 FROM contacts ct JOIN users u ON u.id = ct.user_id"
                                "  WHERE ct.company_id = c.id AND ct.role = 'user_admin'"
                                "  AND u.status = 'active')"),
                     ==, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM location_markets"), ==,
                     query_int (path, "SELECT count(*) FROM billing_contacts"));
    /* Billing contacts have portal access in the location's company. */
    g_assert_cmpint (query_int (path,
                                "SELECT count(*) FROM billing_contacts b"
                                " JOIN contacts ct ON ct.id = b.contact_id"
                                " JOIN locations l ON l.id = b.location_id"
                                " WHERE ct.company_id <> l.company_id OR ct.role = 'none'"),
                     ==, 0);
    /* Every role is there, and Billing Admins are User Admins. */
    g_assert_cmpint (query_int (path, "SELECT count(DISTINCT role) FROM contacts"), ==, 3);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM contacts"
                                      " WHERE perm_billing_admin AND role <> 'user_admin'"),
                     ==, 0);

    /* F15: documents of both kinds of visit, a claim number exactly on
     * injury visits, none posted in the future; some archived (R8), most
     * not. Large has more than 200,000, tens of thousands in Northwind. */
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM results"), >=,
                     sizes[i].min_results);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM results WHERE company_id = 1"),
                     >=, sizes[i].min_northwind_results);
    g_assert_cmpint (query_int (path, "SELECT count(DISTINCT document_type) FROM results"),
                     ==, 21);
    g_assert_cmpint (query_int (path,
                                "SELECT count(*) FROM visits"
                                " WHERE (visit_type = 'injury') <> (claim_number IS NOT NULL)"),
                     ==, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM results"
                                      " WHERE posted_at > unixepoch ()"), ==, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM results"
                                      " WHERE posted_at <= unixepoch () - 90 * 86400"), >, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM results"
                                      " WHERE posted_at > unixepoch () - 90 * 86400"), >,
                     query_int (path, "SELECT count(*) FROM results") / 3);

    g_clear_object (&store);
    g_remove (wal);
    g_remove (shm);
    g_remove (path);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hubd_crypto_init (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sqlite-store/migrations/fresh", test_fresh_database);
  ADD ("/sqlite-store/migrations/reopen", test_reopen_is_noop);
  ADD ("/sqlite-store/migrations/newer-refused", test_newer_schema_refused);
  ADD ("/sqlite-store/foreign-keys", test_foreign_keys_enforced);
  ADD ("/sqlite-store/sessions", test_sessions);
  ADD ("/sqlite-store/password-token-once", test_password_token_once);
  ADD ("/sqlite-store/prune", test_prune);
  ADD ("/sqlite-store/demo-deterministic", test_demo_deterministic);
  ADD ("/sqlite-store/demo-sizes", test_demo_sizes);

  return g_test_run ();
}
