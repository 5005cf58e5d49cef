/* test-sign-in.c: the real window against a real hubd, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>

#include "hub-app-test-util.h"
#include "hub-core.h"
#include "hub-dashboard-page.h"
#include "hub-set-password-dialog.h"
#include "hub-test-server.h"
#include "hub-window.h"

#define DEMO_ADMIN    "admin@northwind.example"
#define DEMO_BASIC    "basic@northwind.example"
#define DEMO_PASSWORD "HubDemo!2026"
#define WAIT_MS       20000

static HubTestServer *server;

typedef struct {
  GSettings *settings;
  HubWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL) {
    gtk_window_destroy (GTK_WINDOW (fixture->window));
    g_assert_null (fixture->window);
  }
  g_clear_object (&fixture->settings);
}

static void
open_window (Fixture    *fixture,
             const char *base_url,
             int         width,
             int         height)
{
  fixture->window = hub_window_new (NULL, fixture->settings);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  hub_window_set_server (fixture->window, base_url);
  gtk_window_present (GTK_WINDOW (fixture->window));
  hub_window_start (fixture->window);
}

static gboolean
page_is_sign_in (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (hub_window_get_visible_page (fixture->window), "sign-in") == 0;
}

static gboolean
dashboard_is_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *page;

  if (g_strcmp0 (hub_window_get_visible_page (fixture->window), "main") != 0)
    return FALSE;

  page = hub_app_test_find (GTK_WIDGET (fixture->window), "greeting-label");
  if (page == NULL)
    return FALSE;
  page = gtk_widget_get_ancestor (page, HUB_TYPE_DASHBOARD_PAGE);

  return g_strcmp0 (hub_dashboard_page_get_state (HUB_DASHBOARD_PAGE (page)), "content") == 0;
}

static gboolean
error_is_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *label = hub_app_test_find (GTK_WIDGET (fixture->window), "error-label");
  GtkWidget *revealer = gtk_widget_get_parent (label);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) &&
         *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  GtkWidget *label = hub_app_test_find (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
sign_in_by_hand (Fixture    *fixture,
                 const char *email,
                 const char *password,
                 gboolean    remember)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *remember_row;

  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  hub_app_test_set_text (window, "email-row", email);
  hub_app_test_set_text (window, "password-row", password);
  remember_row = hub_app_test_find (window, "remember-row");
  adw_switch_row_set_active (ADW_SWITCH_ROW (remember_row), remember);
  hub_app_test_click (window, "sign-in-button");
}

static void
test_sign_in_shows_dashboard (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *shot = NULL;
  GtkWidget *company_button;
  GtkWidget *password;

  open_window (fixture, hub_test_server_get_base_url (server), 1200, 800);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "sign-in-wide"));

  sign_in_by_hand (fixture, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));

  /* What a person checks: it greets them, says who they are where. */
  g_assert_nonnull (strstr (label_text (fixture, "greeting-label"), "Avery"));
  g_assert_nonnull (strstr (label_text (fixture, "role-label"), "User Admin"));
  g_assert_true (strstr (label_text (fixture, "role-label"), "Harbor Foods") != NULL ||
                 strstr (label_text (fixture, "role-label"), "Northwind Logistics") != NULL);

  /* The demo admin belongs to two companies, so they may switch. */
  company_button = hub_app_test_find (GTK_WIDGET (fixture->window), "company-button");
  g_assert_true (gtk_widget_get_visible (company_button));

  /* The password is gone from the sign-in page once signed in. */
  password = hub_app_test_find (GTK_WIDGET (fixture->window), "password-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");

  hub_app_test_settle (400);
  shot = hub_app_test_screenshot (GTK_WIDGET (fixture->window), "dashboard-wide");
  g_test_message ("Screenshot: %s", shot);
}

static void
test_dashboard_narrow_and_dark (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  open_window (fixture, hub_test_server_get_base_url (server), 360, 720);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "sign-in-narrow-dark"));

  sign_in_by_hand (fixture, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));
  hub_app_test_settle (400);

  /* Collapsed: the sidebar of sections comes first. */
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "sidebar-narrow-dark"));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_wrong_password_says_so (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *password;

  open_window (fixture, hub_test_server_get_base_url (server), 1000, 760);
  sign_in_by_hand (fixture, DEMO_BASIC, "not the password", FALSE);
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, WAIT_MS));

  g_assert_cmpstr (hub_window_get_visible_page (fixture->window), ==, "sign-in");
  g_assert_nonnull (strstr (label_text (fixture, "error-label"), "password"));
  password = hub_app_test_find (GTK_WIDGET (fixture->window), "password-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==, "");
  g_assert_true (gtk_widget_has_css_class (password, "error"));

  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "sign-in-wrong-password"));
}

