/* hubd-demo-private.h: what the parts of the demo generator share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hubd-demo.h"

G_BEGIN_DECLS

#define DAY (24 * 60 * 60)

typedef struct {
  const char *name;
  const char *city;
  const char *state;
  int postal_base;
} Market;

typedef struct {
  gint64 location_id;
  guint market; /* index in the generator's markets */
} DemoLocation;

/* What the visits of one company are generated from. */
typedef struct {
  gint64 company_id;
  gint64 reviewer_user_id; /* a User Admin who reviews and flags */
  GArray *locations;       /* DemoLocation */
} DemoCompany;

typedef struct {
  HubdStore *store;
  GRand *rand;
  char *password_hash;
  gint64 now;
  guint n_contacts;

  const Market *markets;
  guint n_markets;
  GPtrArray *companies;    /* DemoCompany, in the order they were made */
  GRand *visit_rand;       /* apart from rand, so that visits do not
                            * change the people and places */
  GArray *center_ids;      /* per market, CENTERS_PER_MARKET each */
  guint n_visits;
  guint n_results;
} Generator;

#define CENTERS_PER_MARKET 2

void     demo_company_add_location (Generator  *gen,
                                    gint64      company_id,
                                    gint64      location_id,
                                    guint       market);
void     demo_company_set_reviewer (Generator  *gen,
                                    gint64      company_id,
                                    gint64      user_id);
void     demo_company_free         (DemoCompany *company);
gboolean demo_add_centers          (Generator  *gen,
                                    GError    **error);
gboolean demo_add_visits           (Generator   *gen,
                                    DemoCompany *company,
                                    guint        n_results,
                                    GError     **error);

G_END_DECLS
