/* results-fixtures.h: known results, posted through the feed, for the
 * results tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "api-client.h"

G_BEGIN_DECLS

#define DAY (24 * 60 * 60)

/* A location and two centers of Northwind (co_1) to post to. */
typedef struct {
  char *location_id;
  char *center_ids[2];
  char *center_states[2];
} Places;

void  places_find            (HubTestServer *server,
                              const char    *token,
                              Places        *places);
void  places_clear           (Places        *places);
char *fixture_path           (const char    *format,
                              ...) G_GNUC_PRINTF (1, 2);
JsonArray *results_items     (ApiResponse   *response);
gint64     results_total     (ApiResponse   *response);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Places, places_clear)

G_END_DECLS
