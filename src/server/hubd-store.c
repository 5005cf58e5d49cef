/* hubd-store.c: the storage interface of hubd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-store.h"

G_DEFINE_INTERFACE (HubdStore, hubd_store, G_TYPE_OBJECT)

static void
hubd_store_default_init (HubdStoreInterface *iface)
{
}

#define STORE_IFACE(self) HUBD_STORE_GET_IFACE (self)

void
hubd_user_free (HubdUser *user)
{
  if (user == NULL)
    return;

  g_free (user->email);
  g_free (user->first_name);
  g_free (user->last_name);
  g_free (user->password_hash);
  g_free (user);
}

void
hubd_membership_free (HubdMembership *membership)
{
  if (membership == NULL)
    return;

  g_free (membership->company_name);
  g_free (membership);
}

void
hubd_address_clear (HubdAddress *address)
{
  g_return_if_fail (address != NULL);

  g_clear_pointer (&address->line1, g_free);
  g_clear_pointer (&address->line2, g_free);
  g_clear_pointer (&address->city, g_free);
  g_clear_pointer (&address->state, g_free);
  g_clear_pointer (&address->postal_code, g_free);
}

void
hubd_company_free (HubdCompany *company)
{
  if (company == NULL)
    return;

  g_free (company->name);
  g_free (company->phone);
  hubd_address_clear (&company->physical);
  hubd_address_clear (&company->billing);
  g_free (company);
}

void
hubd_session_free (HubdSession *session)
{
  g_free (session);
}

void
hubd_contact_free (HubdContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->first_name);
  g_free (contact->last_name);
  g_free (contact->email);
  g_free (contact);
}

void
hubd_center_clear (HubdCenter *center)
{
  g_return_if_fail (center != NULL);

  g_clear_pointer (&center->name, g_free);
  g_clear_pointer (&center->line1, g_free);
  g_clear_pointer (&center->city, g_free);
  g_clear_pointer (&center->state, g_free);
  g_clear_pointer (&center->postal_code, g_free);
  g_clear_pointer (&center->phone, g_free);
}

void
hubd_center_free (HubdCenter *center)
{
  if (center == NULL)
    return;

  hubd_center_clear (center);
  g_free (center);
}

void
hubd_result_free (HubdResult *result)
{
  if (result == NULL)
    return;

  g_free (result->company_name);
  g_free (result->visit_date);
  g_free (result->state);
  g_free (result->claim_number);
  g_free (result->first_name);
  g_free (result->last_name);
  g_free (result->date_of_birth);
  g_free (result->employee_id);
  hubd_center_clear (&result->center);
  g_free (result->location_name);
  g_free (result->flagged_by_name);
  g_free (result->reviewed_by_name);
  g_free (result->content_sha256);
  g_free (result->sort_key);
  g_free (result);
}

/* Lower-case ASCII without accents, so that "José" and "JOSE" compare
 * equal: the form names are stored and searched in. */
char *
hubd_fold_text (const char *text)
{
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  ascii = g_str_to_ascii (text, "C");
  return g_ascii_strdown (ascii, -1);
}

/* R3: User Admins have Patient Visit Activity by default, Basic users only
 * once granted. */
gboolean
hubd_membership_has_patient_visit_activity (const HubdMembership *membership)
{
  g_return_val_if_fail (membership != NULL, FALSE);

  return membership->role == HUBD_ROLE_USER_ADMIN ||
         (membership->role == HUBD_ROLE_BASIC &&
          membership->patient_visit_activity);
}

/* R2, R5: Billing Admin is only ever held by a User Admin. */
gboolean
hubd_membership_has_billing_admin (const HubdMembership *membership)
{
  g_return_val_if_fail (membership != NULL, FALSE);

  return membership->role == HUBD_ROLE_USER_ADMIN && membership->billing_admin;
}

gboolean
hubd_membership_has_visit_search (const HubdMembership *membership)
{
  g_return_val_if_fail (membership != NULL, FALSE);

  return membership->role == HUBD_ROLE_USER_ADMIN ||
         (membership->role == HUBD_ROLE_BASIC && membership->visit_search);
}

