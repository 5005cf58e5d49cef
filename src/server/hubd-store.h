/* hubd-store.h: the storage interface of hubd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hubd-document-types.h"

G_BEGIN_DECLS

typedef enum {
  HUBD_ROLE_NONE,
  HUBD_ROLE_BASIC,
  HUBD_ROLE_USER_ADMIN,
} HubdRole;

typedef enum {
  HUBD_USER_STATUS_NEW,
  HUBD_USER_STATUS_ACTIVE,
} HubdUserStatus;

typedef enum {
  HUBD_TOKEN_KIND_RESET,
  HUBD_TOKEN_KIND_INVITE,
} HubdTokenKind;

typedef struct {
  gint64 id;
  char *email;
  char *first_name;
  char *last_name;
  char *password_hash; /* NULL until the user sets a password */
  HubdUserStatus status;
} HubdUser;

/* A user's contact row in one company, with the stored permission flags
 * (not the effective ones: see hubd_membership_*). */
typedef struct {
  gint64 company_id;
  char *company_name;
  gint64 contact_id;
  HubdRole role;
  gboolean patient_visit_activity;
  gboolean billing_admin;
  gboolean visit_search;
  gboolean billing_contact;
} HubdMembership;

typedef struct {
  char *line1;
  char *line2; /* may be NULL */
  char *city;
  char *state;
  char *postal_code;
} HubdAddress;

typedef struct {
  gint64 id;
  char *name;
  char *phone;
  HubdAddress physical;
  HubdAddress billing;
} HubdCompany;

typedef struct {
  gint64 locations;
  gint64 markets;
  gint64 contacts;
  gint64 portal_users;
  gint64 user_admins;
  gint64 pending_invitations;
} HubdCompanySummary;

typedef struct {
  gint64 user_id;
  gint64 created_at;
  gint64 expires_at;
  gint64 last_seen_at;
  gboolean revoked;
} HubdSession;

typedef struct {
  gint64 id;
  gint64 company_id;
  gint64 user_id; /* 0 when the contact has no portal account */
  char *first_name;
  char *last_name;
  char *email; /* may be NULL */
  HubdRole role;
  HubdUserStatus user_status; /* meaningful only when user_id != 0 */
} HubdContact;

typedef struct {
  gint64 id;
  char *name;
  char *line1;
  char *city;
  char *state;
  char *postal_code;
  char *phone;
} HubdCenter;

/* A visit as a clinic posts it; the state is the center's. */
typedef struct {
  gint64 company_id;
  gint64 location_id;
  gint64 center_id;
  const char *first_name;
  const char *last_name;
  const char *date_of_birth; /* YYYY-MM-DD */
  const char *employee_id;   /* may be NULL */
  const char *visit_date;    /* YYYY-MM-DD */
  HubdVisitType visit_type;
  const char *claim_number;  /* NULL for a non-injury visit */
} HubdNewVisit;

/* One document of a visit, as one user sees it. */
typedef struct {
  gint64 id;
  gint64 company_id;
  char *company_name;
  gint64 visit_id;
  char *visit_date;
  HubdVisitType visit_type;
  char *state;
  char *claim_number; /* may be NULL */
  char *first_name;
  char *last_name;
  char *date_of_birth;
  char *employee_id; /* may be NULL */
  HubdCenter center;
  gint64 location_id;
  char *location_name;
  const HubdDocumentType *document;
  gint64 posted_at;
  gboolean opened; /* by the user the result was read for */
  gint64 flagged_by; /* 0 when not flagged */
  char *flagged_by_name;
  gint64 flagged_at;
  gint64 reviewed_by; /* 0 when not reviewed */
  char *reviewed_by_name;
  gint64 reviewed_at;
  char *content_sha256; /* NULL until the document is first drawn */
  char *sort_key; /* the value sorted on, set by search_results */
} HubdResult;

typedef enum {
  HUBD_RESULT_SORT_VISIT_DATE,
  HUBD_RESULT_SORT_EMPLOYEE,
  HUBD_RESULT_SORT_DOCUMENT,
  HUBD_RESULT_SORT_CENTER,
  HUBD_RESULT_SORT_STATE,
  HUBD_RESULT_SORT_VISIT_TYPE,
  HUBD_RESULT_SORT_CLAIM,
  HUBD_RESULT_SORT_POSTED_AT,
} HubdResultSort;

