/* hubd-pdf-layouts.c: one page layout per document type
 *
 * Each layout fills in what a reader of that form expects to find, with
 * values drawn from the document's seeded random sequence, on exactly
 * the number of pages of its type (hubd-document-types.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-pdf-private.h"

#include <string.h>

static const char *const body_parts[] = {
  "Left wrist", "Right shoulder", "Lower back", "Left knee", "Right ankle",
  "Right hand", "Neck", "Left forearm",
};

static const char *const diagnoses[] = {
  "Sprain of ligaments", "Strain of muscle and tendon", "Contusion",
  "Laceration without foreign body", "Tendinitis", "Superficial abrasion",
};

static const char *const mechanisms[] = {
  "lifting a loaded carton from floor level",
  "slipping on a wet surface in the loading area",
  "striking a hand against a pallet rack",
  "repetitive scanning at a packing station",
  "stepping down from a forklift",
};

/* --- injury -------------------------------------------------------------- */

static void
restrictions (PdfDoc *doc)
{
  g_autofree char *lift = g_strdup_printf ("No lifting over %d lbs",
                                           5 * pdf_random (doc, 2, 6));
  gboolean full_duty = pdf_random (doc, 0, 5) == 0;

  pdf_heading (doc, "Work status");
  pdf_checkbox (doc, full_duty, "Return to full duty without restrictions");
  pdf_checkbox (doc, !full_duty, "Return to modified duty with the restrictions below");
  pdf_checkbox (doc, FALSE, "Off work until the next visit");
  pdf_heading (doc, "Work restrictions");
  pdf_checkbox (doc, !full_duty, lift);
  pdf_checkbox (doc, !full_duty && pdf_random (doc, 0, 2), "No repetitive bending or twisting");
  pdf_checkbox (doc, !full_duty && pdf_random (doc, 0, 2), "Limited use of the injured hand");
  pdf_checkbox (doc, !full_duty && pdf_random (doc, 0, 2), "Sit-down work only");
  pdf_checkbox (doc, !full_duty && pdf_random (doc, 0, 2),
                "No climbing ladders or operating machinery");
}

static void
layout_work_status_report (PdfDoc *doc)
{
  g_autofree char *recheck = pdf_date_after (doc, pdf_random (doc, 5, 15));
  g_autofree char *injury_date = pdf_date_after (doc, -pdf_random (doc, 0, 4));
  g_autofree char *hours = g_strdup_printf ("%d hours per day", pdf_random (doc, 4, 9));

  pdf_patient (doc);
  pdf_heading (doc, "Injury");
  pdf_fields (doc,
              "Date of injury", injury_date,
              "Body part", PDF_PICK (doc, body_parts),
              "Diagnosis", PDF_PICK (doc, diagnoses),
              "Work related", "Yes",
              NULL);
  restrictions (doc);
  pdf_fields (doc, "Hours", hours, "Restrictions valid until", recheck, NULL);

  pdf_next_page (doc);
  pdf_heading (doc, "Treatment plan");
  pdf_table_row (doc, TRUE, "Treatment", "Frequency", "Duration", NULL);
  pdf_table_row (doc, FALSE, "Ice and elevation", "3 times a day", "1 week", NULL);
  pdf_table_row (doc, FALSE, "Ibuprofen 400 mg", "Every 8 hours", "5 days", NULL);
  pdf_table_row (doc, FALSE, "Physical therapy", "2 times a week", "3 weeks", NULL);
  pdf_heading (doc, "Next visit");
  pdf_fields (doc, "Recheck", recheck, "With", doc->provider, NULL);
  pdf_paragraph (doc, "The employee was seen today and may work within the "
                      "restrictions above. Please contact the clinic if "
                      "suitable modified duty is not available.");
  pdf_signature (doc, "Treating provider");
}

static void
layout_therapy_appointment_detail (PdfDoc *doc)
{
  static const char *const therapies[] = {
    "Therapeutic exercise", "Manual therapy", "Neuromuscular re-education",
    "Ultrasound", "Hot or cold packs",
  };

  pdf_patient (doc);
  pdf_heading (doc, "Therapy appointments");
  pdf_table_row (doc, TRUE, "Date", "Time", "Therapy", "Status", NULL);
  for (int i = 0; i < 8; i++) {
    g_autofree char *date = pdf_date_after (doc, 2 + i * 3);
    g_autofree char *time = g_strdup_printf ("%d:%02d", pdf_random (doc, 8, 17),
                                             15 * pdf_random (doc, 0, 4));

    pdf_table_row (doc, FALSE, date, time, PDF_PICK (doc, therapies),
                   i < 2 ? "Attended" : "Scheduled", NULL);
  }
  pdf_heading (doc, "Plan of care");
  pdf_paragraph (doc, "Two sessions a week for four weeks, then reassessment "
                      "by the treating provider. Home exercise program given "
                      "at the first session.");
  pdf_signature (doc, "Physical therapist");
}

