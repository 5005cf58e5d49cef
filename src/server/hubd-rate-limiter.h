/* hubd-rate-limiter.h: counts attempts per key and locks a key out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HUBD_TYPE_RATE_LIMITER (hubd_rate_limiter_get_type ())

G_DECLARE_FINAL_TYPE (HubdRateLimiter, hubd_rate_limiter, HUBD, RATE_LIMITER, GObject)

HubdRateLimiter *hubd_rate_limiter_new            (guint            max_failures,
                                                   gint64           window_seconds,
                                                   gint64           lockout_seconds);
gint64           hubd_rate_limiter_check          (HubdRateLimiter *self,
                                                   const char      *key,
                                                   gint64           now);
void             hubd_rate_limiter_record (HubdRateLimiter *self,
                                                   const char      *key,
                                                   gint64           now);
void             hubd_rate_limiter_forget         (HubdRateLimiter *self,
                                                   const char      *key);

G_END_DECLS