const char *
hubd_role_to_string (HubdRole role)
{
  switch (role) {
    case HUBD_ROLE_USER_ADMIN:
      return "user_admin";
    case HUBD_ROLE_BASIC:
      return "basic";
    case HUBD_ROLE_NONE:
    default:
      return "none";
  }
}

gboolean
hubd_store_begin (HubdStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->begin (self, error);
}

gboolean
hubd_store_commit (HubdStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->commit (self, error);
}

void
hubd_store_rollback (HubdStore *self)
{
  g_return_if_fail (HUBD_IS_STORE (self));

  STORE_IFACE (self)->rollback (self);
}

gboolean
hubd_store_is_empty (HubdStore  *self,
                     gboolean   *empty,
                     GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  return STORE_IFACE (self)->is_empty (self, empty, error);
}

/* Refreshes what the backend knows about its data to plan queries, after
 * a bulk load. */
gboolean
hubd_store_optimize (HubdStore  *self,
                     GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->optimize (self, error);
}

HubdUser *
hubd_store_find_user_by_email (HubdStore  *self,
                               const char *email,
                               GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  return STORE_IFACE (self)->find_user_by_email (self, email, error);
}

HubdUser *
hubd_store_get_user (HubdStore  *self,
                     gint64      user_id,
                     GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->get_user (self, user_id, error);
}

/* Memberships with portal access (role other than none), ordered by company
 * name then id, starting after (after_name, after_company_id) when
 * after_name is not NULL. */
GPtrArray *
hubd_store_list_memberships (HubdStore  *self,
                             gint64      user_id,
                             const char *after_name,
                             gint64      after_company_id,
                             guint       limit,
                             GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  return STORE_IFACE (self)->list_memberships (self, user_id, after_name,
                                               after_company_id, limit, error);
}

HubdMembership *
hubd_store_get_membership (HubdStore  *self,
                           gint64      user_id,
                           gint64      company_id,
                           GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->get_membership (self, user_id, company_id, error);
}

HubdCompany *
hubd_store_get_company (HubdStore  *self,
                        gint64      company_id,
                        GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->get_company (self, company_id, error);
}

gboolean
hubd_store_get_company_summary (HubdStore          *self,
                                gint64              company_id,
                                HubdCompanySummary *summary,
                                GError            **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  return STORE_IFACE (self)->get_company_summary (self, company_id, summary,
                                                  error);
}

HubdContact *
hubd_store_get_contact (HubdStore  *self,
                        gint64      company_id,
                        gint64      contact_id,
                        GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->get_contact (self, company_id, contact_id, error);
}

gboolean
hubd_store_record_sign_in (HubdStore  *self,
                           gint64      user_id,
                           gint64      now,
                           GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->record_sign_in (self, user_id, now, error);
}

gboolean
hubd_store_create_session (HubdStore  *self,
                           const char *token_hash,
                           gint64      user_id,
                           gint64      now,
                           gint64      expires_at,
                           GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return STORE_IFACE (self)->create_session (self, token_hash, user_id, now,
                                             expires_at, error);
}

HubdSession *
hubd_store_get_session (HubdStore  *self,
                        const char *token_hash,
                        GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);

  return STORE_IFACE (self)->get_session (self, token_hash, error);
}

gboolean
hubd_store_touch_session (HubdStore  *self,
                          const char *token_hash,
                          gint64      now,
                          GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return STORE_IFACE (self)->touch_session (self, token_hash, now, error);
}

gboolean
hubd_store_revoke_session (HubdStore  *self,
                           const char *token_hash,
                           gint64      now,
                           GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return STORE_IFACE (self)->revoke_session (self, token_hash, now, error);
}

/* Forgets sessions and password tokens that stopped working before
 * @before: expired, revoked or used. */
gboolean
hubd_store_prune (HubdStore  *self,
                  gint64      before,
                  GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->prune (self, before, error);
}

gboolean
hubd_store_create_password_token (HubdStore    *self,
                                  const char   *token_hash,
                                  gint64        user_id,
                                  HubdTokenKind kind,
                                  gint64        now,
                                  gint64        expires_at,
                                  GError      **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return STORE_IFACE (self)->create_password_token (self, token_hash, user_id,
                                                    kind, now, expires_at,
                                                    error);
}

