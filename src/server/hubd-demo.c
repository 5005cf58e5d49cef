/* hubd-demo.c: a generated, deterministic demo data set
 *
 * The same seed and size always give the same companies, people and ids
 * (only times are relative to now). Northwind Logistics and Harbor Foods
 * come first, with the named demo accounts; generated companies follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-demo-private.h"

#include "hubd-crypto.h"
#include "hubd-error.h"

static const Market markets[] = {
  { "Dallas-Fort Worth", "Dallas", "TX", 75201 },
  { "Houston", "Houston", "TX", 77002 },
  { "San Antonio", "San Antonio", "TX", 78205 },
  { "Chicago", "Chicago", "IL", 60601 },
  { "Atlanta", "Atlanta", "GA", 30303 },
  { "Phoenix", "Phoenix", "AZ", 85003 },
  { "Denver", "Denver", "CO", 80202 },
  { "Seattle-Tacoma", "Seattle", "WA", 98101 },
  { "Portland", "Portland", "OR", 97201 },
  { "Los Angeles", "Los Angeles", "CA", 90012 },
  { "Newark", "Newark", "NJ", 7102 },
  { "Charlotte", "Charlotte", "NC", 28202 },
  { "Nashville", "Nashville", "TN", 37201 },
  { "Memphis", "Memphis", "TN", 38103 },
  { "Kansas City", "Kansas City", "MO", 64105 },
  { "Salt Lake City", "Salt Lake City", "UT", 84101 },
  { "Columbus", "Columbus", "OH", 43215 },
  { "Indianapolis", "Indianapolis", "IN", 46204 },
  { "Oklahoma City", "Oklahoma City", "OK", 73102 },
  { "Tampa Bay", "Tampa", "FL", 33602 },
};

static const char *const company_prefixes[] = {
  "Summit", "Cascade", "Pioneer", "Redwood", "Granite", "Bluebird", "Lakeside",
  "Ironwood", "Prairie", "Coastal", "Evergreen", "Riverbend", "Silverline",
  "Keystone", "Frontier", "Juniper", "Copperleaf", "Meridian", "Northstar",
  "Oakridge",
};

static const char *const company_suffixes[] = {
  "Manufacturing", "Freight", "Builders", "Health Services", "Packaging",
  "Distribution", "Energy", "Foods", "Logistics", "Staffing",
};

static const char *const location_kinds[] = {
  "Distribution Center", "Warehouse", "Plant", "Office", "Yard", "Terminal",
};

static const char *const streets[] = {
  "Commerce", "Industrial", "Main", "Oak", "Harbor", "Airport", "Market",
  "Station", "Mill", "Canal", "Lincoln", "Cedar", "Ridge", "Union",
};

static const char *const street_types[] = { "St", "Ave", "Blvd", "Rd", "Pkwy", "Dr" };

static const char *const first_names[] = {
  "Alex", "Jordan", "Taylor", "Morgan", "Riley", "Quinn", "Jamie", "Rowan",
  "Sam", "Parker", "Reese", "Skyler", "Drew", "Cameron", "Hayden", "Logan",
  "Maria", "Wei", "Aisha", "Diego", "Priya", "Kenji", "Fatima", "Olga",
  "Noah", "Liam", "Emma", "Sofia", "Mateo", "Chloe", "Ethan", "Grace",
};

static const char *const last_names[] = {
  "Nguyen", "Garcia", "Smith", "Johnson", "Patel", "Kim", "Okafor", "Rossi",
  "Schmidt", "Silva", "Cohen", "Haddad", "Novak", "Tanaka", "Murphy", "Lopez",
  "Brooks", "Reed", "Foster", "Price", "Bennett", "Hughes", "Ward", "Ellis",
};

typedef struct {
  guint companies;
  guint min_locations, max_locations;
  guint min_contacts, max_contacts;
  guint northwind_results, harbor_results, results; /* per company */
} SizeSpec;

/* Large: more than 200,000 documents, tens of thousands of them in the
 * demo User Admin's companies. */
static const SizeSpec sizes[] = {
  [HUBD_DEMO_SMALL] = { 3, 3, 5, 14, 20, 400, 300, 300 },
  [HUBD_DEMO_MEDIUM] = { 20, 3, 8, 10, 25, 6000, 4000, 1500 },
  [HUBD_DEMO_LARGE] = { 200, 2, 10, 15, 40, 45000, 25000, 700 },
};

