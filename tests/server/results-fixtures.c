/* results-fixtures.c: known results, posted through the feed, for the
 * results tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "results-fixtures.h"

#include <stdarg.h>

void
places_find (HubTestServer *server,
             const char    *token,
             Places        *places)
{
  g_autoptr (ApiResponse) centers = api_call (server, "GET", "/api/v1/companies/co_1/centers",
                                              token, NULL);
  JsonArray *items;
  gint64 location;

  g_assert_cmpuint (centers->status, ==, 200);
  items = json_object_get_array_member (api_response_object (centers), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 2);
  for (guint i = 0; i < 2; i++) {
    JsonObject *center = json_array_get_object_element (items, i);

    places->center_ids[i] = g_strdup (json_object_get_string_member (center, "id"));
    places->center_states[i] = g_strdup (json_object_get_string_member (center, "state"));
  }

  location = api_query_int (server, "SELECT min(id) FROM locations WHERE company_id = 1");
  places->location_id = g_strdup_printf ("lo_%" G_GINT64_FORMAT, location);
}

void
places_clear (Places *places)
{
  g_clear_pointer (&places->location_id, g_free);
  for (guint i = 0; i < 2; i++) {
    g_clear_pointer (&places->center_ids[i], g_free);
    g_clear_pointer (&places->center_states[i], g_free);
  }
}

char *
fixture_path (const char *format,
              ...)
{
  va_list args;
  char *path;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);

  return path;
}

JsonArray *
results_items (ApiResponse *response)
{
  g_assert_cmpuint (response->status, ==, 200);
  return json_object_get_array_member (api_response_object (response), "items");
}

gint64
results_total (ApiResponse *response)
{
  g_assert_cmpuint (response->status, ==, 200);
  return json_object_get_int_member (api_response_object (response), "total");
}
