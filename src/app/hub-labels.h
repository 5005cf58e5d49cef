/* hub-labels.h: words for the core library's values, shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hub-core.h"

G_BEGIN_DECLS

const char *hub_labels_for_role (HubRole role);

G_END_DECLS