gboolean
hubd_demo_size_from_string (const char   *text,
                            HubdDemoSize *size)
{
  static const char *const names[] = { "small", "medium", "large" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++) {
    if (g_strcmp0 (text, names[i]) == 0) {
      *size = i;
      return TRUE;
    }
  }

  return FALSE;
}

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static void
random_address (Generator    *gen,
                const Market *market,
                HubdAddress  *address)
{
  address->line1 = g_strdup_printf ("%d %s %s",
                                    g_rand_int_range (gen->rand, 100, 9900),
                                    PICK (gen, streets), PICK (gen, street_types));
  address->line2 = chance (gen, 0.3)
    ? g_strdup_printf ("Suite %d", g_rand_int_range (gen->rand, 100, 999))
    : NULL;
  address->city = g_strdup (market->city);
  address->state = g_strdup (market->state);
  address->postal_code = g_strdup_printf ("%05d", market->postal_base +
                                          g_rand_int_range (gen->rand, 0, 40));
}

static char *
random_phone (Generator *gen)
{
  return g_strdup_printf ("+1 %03d-555-%04d", g_rand_int_range (gen->rand, 201, 989),
                          g_rand_int_range (gen->rand, 100, 9999));
}

static gint64
add_company (Generator     *gen,
             const char    *name,
             const Market  *market,
             GError       **error)
{
  HubdAddress physical = { NULL, }, billing = { NULL, };
  g_autofree char *phone = random_phone (gen);
  gint64 id;

  random_address (gen, market, &physical);
  random_address (gen, market, &billing);
  id = hubd_store_add_company (gen->store, name, phone, &physical, &billing, error);
  hubd_address_clear (&physical);
  hubd_address_clear (&billing);

  return id;
}

/* Adds the company's locations, each in its home market and sometimes a
 * neighbouring one, with exactly one billing contact per location-market
 * pair (R5), picked among the portal users (prefer_billing first when set,
 * for every other pair). */
static gboolean
add_locations (Generator     *gen,
               gint64         company_id,
               guint          home_market,
               guint          n_locations,
               GArray        *portal_contacts,
               gint64         prefer_billing,
               GError       **error)
{
  guint pair = 0;

  for (guint i = 0; i < n_locations; i++) {
    guint m = (home_market + (i > 0 ? g_rand_int_range (gen->rand, 0, 4) : 0)) %
              G_N_ELEMENTS (markets);
    const Market *market = &markets[m];
    HubdAddress address = { NULL, };
    g_autofree char *name = g_strdup_printf ("%s %s", market->city,
                                             PICK (gen, location_kinds));
    g_autofree char *phone = random_phone (gen);
    guint n_markets = chance (gen, 0.3) ? 2 : 1;
    gint64 location_id;

    random_address (gen, market, &address);
    location_id = hubd_store_add_location (gen->store, company_id, name, phone,
                                           &address, error);
    hubd_address_clear (&address);
    if (location_id == 0)
      return FALSE;

    demo_company_add_location (gen, company_id, location_id, m);

    for (guint j = 0; j < n_markets; j++, pair++) {
      const Market *served = &markets[(m + j) % G_N_ELEMENTS (markets)];
      gint64 market_id, contact_id;

      market_id = hubd_store_add_market (gen->store, served->name, served->state,
                                         error);
      if (market_id == 0)
        return FALSE;

      if (prefer_billing != 0 && pair % 2 == 0)
        contact_id = prefer_billing;
      else
        contact_id = g_array_index (portal_contacts, gint64,
                                    g_rand_int_range (gen->rand, 0,
                                                      portal_contacts->len));

      if (!hubd_store_add_location_market (gen->store, location_id, market_id,
                                           contact_id, error))
        return FALSE;
    }
  }

  return TRUE;
}

typedef struct {
  const char *email;
  const char *first_name;
  const char *last_name;
  HubdRole role;
  gboolean active;
  gboolean patient_visit_activity;
  gboolean billing_admin;
  gboolean visit_search;
} Person;

