/* hub-core.h: the HUB Desk core library, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hub-center.h"
#include "hub-client.h"
#include "hub-company.h"
#include "hub-company-summary.h"
#include "hub-core-enums.h"
#include "hub-credentials.h"
#include "hub-document-type.h"
#include "hub-error.h"
#include "hub-library.h"
#include "hub-membership.h"
#include "hub-pdf-merge.h"
#include "hub-portal-link.h"
#include "hub-result.h"
#include "hub-result-list.h"
#include "hub-result-page.h"
#include "hub-result-query.h"
#include "hub-role.h"
#include "hub-save.h"
#include "hub-tristate.h"
#include "hub-user.h"
#include "hub-vault.h"
#include "hub-vault-key.h"
#include "hub-visit-type.h"
