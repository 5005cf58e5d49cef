/* hub-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>
#include <string.h>

#include "hub-core-private.h"
#include "hub-credentials.h"
#include "hub-error.h"

/*
 * The remembered sign-in: one keyring item per server, with the email as
 * an attribute and the password as the secret. Items are found by this
 * schema's name, so other applications' items never match. Outside a
 * sandbox libsecret talks to the Secret Service (gnome-keyring); inside
 * Flatpak it uses its file backend, keyed by the Secret portal.
 */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.hubdesk.HubDesk.Credentials",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* One server, however its address was typed. */
static char *
normalize_server (const char *server)
{
  g_autofree char *copy = g_strdup (server);
  gsize length = strlen (copy);

  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';

  return g_steal_pointer (&copy);
}

static char *
make_label (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    name = hub_server_display_name (uri);
  else
    name = g_strdup (server);

  return g_strdup_printf (_("HUB Desk sign-in for %s"), name);
}

static GError *
keyring_error (const GError *error,
               const char   *message)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return hub_error_new_cancelled ();

  g_debug ("Keyring failed: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  return g_error_new_literal (HUB_ERROR, HUB_ERROR_KEYRING, message);
}

static void
clear_and_free (char *secret)
{
  hub_clear_secret (&secret);
}

static GTask *
credentials_task_new (GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported in the HUB_ERROR domain. */
  g_task_set_check_cancellable (task, FALSE);

  return task;
}

/* --- store --------------------------------------------------------------- */

typedef struct {
  char *server;
  char *email;
  char *password;
} Store;

static void
store_free (Store *store)
{
  g_free (store->server);
  g_free (store->email);
  clear_and_free (store->password);
  g_free (store);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task,
                         keyring_error (error,
                                        _("The sign-in cannot be remembered: the "
                                          "system keyring is not available or is "
                                          "locked. Unlock it, or sign in without "
                                          "“Remember me”.")));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_cleared_before_store (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  Store *store = g_task_get_task_data (task);

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task,
                           keyring_error (error,
                                          _("The sign-in cannot be remembered: the "
                                            "system keyring is not available or is "
                                            "locked. Unlock it, or sign in without "
                                            "“Remember me”.")));
      return;
    }

  label = make_label (store->server);

  secret_password_store (get_schema (),
                         SECRET_COLLECTION_DEFAULT,
                         label,
                         store->password,
                         g_task_get_cancellable (task),
                         on_stored,
                         g_object_ref (task),
                         "server", store->server,
                         "email", store->email,
                         NULL);
}

/**
 * hub_credentials_store_async:
 * @server: the server's address, as given to hub_client_new()
 * @email: the work email
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when stored or failed
 * @user_data: data for @callback
 *
 * Remembers the sign-in for @server, replacing whatever was remembered
 * for it, whichever email that was.
 */
