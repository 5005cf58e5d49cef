/* hub-tristate.h: a yes/no search criterion that may be left out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HubTristate:
 * @HUB_TRISTATE_ANY: the criterion is not used
 * @HUB_TRISTATE_YES: only what has the mark
 * @HUB_TRISTATE_NO: only what lacks the mark
 */
typedef enum {
  HUB_TRISTATE_ANY,
  HUB_TRISTATE_YES,
  HUB_TRISTATE_NO,
} HubTristate;

G_END_DECLS
