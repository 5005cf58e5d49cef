/* hubd-demo-visits.c: the demo's medical centers, visits and documents
 *
 * Each company's employees visit the centers of their location's market
 * over the last 200 days; each visit posts one to three documents of its
 * type, so that some are archived (R8) and some are new. Older documents
 * are mostly reviewed by a User Admin of the company, a few are flagged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-demo-private.h"

#define HISTORY_DAYS 200

static const char *const center_areas[] = {
  "North", "West", "Downtown", "East", "Airport", "South", "Midtown", "Central",
};

static const char *const center_streets[] = {
  "Medical Pkwy", "Health Center Dr", "Wellness Blvd", "Clinic Rd", "Campus Dr",
};

/* Employees, apart from the contacts' names: with accents, so that
 * searches that ignore them have something to find. */
static const char *const employee_first_names[] = {
  "José", "María", "Zoë", "Renée", "Björn", "Chloé", "Andrés", "Noémie",
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
  "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph",
  "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Luis", "Nancy", "Anh",
  "Mohammed", "Mei", "Olu", "Ines", "Tariq", "Yuki", "Sven", "Aroha", "Dmitri",
};

static const char *const employee_last_names[] = {
  "Muñoz", "Peña", "Müller", "Nuñez", "Gómez", "Łukasz", "Sørensen", "Brontë",
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
  "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
  "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez",
  "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
  "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
  "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
};

typedef struct {
  const char *first_name;
  const char *last_name;
  char date_of_birth[11];
  char employee_id[8]; /* empty when the employer keeps none */
} Employee;

#define PICK_V(gen, array) \
  ((array)[g_rand_int_range ((gen)->visit_rand, 0, G_N_ELEMENTS (array))])

static DemoCompany *
find_company (Generator *gen,
              gint64     company_id)
{
  DemoCompany *company;

  for (guint i = gen->companies->len; i > 0; i--) {
    company = g_ptr_array_index (gen->companies, i - 1);
    if (company->company_id == company_id)
      return company;
  }

  company = g_new0 (DemoCompany, 1);
  company->company_id = company_id;
  company->locations = g_array_new (FALSE, FALSE, sizeof (DemoLocation));
  g_ptr_array_add (gen->companies, company);
  return company;
}

void
demo_company_add_location (Generator *gen,
                           gint64     company_id,
                           gint64     location_id,
                           guint      market)
{
  DemoLocation location = { location_id, market };

  g_array_append_val (find_company (gen, company_id)->locations, location);
}

/* The first User Admin named is the one who reviews. */
void
demo_company_set_reviewer (Generator *gen,
                           gint64     company_id,
                           gint64     user_id)
{
  DemoCompany *company = find_company (gen, company_id);

  if (company->reviewer_user_id == 0)
    company->reviewer_user_id = user_id;
}

void
demo_company_free (DemoCompany *company)
{
  g_array_unref (company->locations);
  g_free (company);
}

gboolean
demo_add_centers (Generator  *gen,
                  GError    **error)
{
  for (guint m = 0; m < gen->n_markets; m++) {
    const Market *market = &gen->markets[m];

    for (guint k = 0; k < CENTERS_PER_MARKET; k++) {
      const char *area = center_areas[(m + k * 3) % G_N_ELEMENTS (center_areas)];
      g_autofree char *name = g_strdup_printf ("HUB Occupational Health – %s %s",
                                               market->city, area);
      g_autofree char *line1 = g_strdup_printf ("%d %s",
                                                g_rand_int_range (gen->visit_rand, 100, 9900),
                                                PICK_V (gen, center_streets));
      g_autofree char *postal_code = g_strdup_printf ("%05d", market->postal_base +
                                                      g_rand_int_range (gen->visit_rand, 0, 40));
      g_autofree char *phone = g_strdup_printf ("+1 %03d-555-%04d",
                                                g_rand_int_range (gen->visit_rand, 201, 989),
                                                g_rand_int_range (gen->visit_rand, 100, 9999));
      HubdCenter center = {
        .name = name, .line1 = line1, .city = (char *) market->city,
        .state = (char *) market->state, .postal_code = postal_code, .phone = phone,
      };
      gint64 id = hubd_store_add_center (gen->store, &center, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (gen->center_ids, id);
    }
  }

  return TRUE;
}

static void
format_date (char   *buffer,
             gint64  unix_seconds)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%d");

  g_strlcpy (buffer, text, 11);
}

static GArray *
make_employees (Generator *gen,
                guint      n_employees)
{
  GArray *employees = g_array_sized_new (FALSE, TRUE, sizeof (Employee), n_employees);

  for (guint i = 0; i < n_employees; i++) {
    Employee employee = {
      .first_name = PICK_V (gen, employee_first_names),
      .last_name = PICK_V (gen, employee_last_names),
    };
    /* Born 1960 to 2004. */
    gint64 born = -315619200 + (gint64) g_rand_int_range (gen->visit_rand, 0, 45 * 365) * DAY;

    format_date (employee.date_of_birth, born);
    if (g_rand_double (gen->visit_rand) < 0.8)
      g_snprintf (employee.employee_id, sizeof employee.employee_id, "E%05d",
                  g_rand_int_range (gen->visit_rand, 10000, 99999));
    g_array_append_val (employees, employee);
  }

  return employees;
}