static void
layout_first_notice_of_injury (PdfDoc *doc)
{
  g_autofree char *injury_date = pdf_date_after (doc, -pdf_random (doc, 0, 3));
  g_autofree char *mechanism = g_strdup_printf ("The employee reports %s.",
                                                PDF_PICK (doc, mechanisms));

  pdf_patient (doc);
  pdf_heading (doc, "To the employer");
  pdf_paragraph (doc, "This letter is the first notice that your employee was "
                      "treated at our clinic for a work-related injury. Please "
                      "report the claim to your workers' compensation carrier "
                      "and keep this letter with the employee's claim file.");
  pdf_heading (doc, "Injury reported");
  pdf_fields (doc,
              "Date of injury", injury_date,
              "Body part", PDF_PICK (doc, body_parts),
              "Reported by", "Employee",
              "Witnesses", pdf_random (doc, 0, 2) ? "Yes" : "None named",
              NULL);
  pdf_paragraph (doc, mechanism);

  pdf_next_page (doc);
  pdf_heading (doc, "Employer checklist");
  pdf_checkbox (doc, FALSE, "Report the injury to the carrier within 24 hours");
  pdf_checkbox (doc, FALSE, "Send the carrier the claim number shown above");
  pdf_checkbox (doc, FALSE, "Review the work status report for restrictions");
  pdf_checkbox (doc, FALSE, "Post the state's workers' compensation notice");
  pdf_paragraph (doc, "Questions about this letter go to the clinic's case "
                      "manager at the phone number above.");
  pdf_signature (doc, "Case manager");
}

static void
layout_patient_referral (PdfDoc *doc)
{
  static const char *const specialties[] = {
    "Orthopedic surgery", "Hand surgery", "Physical medicine", "Neurology",
    "Occupational therapy",
  };
  g_autofree char *reason = g_strdup_printf ("%s of the %s, not improving with "
                                             "conservative care.",
                                             PDF_PICK (doc, diagnoses),
                                             PDF_PICK (doc, body_parts));

  pdf_patient (doc);
  pdf_heading (doc, "Referral");
  pdf_fields (doc,
              "Specialty", PDF_PICK (doc, specialties),
              "Urgency", pdf_random (doc, 0, 3) ? "Routine" : "Urgent",
              "Authorization", "Pending carrier approval",
              "Visits requested", "1 evaluation",
              NULL);
  pdf_heading (doc, "Reason for referral");
  pdf_paragraph (doc, reason);
  pdf_heading (doc, "Enclosed");
  pdf_checkbox (doc, TRUE, "Office notes");
  pdf_checkbox (doc, pdf_random (doc, 0, 2), "Imaging report");
  pdf_checkbox (doc, TRUE, "Work status report");
  pdf_signature (doc, "Referring provider");
}

static void
layout_recheck_reminder (PdfDoc *doc)
{
  g_autofree char *recheck = pdf_date_after (doc, pdf_random (doc, 5, 12));
  g_autofree char *time = g_strdup_printf ("%d:%02d", pdf_random (doc, 8, 17),
                                           15 * pdf_random (doc, 0, 4));

  pdf_patient (doc);
  pdf_heading (doc, "Recheck appointment");
  pdf_fields (doc, "Date", recheck, "Time", time, "With", doc->provider,
              "Where", doc->result->center.name, NULL);
  pdf_paragraph (doc, "Your employee has a follow-up visit for a work "
                      "injury. Please make sure they can attend: work "
                      "restrictions stay in effect until they are seen "
                      "again. To reschedule, call the clinic.");
  pdf_signature (doc, "Scheduling");
}

