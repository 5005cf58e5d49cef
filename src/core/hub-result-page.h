/* hub-result-page.h: one page of a results search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HUB_TYPE_RESULT_PAGE (hub_result_page_get_type ())

G_DECLARE_FINAL_TYPE (HubResultPage, hub_result_page, HUB, RESULT_PAGE, GObject)

GListModel *hub_result_page_get_items       (HubResultPage *self);
const char *hub_result_page_get_next_cursor (HubResultPage *self);
guint       hub_result_page_get_total       (HubResultPage *self);

G_END_DECLS