static gint64
add_person (Generator     *gen,
            gint64         company_id,
            gint64         user_id,
            const Person  *person,
            GError       **error)
{
  g_autofree char *phone = random_phone (gen);
  HubdNewContact contact = {
    .company_id = company_id,
    .user_id = user_id,
    .first_name = person->first_name,
    .last_name = person->last_name,
    .email = person->email,
    .phone = phone,
    .role = person->role,
    .patient_visit_activity = person->patient_visit_activity,
    .billing_admin = person->billing_admin,
    .visit_search = person->visit_search,
  };

  if (user_id != 0 && person->active) {
    contact.login_count = g_rand_int_range (gen->rand, 1, 300);
    contact.last_login_at = gen->now - g_rand_int_range (gen->rand, DAY / 2, 60 * DAY);
  }

  gen->n_contacts++;
  return hubd_store_add_contact (gen->store, &contact, error);
}

static gint64
add_user (Generator     *gen,
          const Person  *person,
          GError       **error)
{
  return hubd_store_add_user (gen->store, person->email, person->first_name,
                              person->last_name,
                              person->active ? gen->password_hash : NULL,
                              person->active ? HUBD_USER_STATUS_ACTIVE
                                             : HUBD_USER_STATUS_NEW,
                              error);
}

/* Adds generated contacts of every role; returns the contact ids of those
 * with portal access in portal_contacts. */
static gboolean
add_generated_contacts (Generator   *gen,
                        gint64       company_id,
                        const char  *domain,
                        guint        n_contacts,
                        gboolean     needs_admin,
                        GArray      *portal_contacts,
                        GError     **error)
{
  for (guint i = 0; i < n_contacts; i++) {
    const char *first = PICK (gen, first_names);
    const char *last = PICK (gen, last_names);
    g_autofree char *email = NULL;
    g_autofree char *local = NULL;
    double r = g_rand_double (gen->rand);
    Person person = { .first_name = first, .last_name = last };
    gint64 user_id = 0, contact_id;

    person.role = (needs_admin && i == 0) || r < 0.15 ? HUBD_ROLE_USER_ADMIN
                : r < 0.70 ? HUBD_ROLE_BASIC : HUBD_ROLE_NONE;
    person.active = (needs_admin && i == 0) || chance (gen, 0.85);
    person.patient_visit_activity = person.role == HUBD_ROLE_BASIC && chance (gen, 0.3);
    person.visit_search = person.role == HUBD_ROLE_BASIC && chance (gen, 0.25);
    person.billing_admin = person.role == HUBD_ROLE_USER_ADMIN && chance (gen, 0.3);

    local = g_ascii_strdown (first, -1);
    if (person.role != HUBD_ROLE_NONE || chance (gen, 0.7)) {
      g_autofree char *last_lower = g_ascii_strdown (last, -1);
      email = g_strdup_printf ("%s.%s.%u@%s", local, last_lower,
                               gen->n_contacts + 1, domain);
    }
    person.email = email;

    if (person.role != HUBD_ROLE_NONE) {
      user_id = add_user (gen, &person, error);
      if (user_id == 0)
        return FALSE;
      if (person.role == HUBD_ROLE_USER_ADMIN && person.active)
        demo_company_set_reviewer (gen, company_id, user_id);
    }

    contact_id = add_person (gen, company_id, user_id, &person, error);
    if (contact_id == 0)
      return FALSE;
    if (person.role != HUBD_ROLE_NONE)
      g_array_append_val (portal_contacts, contact_id);
  }

  return TRUE;
}

static char *
domain_for (const char *company_name)
{
  g_autoptr (GString) domain = g_string_new (NULL);

  for (const char *p = company_name; *p != '\0'; p++) {
    if (g_ascii_isalnum (*p))
      g_string_append_c (domain, g_ascii_tolower (*p));
    else if (domain->len > 0 && domain->str[domain->len - 1] != '-')
      g_string_append_c (domain, '-');
  }
  g_string_append (domain, ".example");

  return g_string_free (g_steal_pointer (&domain), FALSE);
}

/* The named accounts of the README and of the tests. */
static const Person avery = { "admin@northwind.example", "Avery", "Admin",
                              HUBD_ROLE_USER_ADMIN, TRUE, FALSE, TRUE, FALSE };
static const Person blake = { "basic@northwind.example", "Blake", "Basic",
                              HUBD_ROLE_BASIC, TRUE, FALSE, FALSE, FALSE };
static const Person casey = { "activity@northwind.example", "Casey", "Carter",
                              HUBD_ROLE_BASIC, TRUE, TRUE, FALSE, TRUE };