static void
layout_no_show_letter (PdfDoc *doc)
{
  g_autofree char *missed = pdf_date_after (doc, pdf_random (doc, 3, 10));

  pdf_patient (doc);
  pdf_heading (doc, "Missed appointment");
  pdf_fields (doc, "Appointment", missed, "Type", "Injury recheck", NULL);
  pdf_paragraph (doc, "Your employee did not attend the appointment above and "
                      "did not call to reschedule. Their last work status "
                      "remains in effect. Please ask them to call the clinic "
                      "to book a new visit; the carrier has been informed.");
  pdf_signature (doc, "Clinic manager");
}

static void
layout_state_injury_report (PdfDoc *doc)
{
  g_autofree char *injury_date = pdf_date_after (doc, -pdf_random (doc, 0, 3));
  g_autofree char *form = g_strdup_printf ("State of %s: Employer's and "
                                           "physician's report of work injury",
                                           doc->result->state);
  g_autofree char *lost_days = g_strdup_printf ("%d", pdf_random (doc, 0, 6));

  pdf_paragraph (doc, form);
  pdf_patient (doc);
  pdf_heading (doc, "Part A: the injury");
  pdf_fields (doc,
              "Date of injury", injury_date,
              "Body part", PDF_PICK (doc, body_parts),
              "Nature", PDF_PICK (doc, diagnoses),
              "On employer premises", "Yes",
              NULL);
  pdf_paragraph (doc, PDF_PICK (doc, mechanisms));

  pdf_next_page (doc);
  pdf_heading (doc, "Part B: medical findings");
  pdf_table_row (doc, TRUE, "Finding", "Result", NULL);
  pdf_table_row (doc, FALSE, "Range of motion", pdf_random (doc, 0, 2) ? "Reduced" : "Full", NULL);
  pdf_table_row (doc, FALSE, "Swelling", pdf_random (doc, 0, 2) ? "Mild" : "None", NULL);
  pdf_table_row (doc, FALSE, "X-ray", pdf_random (doc, 0, 3) ? "No fracture" : "Not taken", NULL);
  pdf_heading (doc, "Part C: disability");
  pdf_fields (doc, "Days lost", lost_days, "Maximum improvement", "Not yet", NULL);

  pdf_next_page (doc);
  pdf_heading (doc, "Part D: certification");
  pdf_paragraph (doc, "I certify that the information in this report is true "
                      "and complete to the best of my knowledge, and that the "
                      "treatment described is reasonable and necessary for "
                      "the work injury.");
  pdf_signature (doc, "Attending physician");
}

static void
layout_custody_control_form (PdfDoc *doc)
{
  g_autofree char *specimen = g_strdup_printf ("%07d", pdf_random (doc, 1000000, 9999999));
  g_autofree char *time = g_strdup_printf ("%d:%02d", pdf_random (doc, 7, 18),
                                           pdf_random (doc, 0, 60));
  g_autofree char *temperature = g_strdup_printf ("%d.%d °F", 94 + pdf_random (doc, 0, 5),
                                                  pdf_random (doc, 0, 10));

  pdf_patient (doc);
  pdf_heading (doc, "Step 1: collection");
  pdf_fields (doc,
              "Specimen ID", specimen,
              "Reason", "Post-accident",
              "Collected at", time,
              "Temperature in range", "Yes",
              NULL);
  pdf_fields (doc, "Temperature", temperature, "Split specimen", "Yes", NULL);
  pdf_heading (doc, "Step 2: collector");
  pdf_paragraph (doc, "I certify that the specimen given to me by the donor "
                      "identified above was collected, labeled and sealed in "
                      "accordance with applicable requirements.");
  pdf_signature (doc, "Collector");

  pdf_next_page (doc);
  pdf_heading (doc, "Step 3: chain of custody");
  pdf_table_row (doc, TRUE, "Released by", "Received by", "Purpose", NULL);
  pdf_table_row (doc, FALSE, "Collector", "Courier", "Shipment", NULL);
  pdf_table_row (doc, FALSE, "Courier", "Laboratory", "Testing", NULL);
  pdf_heading (doc, "Step 4: donor");
  pdf_paragraph (doc, "I certify that I provided my specimen to the collector, "
                      "that I did not adulterate it, and that the label on it "
                      "carries the specimen ID above.");
}

