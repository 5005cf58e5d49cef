/* main.c: the hubdesk executable; everything else lives in libhubdesk so
 * that the tests link the same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "hub-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (HubApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hub_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
