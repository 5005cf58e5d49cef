/* test-crypto.c: password hashes and bearer tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hubd-crypto.h"

static void
test_password_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = hubd_password_hash ("correct horse battery", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "correct horse battery"));
  g_assert_true (hubd_password_verify (hash, "correct horse battery"));
  g_assert_false (hubd_password_verify (hash, "correct horse batterY"));
  g_assert_false (hubd_password_verify (hash, ""));
}

static void
test_password_salted (void)
{
  g_autofree char *a = hubd_password_hash ("same password", NULL);
  g_autofree char *b = hubd_password_hash ("same password", NULL);

  g_assert_cmpstr (a, !=, b);
  g_assert_true (hubd_password_verify (a, "same password"));
  g_assert_true (hubd_password_verify (b, "same password"));
}

static void
test_password_missing_hash (void)
{
  /* A user who has not set a password never matches, not even "". */
  g_assert_false (hubd_password_verify (NULL, ""));
  g_assert_false (hubd_password_verify ("", "anything"));
  g_assert_false (hubd_password_verify ("not a hash", "not a hash"));
}

/* A sign-in must stay quick, and an unknown email must cost as much as a
 * known one. */
static void
test_password_timing (void)
{
  g_autofree char *hash = hubd_password_hash ("timing password", NULL);
  gint64 start, known, unknown;

  start = g_get_monotonic_time ();
  hubd_password_verify (hash, "wrong password");
  known = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  hubd_password_verify_nothing ("wrong password");
  unknown = g_get_monotonic_time () - start;

  g_test_message ("verify: %" G_GINT64_FORMAT " us, dummy: %" G_GINT64_FORMAT " us",
                  known, unknown);
  g_assert_cmpint (known, <, 1000 * 1000);
  g_assert_cmpint (unknown, >, known / 3);
}

static void
test_token_shape (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, NULL);

  for (guint i = 0; i < 100; i++) {
    char *token = hubd_token_new ();

    /* 32 random bytes, base64url without padding. */
    g_assert_cmpuint (strlen (token), ==, 43);
    g_assert_cmpuint (strspn (token, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "abcdefghijklmnopqrstuvwxyz0123456789-_"),
                      ==, 43);
    g_assert_false (g_hash_table_contains (seen, token));
    g_hash_table_add (seen, token);
  }
}

static void
test_token_hash (void)
{
  g_autofree char *token = hubd_token_new ();
  g_autofree char *hash = hubd_token_hash (token);
  g_autofree char *again = hubd_token_hash (token);
  g_autofree char *other = hubd_token_hash ("another token");

  g_assert_cmpuint (strlen (hash), ==, 64);
  g_assert_cmpstr (hash, ==, again);
  g_assert_cmpstr (hash, !=, other);
  g_assert_null (strstr (hash, token));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  hubd_crypto_init (&error);
  g_assert_no_error (error);

  g_test_add_func ("/crypto/password/round-trip", test_password_round_trip);
  g_test_add_func ("/crypto/password/salted", test_password_salted);
  g_test_add_func ("/crypto/password/missing-hash", test_password_missing_hash);
  g_test_add_func ("/crypto/password/timing", test_password_timing);
  g_test_add_func ("/crypto/token/shape", test_token_shape);
  g_test_add_func ("/crypto/token/hash", test_token_hash);

  return g_test_run ();
}