/* Picks n distinct document types of the visit's type. */
static guint
pick_documents (Generator               *gen,
                HubdVisitType            visit_type,
                const HubdDocumentType **picked,
                guint                    n)
{
  guint n_types, n_picked = 0;
  const HubdDocumentType *types = hubd_document_types (&n_types);

  while (n_picked < n) {
    const HubdDocumentType *type = &types[g_rand_int_range (gen->visit_rand, 0, n_types)];
    gboolean seen = FALSE;

    if (type->visit_type != visit_type)
      continue;
    for (guint i = 0; i < n_picked; i++)
      seen |= picked[i] == type;
    if (!seen)
      picked[n_picked++] = type;
  }

  return n_picked;
}

/* Reviewed and flagged marks, as a company's User Admin leaves them. */
static gboolean
add_marks (Generator    *gen,
           DemoCompany  *company,
           gint64        result_id,
           gint64        posted_at,
           GError      **error)
{
  double reviewed = gen->now - posted_at > 14 * DAY ? 0.6 : 0.15;
  gint64 at = posted_at + g_rand_int_range (gen->visit_rand, 3600, 5 * DAY);
  gboolean changed;

  at = MIN (at, gen->now);

  if (company->reviewer_user_id == 0)
    return TRUE;

  if (g_rand_double (gen->visit_rand) < reviewed &&
      (!hubd_store_set_result_reviewed (gen->store, company->company_id, result_id,
                                        company->reviewer_user_id, at, &changed,
                                        error) ||
       !hubd_store_mark_result_opened (gen->store, result_id,
                                       company->reviewer_user_id, at, error)))
    return FALSE;

  if (g_rand_double (gen->visit_rand) < 0.03 &&
      !hubd_store_set_result_flag (gen->store, company->company_id, result_id,
                                   company->reviewer_user_id, TRUE, at, &changed,
                                   error))
    return FALSE;

  return TRUE;
}

static gboolean
add_visit (Generator    *gen,
           DemoCompany  *company,
           GArray       *employees,
           guint        *n_results,
           GError      **error)
{
  const Employee *employee = &g_array_index (employees, Employee,
                                             g_rand_int_range (gen->visit_rand, 0,
                                                               employees->len));
  const DemoLocation *location = &g_array_index (company->locations, DemoLocation,
                                                 g_rand_int_range (gen->visit_rand, 0,
                                                                   company->locations->len));
  gint64 day = (gen->now / DAY - g_rand_int_range (gen->visit_rand, 0, HISTORY_DAYS)) * DAY;
  const HubdDocumentType *documents[3];
  char visit_date[11], claim[16];
  HubdNewVisit visit = {
    .company_id = company->company_id,
    .location_id = location->location_id,
    .center_id = g_array_index (gen->center_ids, gint64,
                                location->market * CENTERS_PER_MARKET +
                                g_rand_int_range (gen->visit_rand, 0, CENTERS_PER_MARKET)),
    .first_name = employee->first_name,
    .last_name = employee->last_name,
    .date_of_birth = employee->date_of_birth,
    .employee_id = employee->employee_id[0] != '\0' ? employee->employee_id : NULL,
    .visit_date = visit_date,
    .visit_type = g_rand_double (gen->visit_rand) < 0.45 ? HUBD_VISIT_INJURY
                                                         : HUBD_VISIT_NON_INJURY,
  };
  guint n_documents = 1 + (g_rand_double (gen->visit_rand) < 0.45) +
                      (g_rand_double (gen->visit_rand) < 0.15);
  gint64 visit_id;

  n_documents = MIN (n_documents, *n_results);
  format_date (visit_date, day);
  if (visit.visit_type == HUBD_VISIT_INJURY) {
    g_snprintf (claim, sizeof claim, "WC-%.2s-%06d", visit_date + 2,
                g_rand_int_range (gen->visit_rand, 0, 999999));
    visit.claim_number = claim;
  }

  visit_id = hubd_store_add_visit (gen->store, &visit, error);
  if (visit_id == 0)
    return FALSE;
  gen->n_visits++;

  pick_documents (gen, visit.visit_type, documents, n_documents);
  for (guint i = 0; i < n_documents; i++) {
    /* Posted the day of the visit or up to two days later, in clinic
     * hours, and never in the future. */
    gint64 posted_at = day + 8 * 60 * 60 +
                       g_rand_int_range (gen->visit_rand, 0, 3) * DAY +
                       g_rand_int_range (gen->visit_rand, 0, 10 * 60 * 60);
    gint64 result_id;

    posted_at = MIN (posted_at, gen->now - 60);
    result_id = hubd_store_add_result (gen->store, visit_id, documents[i]->code,
                                       posted_at, error);
    if (result_id == 0 || !add_marks (gen, company, result_id, posted_at, error))
      return FALSE;
    gen->n_results++;
    (*n_results)--;
  }

  return TRUE;
}

gboolean
demo_add_visits (Generator    *gen,
                 DemoCompany  *company,
                 guint         n_results,
                 GError      **error)
{
  g_autoptr (GArray) employees = NULL;

  if (company->locations->len == 0)
    return TRUE;

  /* Employees come back: a few documents each on average. */
  employees = make_employees (gen, MAX (20, n_results / 5));
  while (n_results > 0) {
    if (!add_visit (gen, company, employees, &n_results, error))
      return FALSE;
  }

  return TRUE;
}