static void
layout_alcohol_testing_form (PdfDoc *doc)
{
  g_autofree char *screen = g_strdup_printf ("0.0%02d", pdf_random (doc, 0, 3));
  g_autofree char *device = g_strdup_printf ("EBT serial %05d", pdf_random (doc, 10000, 99999));

  pdf_patient (doc);
  pdf_heading (doc, "Step 1: reason for test");
  pdf_checkbox (doc, TRUE, "Post-accident");
  pdf_checkbox (doc, FALSE, "Reasonable suspicion");
  pdf_checkbox (doc, FALSE, "Random");
  pdf_heading (doc, "Step 2: breath alcohol technician");
  pdf_table_row (doc, TRUE, "Test", "Device", "Result (g/210 L)", NULL);
  pdf_table_row (doc, FALSE, "Screening", device, screen, NULL);
  pdf_table_row (doc, FALSE, "Confirmation", "Not required", "—", NULL);
  pdf_paragraph (doc, "A result below 0.020 is negative; no confirmation test "
                      "is needed and the employee may perform safety-sensitive "
                      "functions.");
  pdf_signature (doc, "Breath alcohol technician");
}

/* --- non-injury ---------------------------------------------------------- */

static void
layout_activity_status_report (PdfDoc *doc)
{
  static const char *const services[] = {
    "Pre-employment physical", "Hearing test", "Vision screen",
    "TB skin test", "Respirator questionnaire", "Lift test",
  };

  pdf_patient (doc);
  pdf_heading (doc, "Services today");
  pdf_table_row (doc, TRUE, "Service", "Status", "Result", NULL);
  for (int i = 0; i < 4; i++)
    pdf_table_row (doc, FALSE, PDF_PICK (doc, services), "Completed",
                   pdf_random (doc, 0, 6) ? "Meets requirements" : "Pending review",
                   NULL);
  pdf_heading (doc, "Status");
  pdf_checkbox (doc, TRUE, "Cleared for the position as described by the employer");
  pdf_checkbox (doc, FALSE, "Not cleared: see the provider's notes");
  pdf_signature (doc, "Examining provider");
}

static void
layout_mec_dot_card (PdfDoc *doc)
{
  g_autofree char *expires = pdf_date_after (doc, pdf_random (doc, 0, 2) ? 730 : 365);
  g_autofree char *registry = g_strdup_printf ("%010d", pdf_random (doc, 100000000, 999999999));
  g_autofree char *license = g_strdup_printf ("%s-%06d", doc->result->state,
                                              pdf_random (doc, 100000, 999999));

  pdf_heading (doc, "Medical Examiner's Certificate");
  pdf_paragraph (doc, "I certify that I have examined the driver below in "
                      "accordance with the Federal Motor Carrier Safety "
                      "Regulations (49 CFR 391.41-391.49) and with knowledge "
                      "of the driving duties, I find this person is qualified.");
  pdf_patient (doc);
  pdf_heading (doc, "Certification");
  pdf_fields (doc,
              "Certificate expires", expires,
              "Driver license", license,
              "Examiner registry number", registry,
              "Examiner", doc->provider,
              NULL);
  pdf_checkbox (doc, TRUE, "Meets standards in 49 CFR 391.41");
  pdf_checkbox (doc, pdf_random (doc, 0, 4) == 0, "Wearing corrective lenses");
  pdf_checkbox (doc, FALSE, "Accompanied by a waiver or exemption");
  pdf_signature (doc, "Medical examiner");
}

static void
vitals (PdfDoc *doc)
{
  g_autofree char *height = g_strdup_printf ("%d in", pdf_random (doc, 60, 77));
  g_autofree char *weight = g_strdup_printf ("%d lbs", pdf_random (doc, 120, 260));
  g_autofree char *pressure = g_strdup_printf ("%d/%d", pdf_random (doc, 105, 145),
                                               pdf_random (doc, 65, 92));
  g_autofree char *pulse = g_strdup_printf ("%d", pdf_random (doc, 55, 95));

  pdf_heading (doc, "Vital signs");
  pdf_fields (doc, "Height", height, "Weight", weight,
              "Blood pressure", pressure, "Pulse", pulse, NULL);
}

static void
review_of_systems (PdfDoc *doc,
                   guint   first,
                   guint   count)
{
  static const char *const systems[] = {
    "Head, eyes, ears, nose, throat", "Neck", "Lungs and chest", "Heart",
    "Abdomen", "Spine", "Upper extremities", "Lower extremities",
    "Neurological", "Skin", "Psychiatric", "Vision",
  };

  pdf_table_row (doc, TRUE, "System", "Finding", NULL);
  for (guint i = first; i < first + count && i < G_N_ELEMENTS (systems); i++)
    pdf_table_row (doc, FALSE, systems[i],
                   pdf_random (doc, 0, 8) ? "Normal" : "Abnormal: see notes", NULL);
}

