/* hub-core.h: the HUB Desk core library, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hub-client.h"
#include "hub-company.h"
#include "hub-company-summary.h"
#include "hub-core-enums.h"
#include "hub-credentials.h"
#include "hub-error.h"
#include "hub-membership.h"
#include "hub-portal-link.h"
#include "hub-role.h"
#include "hub-user.h"
