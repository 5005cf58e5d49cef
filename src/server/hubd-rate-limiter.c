/* hubd-rate-limiter.c: counts attempts per key and locks a key out
 *
 * A key (an account, a client address) with max_failures recorded attempts
 * within window_seconds is locked for lockout_seconds. The counts live in
 * memory only: a restart forgets them, which is acceptable for throttling
 * guessing, not for auditing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-rate-limiter.h"

/* Above this many keys, entries with nothing recent are dropped, so that a
 * flood of distinct keys cannot grow the table without bound. */
#define PRUNE_THRESHOLD 10000

typedef struct {
  GArray *failures; /* gint64 times, oldest first */
  gint64 locked_until;
} Entry;

struct _HubdRateLimiter
{
  GObject parent_instance;

  GHashTable *entries; /* key → Entry */
  guint max_failures;
  gint64 window;
  gint64 lockout;
};

G_DEFINE_FINAL_TYPE (HubdRateLimiter, hubd_rate_limiter, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_array_unref (entry->failures);
  g_free (entry);
}

HubdRateLimiter *
hubd_rate_limiter_new (guint  max_failures,
                       gint64 window_seconds,
                       gint64 lockout_seconds)
{
  HubdRateLimiter *self;

  g_return_val_if_fail (max_failures > 0, NULL);
  g_return_val_if_fail (window_seconds > 0 && lockout_seconds > 0, NULL);

  self = g_object_new (HUBD_TYPE_RATE_LIMITER, NULL);
  self->max_failures = max_failures;
  self->window = window_seconds;
  self->lockout = lockout_seconds;

  return self;
}

static void
drop_old_failures (HubdRateLimiter *self,
                   Entry           *entry,
                   gint64           now)
{
  guint old = 0;

  while (old < entry->failures->len &&
         g_array_index (entry->failures, gint64, old) <= now - self->window)
    old++;

  if (old > 0)
    g_array_remove_range (entry->failures, 0, old);
}

/* Returns how many seconds the key stays locked, 0 when it is free. */
gint64
hubd_rate_limiter_check (HubdRateLimiter *self,
                         const char      *key,
                         gint64           now)
{
  Entry *entry;

  g_return_val_if_fail (HUBD_IS_RATE_LIMITER (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL || entry->locked_until <= now)
    return 0;

  return entry->locked_until - now;
}

static void
prune (HubdRateLimiter *self,
       gint64           now)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry)) {
    drop_old_failures (self, entry, now);
    if (entry->failures->len == 0 && entry->locked_until <= now)
      g_hash_table_iter_remove (&iter);
  }
}

void
hubd_rate_limiter_record (HubdRateLimiter *self,
                                  const char      *key,
                                  gint64           now)
{
  Entry *entry;

  g_return_if_fail (HUBD_IS_RATE_LIMITER (self));
  g_return_if_fail (key != NULL);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL) {
    if (g_hash_table_size (self->entries) >= PRUNE_THRESHOLD)
      prune (self, now);

    entry = g_new0 (Entry, 1);
    entry->failures = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_hash_table_insert (self->entries, g_strdup (key), entry);
  }

  drop_old_failures (self, entry, now);
  g_array_append_val (entry->failures, now);

  if (entry->failures->len >= self->max_failures) {
    entry->locked_until = now + self->lockout;
    g_array_set_size (entry->failures, 0);
  }
}

void
hubd_rate_limiter_forget (HubdRateLimiter *self,
                          const char      *key)
{
  g_return_if_fail (HUBD_IS_RATE_LIMITER (self));
  g_return_if_fail (key != NULL);

  g_hash_table_remove (self->entries, key);
}

static void
hubd_rate_limiter_finalize (GObject *object)
{
  HubdRateLimiter *self = HUBD_RATE_LIMITER (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (hubd_rate_limiter_parent_class)->finalize (object);
}

static void
hubd_rate_limiter_class_init (HubdRateLimiterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubd_rate_limiter_finalize;
}

static void
hubd_rate_limiter_init (HubdRateLimiter *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) entry_free);
}