#define HUBD_TRISTATE_ANY (-1)

/* A search of one company's results. Strings are matched as given, except
 * name_words, which must be folded with hubd_fold_text(). */
typedef struct {
  gint64 company_id;
  gint64 user_id;         /* whose "opened" marks to read */
  gint64 archived_before; /* posted at or before this: archived (R8) */
  char **name_words;      /* each starts a word of the name; NULL for any */
  const char *date_of_birth;
  const char *state;
  gint64 center_id;       /* 0 for any */
  int visit_type;         /* HubdVisitType or HUBD_TRISTATE_ANY */
  const char *claim;      /* claim number prefix */
  GPtrArray *documents;   /* HubdDocumentType pointers; NULL for any */
  int reviewed;           /* TRUE, FALSE or HUBD_TRISTATE_ANY */
  int flagged;
  const char *from;       /* visit dates, inclusive */
  const char *to;
  gboolean include_archived;
  HubdResultSort sort;
  gboolean descending;
  const char *after_key;  /* keyset: continue after (after_key, after_id) */
  gint64 after_id;
  guint limit;
} HubdResultQuery;

typedef struct {
  gint64 new_results;
  gint64 unreviewed;
  gint64 flagged;
} HubdResultCounts;

/* What the demo generator, and later an import, creates. */
typedef struct {
  gint64 company_id;
  gint64 user_id; /* 0 for a contact without an account */
  const char *first_name;
  const char *last_name;
  const char *email;
  const char *phone;
  HubdRole role;
  gboolean patient_visit_activity;
  gboolean billing_admin;
  gboolean visit_search;
  gint64 login_count;
  gint64 last_login_at; /* 0 for never */
} HubdNewContact;

void hubd_address_clear   (HubdAddress    *address);
void hubd_user_free       (HubdUser       *user);
void hubd_membership_free (HubdMembership *membership);
void hubd_company_free    (HubdCompany    *company);
void hubd_session_free    (HubdSession    *session);
void hubd_contact_free    (HubdContact    *contact);
void hubd_center_clear    (HubdCenter     *center);
void hubd_center_free     (HubdCenter     *center);
void hubd_result_free     (HubdResult     *result);
char *hubd_fold_text      (const char     *text);

gboolean hubd_membership_has_patient_visit_activity (const HubdMembership *membership);
gboolean hubd_membership_has_billing_admin          (const HubdMembership *membership);
gboolean hubd_membership_has_visit_search           (const HubdMembership *membership);

const char *hubd_role_to_string (HubdRole role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdUser, hubd_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdMembership, hubd_membership_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdCompany, hubd_company_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdSession, hubd_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdContact, hubd_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdCenter, hubd_center_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubdResult, hubd_result_free)

#define HUBD_TYPE_STORE (hubd_store_get_type ())

G_DECLARE_INTERFACE (HubdStore, hubd_store, HUBD, STORE, GObject)

/* Every operation the server needs from storage. Times are Unix seconds.
 * Lookups of something absent fail with HUBD_STORE_ERROR_NOT_FOUND. */
struct _HubdStoreInterface
{
  GTypeInterface parent_iface;

  gboolean        (*begin)                   (HubdStore  *self,
                                              GError    **error);
  gboolean        (*commit)                  (HubdStore  *self,
                                              GError    **error);
  void            (*rollback)                (HubdStore  *self);
  gboolean        (*is_empty)                (HubdStore  *self,
                                              gboolean   *empty,
                                              GError    **error);
  gboolean        (*optimize)                (HubdStore  *self,
                                              GError    **error);