/* Uses the token (once), sets the password, activates a new user and
 * revokes every session of the user, all or nothing. An unknown, used or
 * expired token fails with HUBD_STORE_ERROR_NOT_FOUND. */
gboolean
hubd_store_set_password_with_token (HubdStore  *self,
                                    const char *token_hash,
                                    const char *password_hash,
                                    gint64      now,
                                    GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  g_return_val_if_fail (password_hash != NULL, FALSE);

  return STORE_IFACE (self)->set_password_with_token (self, token_hash,
                                                      password_hash, now,
                                                      error);
}

/* Gives the contact an account (status new) if it has none, gives a
 * contact without portal access the Basic role, stores the invitation
 * token and records the change, all or nothing. Fails with
 * HUBD_STORE_ERROR_CONFLICT when the contact has no email or already has
 * an active account. */
gboolean
hubd_store_invite_contact (HubdStore  *self,
                           gint64      company_id,
                           gint64      contact_id,
                           gint64      actor_user_id,
                           const char *token_hash,
                           gint64      now,
                           gint64      expires_at,
                           gint64     *user_id,
                           GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);

  return STORE_IFACE (self)->invite_contact (self, company_id, contact_id,
                                             actor_user_id, token_hash, now,
                                             expires_at, user_id, error);
}

gint64
hubd_store_add_company (HubdStore         *self,
                        const char        *name,
                        const char        *phone,
                        const HubdAddress *physical,
                        const HubdAddress *billing,
                        GError           **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && physical != NULL && billing != NULL, 0);

  return STORE_IFACE (self)->add_company (self, name, phone, physical, billing,
                                          error);
}

gint64
hubd_store_add_location (HubdStore         *self,
                         gint64             company_id,
                         const char        *name,
                         const char        *phone,
                         const HubdAddress *address,
                         GError           **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && address != NULL, 0);

  return STORE_IFACE (self)->add_location (self, company_id, name, phone,
                                           address, error);
}

/* Returns the id of the market of that name, adding it if needed. */
gint64
hubd_store_add_market (HubdStore  *self,
                       const char *name,
                       const char *state,
                       GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL && state != NULL, 0);

  return STORE_IFACE (self)->add_market (self, name, state, error);
}

gboolean
hubd_store_add_location_market (HubdStore  *self,
                                gint64      location_id,
                                gint64      market_id,
                                gint64      billing_contact_id,
                                GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->add_location_market (self, location_id, market_id,
                                                  billing_contact_id, error);
}

gint64
hubd_store_add_user (HubdStore     *self,
                     const char    *email,
                     const char    *first_name,
                     const char    *last_name,
                     const char    *password_hash,
                     HubdUserStatus status,
                     GError       **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (email != NULL, 0);

  return STORE_IFACE (self)->add_user (self, email, first_name, last_name,
                                       password_hash, status, error);
}

gint64
hubd_store_add_contact (HubdStore            *self,
                        const HubdNewContact *contact,
                        GError              **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (contact != NULL, 0);

  return STORE_IFACE (self)->add_contact (self, contact, error);
}

gint64
hubd_store_add_center (HubdStore        *self,
                       const HubdCenter *center,
                       GError          **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (center != NULL, 0);

  return STORE_IFACE (self)->add_center (self, center, error);
}

/* Adds a visit of a location of the company at a center; fails with
 * HUBD_STORE_ERROR_NOT_FOUND when the location is not the company's or
 * the center does not exist. */
gint64
hubd_store_add_visit (HubdStore          *self,
                      const HubdNewVisit *visit,
                      GError            **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (visit != NULL, 0);

  return STORE_IFACE (self)->add_visit (self, visit, error);
}

/* Adds a document to a visit; its id is also its place in the order of
 * posting that hubd_store_list_result_changes() follows. */
gint64
hubd_store_add_result (HubdStore  *self,
                       gint64      visit_id,
                       const char *document_type,
                       gint64      posted_at,
                       GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), 0);
  g_return_val_if_fail (hubd_document_type_lookup (document_type) != NULL, 0);

  return STORE_IFACE (self)->add_result (self, visit_id, document_type,
                                         posted_at, error);
}