static void
test_empty_fields_are_caught_before_sending (Fixture       *fixture,
                                             gconstpointer  data)
{
  open_window (fixture, hub_test_server_get_base_url (server), 1000, 760);
  sign_in_by_hand (fixture, "", "", FALSE);
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, 2000));
  g_assert_cmpstr (label_text (fixture, "error-label"), ==, "Enter your work email.");

  hub_app_test_set_text (GTK_WIDGET (fixture->window), "email-row", "avery");
  hub_app_test_click (GTK_WIDGET (fixture->window), "sign-in-button");
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, 2000));
  g_assert_nonnull (strstr (label_text (fixture, "error-label"), "whole work email"));

  hub_app_test_set_text (GTK_WIDGET (fixture->window), "email-row", DEMO_ADMIN);
  hub_app_test_click (GTK_WIDGET (fixture->window), "sign-in-button");
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, 2000));
  g_assert_cmpstr (label_text (fixture, "error-label"), ==, "Enter your password.");
}

static void
test_unreachable_server_says_so (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A port that was just free: nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  open_window (fixture, url, 1000, 760);
  sign_in_by_hand (fixture, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, WAIT_MS));
  g_assert_nonnull (strstr (label_text (fixture, "error-label"), "reached"));
  g_assert_cmpstr (hub_window_get_visible_page (fixture->window), ==, "sign-in");
}

typedef struct {
  gboolean  done;
  char     *email;
  char     *password;
  GError   *error;
} Lookup;

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;

  /* A lookup that meets an item being replaced or removed fails; the
   * callers look again until the keyring has settled. */
  hub_credentials_lookup_finish (result, &lookup->email, &lookup->password, &lookup->error);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *) data)->done;
}

static void
lookup_credentials (const char *url,
                    Lookup     *lookup)
{
  g_clear_pointer (&lookup->email, g_free);
  g_clear_pointer (&lookup->password, g_free);
  g_clear_error (&lookup->error);
  lookup->done = FALSE;
  hub_credentials_lookup_async (url, NULL, on_lookup, lookup);
  g_assert_true (hub_app_test_wait (lookup_done, lookup, WAIT_MS));
}