void
hub_credentials_store_async (const char          *server,
                             const char          *email,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Store *store;

  g_return_if_fail (server != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = credentials_task_new (cancellable, callback, user_data, hub_credentials_store_async);

  store = g_new0 (Store, 1);
  store->server = normalize_server (server);
  store->email = g_strdup (email);
  store->password = g_strdup (password);
  g_task_set_task_data (task, store, (GDestroyNotify) store_free);

  secret_password_clear (get_schema (),
                         cancellable,
                         on_cleared_before_store,
                         g_steal_pointer (&task),
                         "server", store->server,
                         NULL);
}

gboolean
hub_credentials_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_credentials_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- lookup -------------------------------------------------------------- */

typedef struct {
  char *email;
  char *password;
} Found;

static void
found_free (Found *found)
{
  g_free (found->email);
  clear_and_free (found->password);
  g_free (found);
}

static const char *
lookup_failed_message (void)
{
  return _("The remembered sign-in cannot be read: the system keyring is not "
           "available or is locked. Unlock it, or sign in with your password.");
}

static void
on_secret_retrieved (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SecretRetrievable *retrievable = SECRET_RETRIEVABLE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  SecretValue *value;
  const char *text;
  Found *found;

  value = secret_retrievable_retrieve_secret_finish (retrievable, result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        g_task_return_pointer (task, NULL, NULL);
      else
        g_task_return_error (task, keyring_error (error, lookup_failed_message ()));
      return;
    }

  attributes = secret_retrievable_get_attributes (retrievable);
  text = secret_value_get_text (value);

  if (text == NULL || g_hash_table_lookup (attributes, "email") == NULL)
    {
      /* Not something this version stored: act as if nothing was. */
      g_debug ("Ignoring a keyring item without an email or a text secret");
      secret_value_unref (value);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  found = g_new0 (Found, 1);
  found->email = g_strdup (g_hash_table_lookup (attributes, "email"));
  found->password = g_strdup (text);
  secret_value_unref (value);

  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretRetrievable *newest = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error, lookup_failed_message ()));
      return;
    }

  /* Only one is ever stored; should a crash have left two, the newer wins. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretRetrievable *item = l->data;

      if (newest == NULL ||
          secret_retrievable_get_modified (item) > secret_retrievable_get_modified (newest))
        newest = item;
    }

  if (newest == NULL)
    g_task_return_pointer (task, NULL, NULL);
  else
    secret_retrievable_retrieve_secret (newest,
                                        g_task_get_cancellable (task),
                                        on_secret_retrieved,
                                        g_object_ref (task));

  g_list_free_full (items, g_object_unref);
}

/**
 * hub_credentials_lookup_async:
 * @server: the server's address, as given to hub_client_new()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when found or failed
 * @user_data: data for @callback
 *
 * Reads the sign-in remembered for @server, unlocking the keyring if it
 * has to.
 */
void
hub_credentials_lookup_async (const char          *server,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *normalized = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = credentials_task_new (cancellable, callback, user_data, hub_credentials_lookup_async);
  normalized = normalize_server (server);

  secret_password_search (get_schema (),
                          SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                          cancellable,
                          on_searched,
                          g_steal_pointer (&task),
                          "server", normalized,
                          NULL);
}

/**
 * hub_credentials_lookup_finish:
 * @result: the result
 * @email: (out) (optional) (nullable): the remembered email, or %NULL when
 *   nothing is remembered
 * @password: (out) (optional) (nullable): the remembered password, or %NULL
 *   when nothing is remembered; clear it before freeing it
 * @error: return location for an error
 *
 * Returns: %TRUE when the keyring could be read, whether or not anything
 *   was remembered; %FALSE with %HUB_ERROR_KEYRING when it is unavailable
 *   or stays locked
 */
gboolean
hub_credentials_lookup_finish (GAsyncResult  *result,
                               char         **email,
                               char         **password,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  Found *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_credentials_lookup_async, FALSE);

  if (email != NULL)
    *email = NULL;
  if (password != NULL)
    *password = NULL;

  found = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (found != NULL)
    {
      if (email != NULL)
        *email = g_steal_pointer (&found->email);
      if (password != NULL)
        *password = g_steal_pointer (&found->password);
      found_free (found);
    }

  return TRUE;
}

/* --- clear --------------------------------------------------------------- */

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task,
                         keyring_error (error,
                                        _("The remembered sign-in cannot be removed: "
                                          "the system keyring is not available or is "
                                          "locked. Unlock it and sign out again.")));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hub_credentials_clear_async:
 * @server: the server's address, as given to hub_client_new()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when removed or failed
 * @user_data: data for @callback
 *
 * Forgets every sign-in remembered for @server. Having nothing to forget
 * is a success.
 */
void
hub_credentials_clear_async (const char          *server,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *normalized = NULL;

  g_return_if_fail (server != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = credentials_task_new (cancellable, callback, user_data, hub_credentials_clear_async);
  normalized = normalize_server (server);

  secret_password_clear (get_schema (),
                         cancellable,
                         on_cleared,
                         g_steal_pointer (&task),
                         "server", normalized,
                         NULL);
}

gboolean
hub_credentials_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_credentials_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