static const Person dana = { "billing@northwind.example", "Dana", "Diaz",
                             HUBD_ROLE_BASIC, TRUE, FALSE, FALSE, FALSE };
static const Person indigo = { "invited@northwind.example", "Indigo", "Ito",
                               HUBD_ROLE_BASIC, FALSE, FALSE, FALSE, FALSE };
static const Person emery = { "emery.evans@northwind.example", "Emery", "Evans",
                              HUBD_ROLE_NONE, FALSE, FALSE, FALSE, FALSE };
static const Person finley = { NULL, "Finley", "Fox",
                               HUBD_ROLE_NONE, FALSE, FALSE, FALSE, FALSE };
static const Person harper = { "admin@harbor.example", "Harper", "Hale",
                               HUBD_ROLE_USER_ADMIN, TRUE, FALSE, FALSE, FALSE };

static guint
n_between (Generator *gen,
           guint      min,
           guint      max)
{
  return g_rand_int_range (gen->rand, min, max + 1);
}

static gboolean
add_named_companies (Generator       *gen,
                     const SizeSpec  *spec,
                     GError         **error)
{
  static const Person *const northwind_people[] = { &blake, &casey, &dana, &indigo };
  g_autoptr (GArray) portal = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 northwind, harbor, avery_id, harper_id, dana_contact = 0, id;

  northwind = add_company (gen, "Northwind Logistics", &markets[0], error);
  harbor = northwind != 0 ? add_company (gen, "Harbor Foods", &markets[7], error) : 0;
  if (harbor == 0)
    return FALSE;

  /* Avery Admin: User Admin of both (F5), Billing Admin in Northwind. */
  avery_id = add_user (gen, &avery, error);
  if (avery_id == 0 || (id = add_person (gen, northwind, avery_id, &avery, error)) == 0)
    return FALSE;
  demo_company_set_reviewer (gen, northwind, avery_id);
  g_array_append_val (portal, id);

  for (guint i = 0; i < G_N_ELEMENTS (northwind_people); i++) {
    const Person *person = northwind_people[i];
    gint64 user_id = add_user (gen, person, error);

    if (user_id == 0 || (id = add_person (gen, northwind, user_id, person, error)) == 0)
      return FALSE;
    g_array_append_val (portal, id);
    if (person == &dana)
      dana_contact = id;
  }

  /* Contacts without portal access: one to invite, one without email. */
  if (add_person (gen, northwind, 0, &emery, error) == 0 ||
      add_person (gen, northwind, 0, &finley, error) == 0)
    return FALSE;

  if (!add_generated_contacts (gen, northwind, "northwind.example",
                               n_between (gen, spec->min_contacts, spec->max_contacts) / 2,
                               FALSE, portal, error) ||
      !add_locations (gen, northwind, 0,
                      n_between (gen, spec->min_locations, spec->max_locations),
                      portal, dana_contact, error))
    return FALSE;

  g_array_set_size (portal, 0);
  harper_id = add_user (gen, &harper, error);
  if (harper_id == 0 ||
      (id = add_person (gen, harbor, harper_id, &harper, error)) == 0)
    return FALSE;
  demo_company_set_reviewer (gen, harbor, harper_id);
  g_array_append_val (portal, id);

  {
    Person avery_at_harbor = avery;

    avery_at_harbor.billing_admin = FALSE;
    if ((id = add_person (gen, harbor, avery_id, &avery_at_harbor, error)) == 0)
      return FALSE;
    g_array_append_val (portal, id);
  }

  return add_generated_contacts (gen, harbor, "harbor.example",
                                 n_between (gen, spec->min_contacts, spec->max_contacts) / 2,
                                 FALSE, portal, error) &&
         add_locations (gen, harbor, 7,
                        n_between (gen, spec->min_locations, spec->max_locations),
                        portal, 0, error);
}