  HubdUser       *(*find_user_by_email)      (HubdStore  *self,
                                              const char *email,
                                              GError    **error);
  HubdUser       *(*get_user)                (HubdStore  *self,
                                              gint64      user_id,
                                              GError    **error);
  GPtrArray      *(*list_memberships)        (HubdStore  *self,
                                              gint64      user_id,
                                              const char *after_name,
                                              gint64      after_company_id,
                                              guint       limit,
                                              GError    **error);
  HubdMembership *(*get_membership)          (HubdStore  *self,
                                              gint64      user_id,
                                              gint64      company_id,
                                              GError    **error);
  HubdCompany    *(*get_company)             (HubdStore  *self,
                                              gint64      company_id,
                                              GError    **error);
  gboolean        (*get_company_summary)     (HubdStore          *self,
                                              gint64              company_id,
                                              HubdCompanySummary *summary,
                                              GError            **error);
  HubdContact    *(*get_contact)             (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      contact_id,
                                              GError    **error);

  gboolean        (*record_sign_in)          (HubdStore  *self,
                                              gint64      user_id,
                                              gint64      now,
                                              GError    **error);
  gboolean        (*create_session)          (HubdStore  *self,
                                              const char *token_hash,
                                              gint64      user_id,
                                              gint64      now,
                                              gint64      expires_at,
                                              GError    **error);
  HubdSession    *(*get_session)             (HubdStore  *self,
                                              const char *token_hash,
                                              GError    **error);
  gboolean        (*touch_session)           (HubdStore  *self,
                                              const char *token_hash,
                                              gint64      now,
                                              GError    **error);
  gboolean        (*revoke_session)          (HubdStore  *self,
                                              const char *token_hash,
                                              gint64      now,
                                              GError    **error);

  gboolean        (*prune)                   (HubdStore  *self,
                                              gint64      before,
                                              GError    **error);

  gboolean        (*create_password_token)   (HubdStore    *self,
                                              const char   *token_hash,
                                              gint64        user_id,
                                              HubdTokenKind kind,
                                              gint64        now,
                                              gint64        expires_at,
                                              GError      **error);
  gboolean        (*set_password_with_token) (HubdStore  *self,
                                              const char *token_hash,
                                              const char *password_hash,
                                              gint64      now,
                                              GError    **error);
  gboolean        (*invite_contact)          (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      contact_id,
                                              gint64      actor_user_id,
                                              const char *token_hash,
                                              gint64      now,
                                              gint64      expires_at,
                                              gint64     *user_id,
                                              GError    **error);

  gint64          (*add_company)             (HubdStore         *self,
                                              const char        *name,
                                              const char        *phone,
                                              const HubdAddress *physical,
                                              const HubdAddress *billing,
                                              GError           **error);
  gint64          (*add_location)            (HubdStore         *self,
                                              gint64             company_id,
                                              const char        *name,
                                              const char        *phone,
                                              const HubdAddress *address,
                                              GError           **error);
  gint64          (*add_market)              (HubdStore  *self,
                                              const char *name,
                                              const char *state,
                                              GError    **error);
  gboolean        (*add_location_market)     (HubdStore  *self,
                                              gint64      location_id,
                                              gint64      market_id,
                                              gint64      billing_contact_id,
                                              GError    **error);
  gint64          (*add_user)                (HubdStore     *self,
                                              const char    *email,
                                              const char    *first_name,
                                              const char    *last_name,
                                              const char    *password_hash,
                                              HubdUserStatus status,
                                              GError       **error);
  gint64          (*add_contact)             (HubdStore            *self,
                                              const HubdNewContact *contact,
                                              GError              **error);

