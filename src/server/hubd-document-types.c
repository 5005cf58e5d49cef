/* hubd-document-types.c: the kinds of documents a visit produces
 *
 * The document types the HUB lists for injury and non-injury visits, each
 * with the fixed number of pages its layout draws. Drug screens are not
 * among them: their results are reported outside the HUB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-document-types.h"

#include <string.h>

static const HubdDocumentType types[] = {
  { "work_status_report", "Work Status Report", HUBD_VISIT_INJURY, 2 },
  { "therapy_appointment_detail", "Therapy Appointment Detail", HUBD_VISIT_INJURY, 1 },
  { "first_notice_of_injury", "First Notice of Injury Letter", HUBD_VISIT_INJURY, 2 },
  { "patient_referral", "Patient Referral", HUBD_VISIT_INJURY, 1 },
  { "recheck_reminder", "Recheck Reminder", HUBD_VISIT_INJURY, 1 },
  { "no_show_letter", "No-Show Letter", HUBD_VISIT_INJURY, 1 },
  { "state_injury_report", "State Injury Report", HUBD_VISIT_INJURY, 3 },
  { "custody_control_form", "Custody and Control Form", HUBD_VISIT_INJURY, 2 },
  { "alcohol_testing_form", "Alcohol Testing Form", HUBD_VISIT_INJURY, 1 },
  { "activity_status_report", "Activity Status Report", HUBD_VISIT_NON_INJURY, 1 },
  { "mec_dot_card", "MEC DOT Card", HUBD_VISIT_NON_INJURY, 1 },
  { "pre_placement_physical", "Pre-Placement Physical", HUBD_VISIT_NON_INJURY, 4 },
  { "audiogram", "Audiogram", HUBD_VISIT_NON_INJURY, 2 },
  { "human_performance_evaluation", "Human Performance Evaluation", HUBD_VISIT_NON_INJURY, 3 },
  { "respirator_clearance", "Respirator Clearance", HUBD_VISIT_NON_INJURY, 1 },
  { "fit_test", "Fit Test", HUBD_VISIT_NON_INJURY, 1 },
  { "medical_surveillance_opinion", "Medical Surveillance Opinion Letter",
    HUBD_VISIT_NON_INJURY, 2 },
  { "test_lab_results", "Test and Lab Results", HUBD_VISIT_NON_INJURY, 2 },
  { "vaccine_administration_record", "Vaccine Administration Record", HUBD_VISIT_NON_INJURY, 1 },
  { "other_physical", "Other Physical", HUBD_VISIT_NON_INJURY, 2 },
  { "customer_proprietary_form", "Customer Proprietary Form", HUBD_VISIT_NON_INJURY, 1 },
};

const HubdDocumentType *
hubd_document_types (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (types);
  return types;
}

const HubdDocumentType *
hubd_document_type_lookup (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (types); i++) {
    if (g_str_equal (types[i].code, code))
      return &types[i];
  }

  return NULL;
}

/* Whether every word of the query starts a word of the name, ignoring
 * case ("lab" and "test lab" both find "Test and Lab Results"). */
static gboolean
name_matches (const char  *name,
              char       **query_words)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_auto (GStrv) words = NULL;

  g_strdelimit (lower, "-", ' ');
  words = g_strsplit (lower, " ", -1);

  for (guint q = 0; query_words[q] != NULL; q++) {
    gboolean found = FALSE;

    if (*query_words[q] == '\0')
      continue;
    for (guint w = 0; words[w] != NULL && !found; w++)
      found = g_str_has_prefix (words[w], query_words[q]);
    if (!found)
      return FALSE;
  }

  return TRUE;
}

/* The types whose code is the query, or whose display name has a word
 * starting with each word of the query; an array of const
 * HubdDocumentType pointers, possibly empty. */
GPtrArray *
hubd_document_types_matching (const char *query)
{
  GPtrArray *matches = g_ptr_array_new ();
  g_autofree char *lower = NULL;
  g_auto (GStrv) words = NULL;
  const HubdDocumentType *exact;

  g_return_val_if_fail (query != NULL, matches);

  exact = hubd_document_type_lookup (query);
  if (exact != NULL) {
    g_ptr_array_add (matches, (gpointer) exact);
    return matches;
  }

  lower = g_ascii_strdown (query, -1);
  g_strstrip (lower);
  if (*lower == '\0')
    return matches;

  g_strdelimit (lower, "-", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++) {
    if (name_matches (types[i].name, words))
      g_ptr_array_add (matches, (gpointer) &types[i]);
  }

  return matches;
}

const char *
hubd_visit_type_to_string (HubdVisitType type)
{
  return type == HUBD_VISIT_INJURY ? "injury" : "non_injury";
}

gboolean
hubd_visit_type_from_string (const char    *text,
                             HubdVisitType *type)
{
  if (g_strcmp0 (text, "injury") == 0)
    *type = HUBD_VISIT_INJURY;
  else if (g_strcmp0 (text, "non_injury") == 0)
    *type = HUBD_VISIT_NON_INJURY;
  else
    return FALSE;

  return TRUE;
}