/* One page (query->limit items) of results matching the query, in its
 * order, each with its sort_key; the number of all matches in *total
 * unless total is NULL. */
GPtrArray *
hubd_store_search_results (HubdStore             *self,
                           const HubdResultQuery *query,
                           gint64                *total,
                           GError               **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && query->limit > 0, NULL);

  return STORE_IFACE (self)->search_results (self, query, total, error);
}

/* A result of the company, with the opened mark of user_id; fails with
 * HUBD_STORE_ERROR_NOT_FOUND for a result of another company. */
HubdResult *
hubd_store_get_result (HubdStore  *self,
                       gint64      company_id,
                       gint64      result_id,
                       gint64      user_id,
                       GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->get_result (self, company_id, result_id, user_id,
                                         error);
}

/* Flags or unflags; *changed says whether anything changed: flagging a
 * flagged result keeps who flagged it first, and when. */
gboolean
hubd_store_set_result_flag (HubdStore  *self,
                            gint64      company_id,
                            gint64      result_id,
                            gint64      user_id,
                            gboolean    flagged,
                            gint64      now,
                            gboolean   *changed,
                            GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  return STORE_IFACE (self)->set_result_flag (self, company_id, result_id,
                                              user_id, flagged, now, changed,
                                              error);
}

/* Marks as reviewed, once: *changed is FALSE when it already was. */
gboolean
hubd_store_set_result_reviewed (HubdStore  *self,
                                gint64      company_id,
                                gint64      result_id,
                                gint64      user_id,
                                gint64      now,
                                gboolean   *changed,
                                GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  return STORE_IFACE (self)->set_result_reviewed (self, company_id, result_id,
                                                  user_id, now, changed, error);
}

gboolean
hubd_store_mark_result_opened (HubdStore  *self,
                               gint64      result_id,
                               gint64      user_id,
                               gint64      now,
                               GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);

  return STORE_IFACE (self)->mark_result_opened (self, result_id, user_id, now,
                                                 error);
}

/* Records the hash of the document's bytes once they are drawn. */
gboolean
hubd_store_set_result_content (HubdStore  *self,
                               gint64      result_id,
                               const char *sha256,
                               GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  return STORE_IFACE (self)->set_result_content (self, result_id, sha256, error);
}

/* Results of the company posted after the one with id after, oldest
 * first, at most limit. */
GPtrArray *
hubd_store_list_result_changes (HubdStore  *self,
                                gint64      company_id,
                                gint64      user_id,
                                gint64      after,
                                guint       limit,
                                GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  return STORE_IFACE (self)->list_result_changes (self, company_id, user_id,
                                                  after, limit, error);
}

/* A point in the order of posting at or after the company's last posted
 * result, to list changes from (0 when nothing was ever posted); -1 on
 * error. */
gint64
hubd_store_get_result_sequence (HubdStore  *self,
                                gint64      company_id,
                                GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), -1);

  return STORE_IFACE (self)->get_result_sequence (self, company_id, error);
}

/* The dashboard's counts of results not archived: not opened by user_id,
 * not reviewed, flagged. */
gboolean
hubd_store_count_results (HubdStore        *self,
                          gint64            company_id,
                          gint64            user_id,
                          gint64            archived_before,
                          HubdResultCounts *counts,
                          GError          **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  return STORE_IFACE (self)->count_results (self, company_id, user_id,
                                            archived_before, counts, error);
}

/* The centers where the company's employees had visits, by name. */
GPtrArray *
hubd_store_list_centers (HubdStore  *self,
                         gint64      company_id,
                         GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->list_centers (self, company_id, error);
}

/* The emails of the company's active portal users who get notices of new
 * results. */
GPtrArray *
hubd_store_list_notice_recipients (HubdStore  *self,
                                   gint64      company_id,
                                   GError    **error)
{
  g_return_val_if_fail (HUBD_IS_STORE (self), NULL);

  return STORE_IFACE (self)->list_notice_recipients (self, company_id, error);
}