static void
layout_pre_placement_physical (PdfDoc *doc)
{
  pdf_patient (doc);
  vitals (doc);
  pdf_heading (doc, "Position");
  pdf_fields (doc, "Job title", "Warehouse associate",
              "Physical demand", "Heavy (50 lbs occasionally)", NULL);

  pdf_next_page (doc);
  pdf_heading (doc, "Examination");
  review_of_systems (doc, 0, 6);

  pdf_next_page (doc);
  pdf_heading (doc, "Examination (continued)");
  review_of_systems (doc, 6, 6);
  pdf_heading (doc, "Tests");
  pdf_table_row (doc, TRUE, "Test", "Result", NULL);
  pdf_table_row (doc, FALSE, "Vision (Snellen)", "20/20 both eyes", NULL);
  pdf_table_row (doc, FALSE, "Urinalysis", "Negative", NULL);

  pdf_next_page (doc);
  pdf_heading (doc, "Determination");
  pdf_checkbox (doc, TRUE, "Medically qualified for the position");
  pdf_checkbox (doc, FALSE, "Qualified with accommodations");
  pdf_checkbox (doc, FALSE, "Not qualified");
  pdf_signature (doc, "Examining provider");
}

static void
layout_audiogram (PdfDoc *doc)
{
  static const char *const frequencies[] = {
    "500", "1000", "2000", "3000", "4000", "6000", "8000",
  };

  pdf_patient (doc);
  pdf_heading (doc, "Pure-tone thresholds (dB HL)");
  pdf_table_row (doc, TRUE, "Frequency (Hz)", "Right ear", "Left ear", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++) {
    g_autofree char *right = g_strdup_printf ("%d", 5 * pdf_random (doc, 0, 6 + i));
    g_autofree char *left = g_strdup_printf ("%d", 5 * pdf_random (doc, 0, 6 + i));

    pdf_table_row (doc, FALSE, frequencies[i], right, left, NULL);
  }
  pdf_fields (doc, "Audiometer", "Calibrated this year", "Booth", "Certified", NULL);

  pdf_next_page (doc);
  pdf_heading (doc, "Comparison with the baseline");
  pdf_checkbox (doc, TRUE, "No standard threshold shift");
  pdf_checkbox (doc, FALSE, "Standard threshold shift: retest within 30 days");
  pdf_paragraph (doc, "Hearing protection should be worn in areas at or above "
                      "85 dBA. The employee was counseled on fitting earplugs.");
  pdf_signature (doc, "Audiometric technician");
}

static void
layout_human_performance_evaluation (PdfDoc *doc)
{
  static const char *const tasks[] = {
    "Floor to waist lift", "Waist to shoulder lift", "Carry 50 ft",
    "Push sled", "Pull sled", "Ladder climb", "Crouch", "Kneel",
  };

  pdf_patient (doc);
  pdf_heading (doc, "Job demands tested");
  pdf_table_row (doc, TRUE, "Task", "Required", "Demonstrated", NULL);
  for (guint i = 0; i < 4; i++) {
    g_autofree char *required = g_strdup_printf ("%d lbs", 10 * pdf_random (doc, 2, 6));
    g_autofree char *shown = g_strdup_printf ("%d lbs", 10 * pdf_random (doc, 3, 8));

    pdf_table_row (doc, FALSE, tasks[i], required, shown, NULL);
  }

  pdf_next_page (doc);
  pdf_heading (doc, "Positional tolerance");
  pdf_table_row (doc, TRUE, "Task", "Required", "Demonstrated", NULL);
  for (guint i = 4; i < G_N_ELEMENTS (tasks); i++)
    pdf_table_row (doc, FALSE, tasks[i], "Frequent", "Frequent", NULL);
  vitals (doc);

  pdf_next_page (doc);
  pdf_heading (doc, "Conclusion");
  pdf_paragraph (doc, "The applicant met the physical demands of the position "
                      "as described by the employer, with consistent effort "
                      "throughout the evaluation.");
  pdf_signature (doc, "Evaluating therapist");
}

