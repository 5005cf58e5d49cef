/* test-rate-limiter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-rate-limiter.h"

static void
test_locks_after_max (void)
{
  g_autoptr (HubdRateLimiter) limiter = hubd_rate_limiter_new (3, 60, 300);

  hubd_rate_limiter_record (limiter, "a", 1000);
  hubd_rate_limiter_record (limiter, "a", 1001);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1002), ==, 0);

  hubd_rate_limiter_record (limiter, "a", 1002);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1002), ==, 300);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1100), ==, 202);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "b", 1002), ==, 0);

  /* The lock ends on time, with a clean slate. */
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1302), ==, 0);
  hubd_rate_limiter_record (limiter, "a", 1303);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1303), ==, 0);
}

static void
test_window_slides (void)
{
  g_autoptr (HubdRateLimiter) limiter = hubd_rate_limiter_new (3, 60, 300);

  hubd_rate_limiter_record (limiter, "a", 1000);
  hubd_rate_limiter_record (limiter, "a", 1030);
  /* The first attempt has left the window by now. */
  hubd_rate_limiter_record (limiter, "a", 1061);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1061), ==, 0);
  hubd_rate_limiter_record (limiter, "a", 1062);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1062), ==, 300);
}

static void
test_forget (void)
{
  g_autoptr (HubdRateLimiter) limiter = hubd_rate_limiter_new (2, 60, 300);

  hubd_rate_limiter_record (limiter, "a", 1000);
  hubd_rate_limiter_forget (limiter, "a");
  hubd_rate_limiter_record (limiter, "a", 1001);
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "a", 1001), ==, 0);
}

static void
test_many_keys (void)
{
  g_autoptr (HubdRateLimiter) limiter = hubd_rate_limiter_new (2, 60, 300);

  /* Old entries make room for new ones; a current lock survives. */
  hubd_rate_limiter_record (limiter, "locked", 1000);
  hubd_rate_limiter_record (limiter, "locked", 1000);
  for (guint i = 0; i < 25000; i++) {
    g_autofree char *key = g_strdup_printf ("key-%u", i);
    hubd_rate_limiter_record (limiter, key, 1000 + i / 100);
  }
  g_assert_cmpint (hubd_rate_limiter_check (limiter, "locked", 1200), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rate-limiter/locks-after-max", test_locks_after_max);
  g_test_add_func ("/rate-limiter/window-slides", test_window_slides);
  g_test_add_func ("/rate-limiter/forget", test_forget);
  g_test_add_func ("/rate-limiter/many-keys", test_many_keys);

  return g_test_run ();
}