  gint64          (*add_center)              (HubdStore            *self,
                                              const HubdCenter     *center,
                                              GError              **error);
  gint64          (*add_visit)               (HubdStore            *self,
                                              const HubdNewVisit   *visit,
                                              GError              **error);
  gint64          (*add_result)              (HubdStore            *self,
                                              gint64                visit_id,
                                              const char           *document_type,
                                              gint64                posted_at,
                                              GError              **error);
  GPtrArray      *(*search_results)          (HubdStore             *self,
                                              const HubdResultQuery *query,
                                              gint64                *total,
                                              GError               **error);
  HubdResult     *(*get_result)              (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      result_id,
                                              gint64      user_id,
                                              GError    **error);
  gboolean        (*set_result_flag)         (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      result_id,
                                              gint64      user_id,
                                              gboolean    flagged,
                                              gint64      now,
                                              gboolean   *changed,
                                              GError    **error);
  gboolean        (*set_result_reviewed)     (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      result_id,
                                              gint64      user_id,
                                              gint64      now,
                                              gboolean   *changed,
                                              GError    **error);
  gboolean        (*mark_result_opened)      (HubdStore  *self,
                                              gint64      result_id,
                                              gint64      user_id,
                                              gint64      now,
                                              GError    **error);
  gboolean        (*set_result_content)      (HubdStore  *self,
                                              gint64      result_id,
                                              const char *sha256,
                                              GError    **error);
  GPtrArray      *(*list_result_changes)     (HubdStore  *self,
                                              gint64      company_id,
                                              gint64      user_id,
                                              gint64      after,
                                              guint       limit,
                                              GError    **error);
  gint64          (*get_result_sequence)     (HubdStore  *self,
                                              gint64      company_id,
                                              GError    **error);
  gboolean        (*count_results)           (HubdStore        *self,
                                              gint64            company_id,
                                              gint64            user_id,
                                              gint64            archived_before,
                                              HubdResultCounts *counts,
                                              GError          **error);
  GPtrArray      *(*list_centers)            (HubdStore  *self,
                                              gint64      company_id,
                                              GError    **error);
  GPtrArray      *(*list_notice_recipients)  (HubdStore  *self,
                                              gint64      company_id,
                                              GError    **error);
};

gboolean        hubd_store_begin                   (HubdStore  *self,
                                                    GError    **error);
gboolean        hubd_store_commit                  (HubdStore  *self,
                                                    GError    **error);
void            hubd_store_rollback                (HubdStore  *self);
gboolean        hubd_store_is_empty                (HubdStore  *self,
                                                    gboolean   *empty,
                                                    GError    **error);
gboolean        hubd_store_optimize                (HubdStore  *self,
                                                    GError    **error);
HubdUser       *hubd_store_find_user_by_email      (HubdStore  *self,
                                                    const char *email,
                                                    GError    **error);
HubdUser       *hubd_store_get_user                (HubdStore  *self,
                                                    gint64      user_id,
                                                    GError    **error);
GPtrArray      *hubd_store_list_memberships        (HubdStore  *self,
                                                    gint64      user_id,
                                                    const char *after_name,
                                                    gint64      after_company_id,
                                                    guint       limit,
                                                    GError    **error);
HubdMembership *hubd_store_get_membership          (HubdStore  *self,
                                                    gint64      user_id,
                                                    gint64      company_id,
                                                    GError    **error);
HubdCompany    *hubd_store_get_company             (HubdStore  *self,
                                                    gint64      company_id,
                                                    GError    **error);
gboolean        hubd_store_get_company_summary     (HubdStore          *self,
                                                    gint64              company_id,
                                                    HubdCompanySummary *summary,
                                                    GError            **error);
HubdContact    *hubd_store_get_contact             (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      contact_id,
                                                    GError    **error);
gboolean        hubd_store_record_sign_in          (HubdStore  *self,
                                                    gint64      user_id,
                                                    gint64      now,
                                                    GError    **error);
gboolean        hubd_store_create_session          (HubdStore  *self,
                                                    const char *token_hash,
                                                    gint64      user_id,
                                                    gint64      now,
                                                    gint64      expires_at,
                                                    GError    **error);
HubdSession    *hubd_store_get_session             (HubdStore  *self,
                                                    const char *token_hash,
                                                    GError    **error);
gboolean        hubd_store_touch_session           (HubdStore  *self,
                                                    const char *token_hash,
                                                    gint64      now,
                                                    GError    **error);
gboolean        hubd_store_revoke_session          (HubdStore  *self,
                                                    const char *token_hash,
                                                    gint64      now,
                                                    GError    **error);
gboolean        hubd_store_prune                   (HubdStore  *self,
                                                    gint64      before,
                                                    GError    **error);
gboolean        hubd_store_create_password_token   (HubdStore    *self,
                                                    const char   *token_hash,
                                                    gint64        user_id,
                                                    HubdTokenKind kind,
                                                    gint64        now,
                                                    gint64        expires_at,
                                                    GError      **error);
