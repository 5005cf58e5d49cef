/* hub-sign-in-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hub-core.h"

G_BEGIN_DECLS

#define HUB_TYPE_SIGN_IN_PAGE (hub_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (HubSignInPage, hub_sign_in_page, HUB, SIGN_IN_PAGE, AdwBin)

void hub_sign_in_page_set_settings (HubSignInPage *self,
                                    GSettings     *settings);
void hub_sign_in_page_set_client   (HubSignInPage *self,
                                    HubClient     *client);
void hub_sign_in_page_reset        (HubSignInPage *self);
void hub_sign_in_page_disable_keyring (HubSignInPage *self);
void hub_sign_in_page_sign_in      (HubSignInPage *self,
                                    const char    *email,
                                    const char    *password,
                                    gboolean       remember);
void hub_sign_in_page_sign_in_remembered (HubSignInPage *self,
                                          const char    *email,
                                          const char    *password);
void hub_sign_in_page_show_error   (HubSignInPage *self,
                                    const char    *message);

G_END_DECLS