static void
layout_respirator_clearance (PdfDoc *doc)
{
  pdf_patient (doc);
  pdf_heading (doc, "Respirator medical evaluation (29 CFR 1910.134)");
  pdf_fields (doc, "Respirator type", "Half-face air purifying",
              "Use", "Up to 4 hours a day", NULL);
  pdf_checkbox (doc, TRUE, "Medically cleared to use the respirator described");
  pdf_checkbox (doc, FALSE, "Cleared with limitations");
  pdf_checkbox (doc, FALSE, "Not cleared");
  pdf_paragraph (doc, "The employee's questionnaire was reviewed; no follow-up "
                      "examination was needed. Clearance is valid until the "
                      "conditions of use change.");
  pdf_signature (doc, "Physician or licensed health care professional");
}

static void
layout_fit_test (PdfDoc *doc)
{
  static const char *const exercises[] = {
    "Normal breathing", "Deep breathing", "Head side to side", "Head up and down",
    "Talking", "Bending over", "Normal breathing",
  };
  g_autofree char *overall = g_strdup_printf ("%d", pdf_random (doc, 150, 400));

  pdf_patient (doc);
  pdf_heading (doc, "Quantitative fit test");
  pdf_fields (doc, "Respirator", "3M 6200, size M", "Method", "Ambient aerosol CNC", NULL);
  pdf_table_row (doc, TRUE, "Exercise", "Fit factor", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (exercises); i++) {
    g_autofree char *factor = g_strdup_printf ("%d", pdf_random (doc, 120, 500));

    pdf_table_row (doc, FALSE, exercises[i], factor, NULL);
  }
  pdf_fields (doc, "Overall fit factor", overall, "Result", "Pass", NULL);
  pdf_signature (doc, "Fit test administrator");
}

static void
layout_medical_surveillance_opinion (PdfDoc *doc)
{
  static const char *const programs[] = {
    "Lead", "Silica", "Hazardous waste operations", "Asbestos", "Benzene",
  };
  const char *program = PDF_PICK (doc, programs);
  g_autofree char *heading = g_strdup_printf ("%s medical surveillance", program);

  pdf_patient (doc);
  pdf_heading (doc, heading);
  pdf_paragraph (doc, "This written opinion is provided to the employer as "
                      "required by the applicable OSHA standard. Findings "
                      "unrelated to occupational exposure have been shared "
                      "with the employee only.");
  pdf_heading (doc, "Opinion");
  pdf_checkbox (doc, TRUE, "No medical condition that would place the employee at increased risk");
  pdf_checkbox (doc, FALSE, "Limitations on exposure are recommended");

  pdf_next_page (doc);
  pdf_heading (doc, "Follow-up");
  pdf_fields (doc, "Next surveillance", "In 12 months", "Employee informed", "Yes", NULL);
  pdf_paragraph (doc, "The employee has been told of the results of this "
                      "examination and of any condition that needs further "
                      "evaluation or treatment.");
  pdf_signature (doc, "Occupational medicine physician");
}

static void
layout_test_lab_results (PdfDoc *doc)
{
  static const struct { const char *test, *unit, *range; int low, high; } tests[] = {
    { "Glucose", "mg/dL", "70-99", 70, 110 },
    { "Hemoglobin", "g/dL", "12.0-17.5", 12, 18 },
    { "Cholesterol", "mg/dL", "< 200", 140, 240 },
    { "Creatinine", "mg/dL", "0.6-1.3", 0, 2 },
    { "Blood lead", "µg/dL", "< 5", 0, 8 },
    { "ALT", "U/L", "7-56", 7, 60 },
  };

  pdf_patient (doc);
  pdf_heading (doc, "Results");
  pdf_table_row (doc, TRUE, "Test", "Result", "Unit", "Reference", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++) {
    g_autofree char *value = g_strdup_printf ("%d", pdf_random (doc, tests[i].low,
                                                                tests[i].high + 1));

    pdf_table_row (doc, FALSE, tests[i].test, value, tests[i].unit, tests[i].range, NULL);
  }

  pdf_next_page (doc);
  pdf_heading (doc, "TB screening");
  pdf_fields (doc, "Method", "Interferon-gamma release assay",
              "Result", pdf_random (doc, 0, 20) ? "Negative" : "Indeterminate", NULL);
  pdf_paragraph (doc, "Results outside the reference range are marked for the "
                      "provider's review and do not by themselves mean the "
                      "employee is unfit for work.");
  pdf_signature (doc, "Reviewing provider");
}