gboolean        hubd_store_set_password_with_token (HubdStore  *self,
                                                    const char *token_hash,
                                                    const char *password_hash,
                                                    gint64      now,
                                                    GError    **error);
gboolean        hubd_store_invite_contact          (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      contact_id,
                                                    gint64      actor_user_id,
                                                    const char *token_hash,
                                                    gint64      now,
                                                    gint64      expires_at,
                                                    gint64     *user_id,
                                                    GError    **error);
gint64          hubd_store_add_company             (HubdStore         *self,
                                                    const char        *name,
                                                    const char        *phone,
                                                    const HubdAddress *physical,
                                                    const HubdAddress *billing,
                                                    GError           **error);
gint64          hubd_store_add_location            (HubdStore         *self,
                                                    gint64             company_id,
                                                    const char        *name,
                                                    const char        *phone,
                                                    const HubdAddress *address,
                                                    GError           **error);
gint64          hubd_store_add_market              (HubdStore  *self,
                                                    const char *name,
                                                    const char *state,
                                                    GError    **error);
gboolean        hubd_store_add_location_market     (HubdStore  *self,
                                                    gint64      location_id,
                                                    gint64      market_id,
                                                    gint64      billing_contact_id,
                                                    GError    **error);
gint64          hubd_store_add_user                (HubdStore     *self,
                                                    const char    *email,
                                                    const char    *first_name,
                                                    const char    *last_name,
                                                    const char    *password_hash,
                                                    HubdUserStatus status,
                                                    GError       **error);
gint64          hubd_store_add_contact             (HubdStore            *self,
                                                    const HubdNewContact *contact,
                                                    GError              **error);
gint64          hubd_store_add_center              (HubdStore            *self,
                                                    const HubdCenter     *center,
                                                    GError              **error);
gint64          hubd_store_add_visit               (HubdStore            *self,
                                                    const HubdNewVisit   *visit,
                                                    GError              **error);
gint64          hubd_store_add_result              (HubdStore            *self,
                                                    gint64                visit_id,
                                                    const char           *document_type,
                                                    gint64                posted_at,
                                                    GError              **error);
GPtrArray      *hubd_store_search_results          (HubdStore             *self,
                                                    const HubdResultQuery *query,
                                                    gint64                *total,
                                                    GError               **error);
HubdResult     *hubd_store_get_result              (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      result_id,
                                                    gint64      user_id,
                                                    GError    **error);
gboolean        hubd_store_set_result_flag         (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      result_id,
                                                    gint64      user_id,
                                                    gboolean    flagged,
                                                    gint64      now,
                                                    gboolean   *changed,
                                                    GError    **error);
gboolean        hubd_store_set_result_reviewed     (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      result_id,
                                                    gint64      user_id,
                                                    gint64      now,
                                                    gboolean   *changed,
                                                    GError    **error);
gboolean        hubd_store_mark_result_opened      (HubdStore  *self,
                                                    gint64      result_id,
                                                    gint64      user_id,
                                                    gint64      now,
                                                    GError    **error);
gboolean        hubd_store_set_result_content      (HubdStore  *self,
                                                    gint64      result_id,
                                                    const char *sha256,
                                                    GError    **error);
GPtrArray      *hubd_store_list_result_changes     (HubdStore  *self,
                                                    gint64      company_id,
                                                    gint64      user_id,
                                                    gint64      after,
                                                    guint       limit,
                                                    GError    **error);
gint64          hubd_store_get_result_sequence     (HubdStore  *self,
                                                    gint64      company_id,
                                                    GError    **error);
gboolean        hubd_store_count_results           (HubdStore        *self,
                                                    gint64            company_id,
                                                    gint64            user_id,
                                                    gint64            archived_before,
                                                    HubdResultCounts *counts,
                                                    GError          **error);
GPtrArray      *hubd_store_list_centers            (HubdStore  *self,
                                                    gint64      company_id,
                                                    GError    **error);
GPtrArray      *hubd_store_list_notice_recipients  (HubdStore  *self,
                                                    gint64      company_id,
                                                    GError    **error);

G_END_DECLS