static gboolean
add_generated_company (Generator       *gen,
                       const SizeSpec  *spec,
                       guint            index,
                       GError         **error)
{
  g_autoptr (GArray) portal = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *name = NULL;
  g_autofree char *domain = NULL;
  guint home = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (markets));
  guint n_names = G_N_ELEMENTS (company_prefixes) * G_N_ELEMENTS (company_suffixes);
  gint64 company_id;

  name = g_strdup_printf ("%s %s", company_prefixes[index % G_N_ELEMENTS (company_prefixes)],
                          company_suffixes[(index / G_N_ELEMENTS (company_prefixes)) %
                                           G_N_ELEMENTS (company_suffixes)]);
  if (index >= n_names) {
    g_autofree char *plain = g_steal_pointer (&name);
    name = g_strdup_printf ("%s %u", plain, index / n_names + 1);
  }

  domain = domain_for (name);
  company_id = add_company (gen, name, &markets[home], error);

  return company_id != 0 &&
         add_generated_contacts (gen, company_id, domain,
                                 n_between (gen, spec->min_contacts, spec->max_contacts),
                                 TRUE, portal, error) &&
         add_locations (gen, company_id, home,
                        n_between (gen, spec->min_locations, spec->max_locations),
                        portal, 0, error);
}

static gboolean
populate (Generator       *gen,
          const SizeSpec  *spec,
          GError         **error)
{
  if (!add_named_companies (gen, spec, error))
    return FALSE;

  for (guint i = 0; i + 2 < spec->companies; i++) {
    if (!add_generated_company (gen, spec, i, error))
      return FALSE;
  }

  if (!demo_add_centers (gen, error))
    return FALSE;

  /* Northwind and Harbor were made first. */
  for (guint i = 0; i < gen->companies->len; i++) {
    guint n_results = i == 0 ? spec->northwind_results
                    : i == 1 ? spec->harbor_results : spec->results;

    if (!demo_add_visits (gen, g_ptr_array_index (gen->companies, i), n_results,
                          error))
      return FALSE;
  }

  return TRUE;
}

gboolean
hubd_demo_populate (HubdStore     *store,
                    HubdDemoSize   size,
                    guint64        seed,
                    GError       **error)
{
  Generator gen = { .store = store };
  gint64 start;
  gboolean ok;

  g_return_val_if_fail (HUBD_IS_STORE (store), FALSE);
  g_return_val_if_fail (size < G_N_ELEMENTS (sizes), FALSE);

  /* One hash serves every demo account: hashing thousands of times would
   * take minutes and prove nothing. */
  gen.password_hash = hubd_password_hash (HUBD_DEMO_PASSWORD, error);
  if (gen.password_hash == NULL)
    return FALSE;

  gen.rand = g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32)) * 3u + size);
  gen.visit_rand = g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32)) * 7u + size);
  gen.now = g_get_real_time () / G_USEC_PER_SEC;
  gen.markets = markets;
  gen.n_markets = G_N_ELEMENTS (markets);
  gen.companies = g_ptr_array_new_with_free_func ((GDestroyNotify) demo_company_free);
  gen.center_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  start = g_get_monotonic_time ();

  ok = hubd_store_begin (store, error);
  if (ok) {
    ok = populate (&gen, &sizes[size], error) && hubd_store_commit (store, error);
    if (!ok)
      hubd_store_rollback (store);
  }

  ok = ok && hubd_store_optimize (store, error);

  if (ok)
    g_debug ("Created demo data in %.1f s: %u companies, %u contacts, "
             "%u visits, %u results",
             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
             sizes[size].companies, gen.n_contacts, gen.n_visits,
             gen.n_results);

  g_rand_free (gen.rand);
  g_rand_free (gen.visit_rand);
  g_ptr_array_unref (gen.companies);
  g_array_unref (gen.center_ids);
  g_free (gen.password_hash);
  return ok;
}

char *
hubd_demo_describe_accounts (void)
{
  return g_strdup_printf (
    "Demo accounts (password for all: %s):\n"
    "  admin@northwind.example     Avery Admin: User Admin of Northwind Logistics and\n"
    "                              Harbor Foods, Billing Admin in Northwind\n"
    "  basic@northwind.example     Blake Basic: Basic user of Northwind, no permissions\n"
    "  activity@northwind.example  Casey Carter: Basic, with Patient Visit Activity\n"
    "                              and visit search\n"
    "  billing@northwind.example   Dana Diaz: Basic, non-injury billing contact of\n"
    "                              Northwind locations\n"
    "  admin@harbor.example        Harper Hale: User Admin of Harbor Foods\n"
    "  invited@northwind.example   Indigo Ito: invited, no password yet (cannot sign in)\n",
    HUBD_DEMO_PASSWORD);
}