static void
test_remember_me_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *url = hub_test_server_get_base_url (server);
  Lookup lookup = { 0 };
  gint64 deadline;

  open_window (fixture, url, 1000, 760);
  sign_in_by_hand (fixture, DEMO_ADMIN, DEMO_PASSWORD, TRUE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));

  /* Storing is asynchronous; the keyring has it shortly after. */
  deadline = g_get_monotonic_time () + WAIT_MS * 1000;
  do {
    lookup_credentials (url, &lookup);
  } while (lookup.email == NULL && g_get_monotonic_time () < deadline);
  g_assert_no_error (lookup.error);
  g_assert_cmpstr (lookup.email, ==, DEMO_ADMIN);
  g_assert_cmpstr (lookup.password, ==, DEMO_PASSWORD);
  g_assert_true (g_settings_get_boolean (fixture->settings, "remember-me"));

  /* The next start signs in without asking. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_null (fixture->window);
  open_window (fixture, url, 1000, 760);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));

  /* Signing out forgets the credentials. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  deadline = g_get_monotonic_time () + WAIT_MS * 1000;
  do {
    lookup_credentials (url, &lookup);
  } while ((lookup.email != NULL || lookup.error != NULL) && g_get_monotonic_time () < deadline);
  g_assert_no_error (lookup.error);
  g_assert_null (lookup.email);
  g_assert_false (g_settings_get_boolean (fixture->settings, "remember-me"));

  /* And the next start asks again. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  open_window (fixture, url, 1000, 760);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  hub_app_test_settle (500);
  g_assert_cmpstr (hub_window_get_visible_page (fixture->window), ==, "sign-in");

  g_free (lookup.email);
  g_free (lookup.password);
  g_clear_error (&lookup.error);
}

static GtkWidget *
find_dialog (Fixture *fixture)
{
  AdwApplicationWindow *window = ADW_APPLICATION_WINDOW (fixture->window);
  AdwDialog *dialog = adw_application_window_get_visible_dialog (window);

  return dialog != NULL ? GTK_WIDGET (dialog) : NULL;
}

static gboolean
dialog_is_open (gpointer data)
{
  return find_dialog (data) != NULL;
}

static gboolean
dialog_shows_sent (gpointer data)
{
  GtkWidget *dialog = find_dialog (data);
  GtkWidget *stack;

  if (dialog == NULL)
    return FALSE;
  stack = gtk_widget_get_ancestor (hub_app_test_find (dialog, "forgot-email-row"), GTK_TYPE_STACK);

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "sent") == 0;
}

typedef struct {
  HubTestServer *server;
  char          *token;
} Outbox;

static gboolean
outbox_has_reset_link (gpointer data)
{
  Outbox *outbox = data;
  g_auto (GStrv) mails = hub_test_server_read_outbox (outbox->server);

  for (guint i = 0; mails != NULL && mails[i] != NULL; i++) {
    const char *link = strstr (mails[i], "hubdesk://set-password?");
    const char *end;

    if (link == NULL || strstr (mails[i], DEMO_BASIC) == NULL)
      continue;
    end = link + strcspn (link, " \r\n>\"");
    g_free (outbox->token);
    outbox->token = g_strndup (link, end - link);
    return TRUE;
  }

  return FALSE;
}

static gboolean
set_password_done (gpointer data)
{
  GtkWidget *dialog = find_dialog (data);
  GtkWidget *stack;

  if (dialog == NULL)
    return FALSE;
  stack = gtk_widget_get_ancestor (hub_app_test_find (dialog, "set-password-button"),
                                   GTK_TYPE_STACK);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "done") == 0;
}

static gboolean
set_password_error_shown (gpointer data)
{
  GtkWidget *dialog = find_dialog (data);
  GtkWidget *label;

  if (dialog == NULL)
    return FALSE;
  label = hub_app_test_find (dialog, "set-password-error");
  return gtk_widget_get_visible (label) && *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static void
test_forgot_password_then_new_password (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HubTestServer) own_server = NULL;
  Outbox outbox = { 0 };
  GtkWidget *dialog;
  GtkWidget *email;
  const char *new_password = "a much better password";

  /* A server of its own: this test changes a password. */
  own_server = hub_test_server_new ("small", NULL, &error);
  g_assert_no_error (error);

  open_window (fixture, hub_test_server_get_base_url (own_server), 1000, 760);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  hub_app_test_set_text (GTK_WIDGET (fixture->window), "email-row", DEMO_BASIC);
  hub_app_test_click (GTK_WIDGET (fixture->window), "forgot-button");
  g_assert_true (hub_app_test_wait (dialog_is_open, fixture, WAIT_MS));

  /* The email typed on the page comes along. */
  dialog = find_dialog (fixture);
  email = hub_app_test_find (dialog, "forgot-email-row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, DEMO_BASIC);
  hub_app_test_click (dialog, "send-link-button");
  g_assert_true (hub_app_test_wait (dialog_shows_sent, fixture, WAIT_MS));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "forgot-password-sent"));

  outbox.server = own_server;
  g_assert_true (hub_app_test_wait (outbox_has_reset_link, &outbox, WAIT_MS));
  adw_dialog_close (ADW_DIALOG (dialog));

  /* The link opens the dialog that asks only for the password. */
  {
    g_autofree char *token = NULL;

    token = hub_set_password_dialog_token_from_link (outbox.token);
    g_assert_nonnull (token);
    hub_window_show_set_password (fixture->window, token);
  }
  g_assert_true (hub_app_test_wait (dialog_is_open, fixture, WAIT_MS));
  dialog = find_dialog (fixture);

  /* A mismatch is caught here, before the single-use token is spent. */
  hub_app_test_set_text (dialog, "new-password-row", new_password);
  hub_app_test_set_text (dialog, "confirm-password-row", "something else entirely");
  hub_app_test_click (dialog, "set-password-button");
  g_assert_true (hub_app_test_wait (set_password_error_shown, fixture, 2000));

  hub_app_test_set_text (dialog, "confirm-password-row", new_password);
  hub_app_test_click (dialog, "set-password-button");
  g_assert_true (hub_app_test_wait (set_password_done, fixture, WAIT_MS));
  adw_dialog_close (ADW_DIALOG (dialog));
  g_assert_true (hub_app_test_wait ((HubTestCondition) page_is_sign_in, fixture, WAIT_MS));

  /* The old password is gone, the new one works. */
  sign_in_by_hand (fixture, DEMO_BASIC, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (error_is_shown, fixture, WAIT_MS));
  sign_in_by_hand (fixture, DEMO_BASIC, new_password, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));
  g_assert_nonnull (strstr (label_text (fixture, "role-label"), "Basic User"));

  g_free (outbox.token);
}