static void
layout_vaccine_administration_record (PdfDoc *doc)
{
  static const char *const vaccines[] = {
    "Hepatitis B (dose 1 of 3)", "Tdap", "Influenza", "MMR", "Varicella",
  };
  g_autofree char *lot = g_strdup_printf ("LOT%06d", pdf_random (doc, 100000, 999999));
  g_autofree char *next = pdf_date_after (doc, 30);

  pdf_patient (doc);
  pdf_heading (doc, "Vaccines given");
  pdf_table_row (doc, TRUE, "Vaccine", "Lot", "Site", "Route", NULL);
  pdf_table_row (doc, FALSE, PDF_PICK (doc, vaccines), lot, "Left deltoid", "IM", NULL);
  pdf_heading (doc, "Consent and information");
  pdf_checkbox (doc, TRUE, "Vaccine information statement given");
  pdf_checkbox (doc, TRUE, "Consent signed");
  pdf_fields (doc, "Next dose due", next, NULL);
  pdf_signature (doc, "Administered by");
}

static void
layout_other_physical (PdfDoc *doc)
{
  static const char *const kinds[] = {
    "Annual physical", "Return-to-work physical", "Fitness-for-duty examination",
    "Executive physical",
  };

  pdf_patient (doc);
  pdf_fields (doc, "Examination", PDF_PICK (doc, kinds), NULL);
  vitals (doc);
  pdf_heading (doc, "Examination");
  review_of_systems (doc, 0, 6);

  pdf_next_page (doc);
  pdf_heading (doc, "Examination (continued)");
  review_of_systems (doc, 6, 6);
  pdf_heading (doc, "Determination");
  pdf_checkbox (doc, TRUE, "Fit for duty");
  pdf_checkbox (doc, FALSE, "Fit for duty with restrictions");
  pdf_signature (doc, "Examining provider");
}

static void
layout_customer_proprietary_form (PdfDoc *doc)
{
  g_autofree char *title = g_strdup_printf ("%s: employee health clearance",
                                            doc->result->company_name);

  pdf_paragraph (doc, title);
  pdf_patient (doc);
  pdf_heading (doc, "Employer's questions");
  pdf_table_row (doc, TRUE, "Question", "Answer", NULL);
  pdf_table_row (doc, FALSE, "Able to work at heights?", "Yes", NULL);
  pdf_table_row (doc, FALSE, "Able to work in cold storage?",
                 pdf_random (doc, 0, 5) ? "Yes" : "No", NULL);
  pdf_table_row (doc, FALSE, "Able to wear a hard hat?", "Yes", NULL);
  pdf_table_row (doc, FALSE, "Color vision adequate?", "Yes", NULL);
  pdf_paragraph (doc, "This form was completed on the employer's own template "
                      "at the employer's request.");
  pdf_signature (doc, "Examining provider");
}

static const struct {
  const char *code;
  PdfLayout layout;
} layouts[] = {
  { "work_status_report", layout_work_status_report },
  { "therapy_appointment_detail", layout_therapy_appointment_detail },
  { "first_notice_of_injury", layout_first_notice_of_injury },
  { "patient_referral", layout_patient_referral },
  { "recheck_reminder", layout_recheck_reminder },
  { "no_show_letter", layout_no_show_letter },
  { "state_injury_report", layout_state_injury_report },
  { "custody_control_form", layout_custody_control_form },
  { "alcohol_testing_form", layout_alcohol_testing_form },
  { "activity_status_report", layout_activity_status_report },
  { "mec_dot_card", layout_mec_dot_card },
  { "pre_placement_physical", layout_pre_placement_physical },
  { "audiogram", layout_audiogram },
  { "human_performance_evaluation", layout_human_performance_evaluation },
  { "respirator_clearance", layout_respirator_clearance },
  { "fit_test", layout_fit_test },
  { "medical_surveillance_opinion", layout_medical_surveillance_opinion },
  { "test_lab_results", layout_test_lab_results },
  { "vaccine_administration_record", layout_vaccine_administration_record },
  { "other_physical", layout_other_physical },
  { "customer_proprietary_form", layout_customer_proprietary_form },
};

PdfLayout
pdf_layout_for (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++) {
    if (g_str_equal (layouts[i].code, code))
      return layouts[i].layout;
  }

  return NULL;
}
