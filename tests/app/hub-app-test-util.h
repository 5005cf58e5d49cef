/* hub-app-test-util.h: driving real windows under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*HubTestCondition) (gpointer user_data);

void       hub_app_test_init            (int              *argc,
                                         char           ***argv);
GtkWidget *hub_app_test_find            (GtkWidget        *root,
                                         const char       *name);
gboolean   hub_app_test_wait            (HubTestCondition  condition,
                                         gpointer          user_data,
                                         guint             timeout_ms);
void       hub_app_test_settle          (guint             ms);
void       hub_app_test_set_text        (GtkWidget        *root,
                                         const char       *name,
                                         const char       *text);
void       hub_app_test_click           (GtkWidget        *root,
                                         const char       *name);
char      *hub_app_test_screenshot      (GtkWidget        *widget,
                                         const char       *name);

G_END_DECLS