static gboolean
company_is (gpointer data)
{
  Fixture *fixture = data;
  const char *wanted = g_object_get_data (G_OBJECT (fixture->window), "wanted-company");

  return dashboard_is_shown (fixture) &&
         strstr (label_text (fixture, "role-label"), wanted) != NULL;
}

static void
test_change_company (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;
  const char *other;
  g_autofree char *last = NULL;

  open_window (fixture, hub_test_server_get_base_url (server), 1000, 760);
  sign_in_by_hand (fixture, DEMO_ADMIN, DEMO_PASSWORD, FALSE);
  g_assert_true (hub_app_test_wait (dashboard_is_shown, fixture, WAIT_MS));

  other = strstr (label_text (fixture, "role-label"), "Harbor Foods") != NULL
            ? "Northwind Logistics" : "Harbor Foods";

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.change-company", NULL));
  g_assert_true (hub_app_test_wait (dialog_is_open, fixture, WAIT_MS));
  dialog = find_dialog (fixture);
  list = hub_app_test_find (dialog, "company-list");
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "change-company"));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), other) == 0)
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);

  g_object_set_data (G_OBJECT (fixture->window), "wanted-company", (gpointer) other);
  g_assert_true (hub_app_test_wait (company_is, fixture, WAIT_MS));

  /* The choice is kept for the next sign-in. */
  last = g_settings_get_string (fixture->settings, "last-company-id");
  g_assert_cmpstr (last, !=, "");
}

static void
test_no_server_asks_for_one (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *button;

  open_window (fixture, NULL, 1000, 760);
  g_assert_true (hub_app_test_wait (page_is_sign_in, fixture, WAIT_MS));
  button = hub_app_test_find (GTK_WIDGET (fixture->window), "sign-in-button");
  g_assert_false (gtk_widget_is_sensitive (button));
  hub_app_test_settle (300);
  g_free (hub_app_test_screenshot (GTK_WIDGET (fixture->window), "sign-in-no-server"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int result;

  hub_app_test_init (&argc, &argv);

  server = hub_test_server_new ("small", NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/app/sign-in/shows-dashboard", Fixture, NULL,
              fixture_set_up, test_sign_in_shows_dashboard, fixture_tear_down);
  g_test_add ("/app/sign-in/narrow-dark", Fixture, NULL,
              fixture_set_up, test_dashboard_narrow_and_dark, fixture_tear_down);
  g_test_add ("/app/sign-in/wrong-password", Fixture, NULL,
              fixture_set_up, test_wrong_password_says_so, fixture_tear_down);
  g_test_add ("/app/sign-in/empty-fields", Fixture, NULL,
              fixture_set_up, test_empty_fields_are_caught_before_sending, fixture_tear_down);
  g_test_add ("/app/sign-in/unreachable", Fixture, NULL,
              fixture_set_up, test_unreachable_server_says_so, fixture_tear_down);
  g_test_add ("/app/sign-in/remember-me", Fixture, NULL,
              fixture_set_up, test_remember_me_round_trip, fixture_tear_down);
  g_test_add ("/app/sign-in/forgot-password", Fixture, NULL,
              fixture_set_up, test_forgot_password_then_new_password, fixture_tear_down);
  g_test_add ("/app/sign-in/change-company", Fixture, NULL,
              fixture_set_up, test_change_company, fixture_tear_down);
  g_test_add ("/app/sign-in/no-server", Fixture, NULL,
              fixture_set_up, test_no_server_asks_for_one, fixture_tear_down);

  result = g_test_run ();
  hub_test_server_free (server);

  return result;
}
