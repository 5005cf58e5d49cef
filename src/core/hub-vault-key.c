/* hub-vault-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <sodium.h>
#include <string.h>

#include "hub-core-private.h"
#include "hub-error.h"
#include "hub-vault-key.h"
#include "hub-vault-key-private.h"

/*
 * Each account's offline library is sealed under a random key of its own,
 * kept in the keyring as base64 under a schema of our own, keyed by server
 * and email. The key never touches the disk in the clear; in memory it
 * lives in libsodium's guarded, locked pages and is wiped when the object
 * goes. When the keyring cannot be reached the caller gets an error: there
 * is no plaintext fallback.
 */

struct _HubVaultKey {
  GObject parent_instance;

  guint8 *bytes;
};

G_DEFINE_FINAL_TYPE (HubVaultKey, hub_vault_key, G_TYPE_OBJECT)

static void
hub_vault_key_finalize (GObject *object)
{
  HubVaultKey *self = HUB_VAULT_KEY (object);

  sodium_memzero (self->bytes, HUB_VAULT_KEY_SIZE);
  g_clear_pointer (&self->bytes, sodium_free);

  G_OBJECT_CLASS (hub_vault_key_parent_class)->finalize (object);
}

static void
hub_vault_key_class_init (HubVaultKeyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hub_vault_key_finalize;

  /* Every use of libsodium in the vault goes through a key, so this runs
   * before any of them; it is idempotent and thread-safe. */
  if (sodium_init () < 0)
    g_error ("libsodium cannot be initialized");
}

static void
hub_vault_key_init (HubVaultKey *self)
{
  /* Guard pages around it, and locked out of swap (sodium_mlock) where
   * the system allows; where it does not, the key still works. */
  self->bytes = sodium_malloc (HUB_VAULT_KEY_SIZE);
  if (self->bytes == NULL)
    g_error ("No memory for a library key");
}

const guint8 *
hub_vault_key_peek_bytes (HubVaultKey *self)
{
  g_return_val_if_fail (HUB_IS_VAULT_KEY (self), NULL);

  return self->bytes;
}

/* --- the keyring --------------------------------------------------------- */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.hubdesk.HubDesk.LibraryKey",
    SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "email", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The same server however its address was typed, as for the sign-in. */
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
make_label (const char *server,
            const char *email)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    name = hub_server_display_name (uri);
  else
    name = g_strdup (server);

  /* Translators: the first %s is an email, the second a server name */
  return g_strdup_printf (_("HUB Desk offline library key of %s on %s"), email, name);
}

static GError *
keyring_error (const GError *error,
               const char   *message)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return hub_error_new_cancelled ();

  if (error != NULL)
    g_debug ("Keyring failed: %s (%s %d)",
             error->message, g_quark_to_string (error->domain), error->code);

  return g_error_new_literal (HUB_ERROR, HUB_ERROR_KEYRING, message);
}

static const char *
load_failed_message (void)
{
  return _("The offline library cannot be opened: the system keyring is not "
           "available or is locked. Unlock it and try again.");
}

typedef enum {
  OPERATION_LOAD_OR_CREATE,
  OPERATION_FORGET,
} Operation;

typedef struct {
  Operation operation;
  char *server;
  char *email;
} Request;

static void
request_free (Request *request)
{
  g_free (request->server);
  g_free (request->email);
  g_free (request);
}

/* Requests wait here and run one at a time, so that two requests for the
 * same account never both find no key and store two different ones (the
 * second would replace the first, orphaning what it sealed). Like the
 * rest of the keyring code, they are made from the main thread. */
static GQueue pending = G_QUEUE_INIT;

static void run_next (void);

/* Hands the result over and lets the next request run. */
static void
request_done (GTask    *task,
              GError   *error,
              gpointer  key)
{
  g_assert (g_queue_peek_head (&pending) == task);
  g_queue_pop_head (&pending);

  if (error != NULL)
    g_task_return_error (task, error);
  else if (key != NULL)
    g_task_return_pointer (task, key, g_object_unref);
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
  run_next ();
}

/* Decodes the stored secret straight into the key's locked memory. */
static HubVaultKey *
key_new_from_secret (SecretValue  *value,
                     GError      **error)
{
  g_autoptr(HubVaultKey) key = g_object_new (HUB_TYPE_VAULT_KEY, NULL);
  const char *text;
  gsize text_length = 0;
  size_t decoded = 0;

  text = secret_value_get (value, &text_length);

  if (text == NULL ||
      sodium_base642bin (key->bytes, HUB_VAULT_KEY_SIZE, text, text_length,
                         NULL, &decoded, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0 ||
      decoded != HUB_VAULT_KEY_SIZE) {
    g_set_error_literal (error, HUB_ERROR, HUB_ERROR_KEYRING,
                         _("The key of the offline library in the system "
                           "keyring is damaged. Use “Forget all offline "
                           "data” and download the documents again."));
    return NULL;
  }

  return g_steal_pointer (&key);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  HubVaultKey *key = g_object_get_data (G_OBJECT (task), "new-key");

  if (!secret_password_store_finish (result, &error)) {
    request_done (task,
                  keyring_error (error,
                                 _("The offline library cannot be created: "
                                   "the system keyring is not available or "
                                   "is locked. Unlock it and try again.")),
                  NULL);
    return;
  }

  g_debug ("Created a new offline library key");
  request_done (task, NULL, g_object_ref (key));
}

static void
create_key (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  HubVaultKey *key = g_object_new (HUB_TYPE_VAULT_KEY, NULL);
  g_autofree char *label = NULL;
  const gsize encoded_size =
    sodium_base64_ENCODED_LEN (HUB_VAULT_KEY_SIZE, sodium_base64_VARIANT_ORIGINAL);
  char *encoded;

  crypto_secretstream_xchacha20poly1305_keygen (key->bytes);
  g_object_set_data_full (G_OBJECT (task), "new-key", key, g_object_unref);

  /* libsecret copies the secret into its own secure memory. */
  encoded = sodium_malloc (encoded_size);
  if (encoded == NULL)
    g_error ("No memory for a library key");
  sodium_bin2base64 (encoded, encoded_size, key->bytes, HUB_VAULT_KEY_SIZE,
                     sodium_base64_VARIANT_ORIGINAL);

  label = make_label (request->server, request->email);
  secret_password_store (get_schema (),
                         SECRET_COLLECTION_DEFAULT,
                         label,
                         encoded,
                         g_task_get_cancellable (task),
                         on_stored,
                         task,
                         "server", request->server,
                         "email", request->email,
                         NULL);
  sodium_free (encoded);
}

static void
on_secret_retrieved (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  SecretValue *value;
  HubVaultKey *key;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object),
                                                     result, &error);

  /* No secret without an error: the item stayed locked. Creating a new key
   * then would orphan every file sealed with the old one. */
  if (value == NULL) {
    request_done (task, keyring_error (error, load_failed_message ()), NULL);
    return;
  }

  key = key_new_from_secret (value, &error);
  secret_value_unref (value);

  request_done (task, key == NULL ? g_steal_pointer (&error) : NULL, key);
}

static void
on_searched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  SecretRetrievable *oldest = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL) {
    request_done (task, keyring_error (error, load_failed_message ()), NULL);
    return;
  }

  if (items == NULL) {
    create_key (task);
    return;
  }

  /* Only one is ever stored; should another process have raced this one,
   * the first key is the one files may already be sealed with. */
  for (GList *l = items; l != NULL; l = l->next) {
    SecretRetrievable *item = l->data;

    if (oldest == NULL ||
        secret_retrievable_get_created (item) < secret_retrievable_get_created (oldest))
      oldest = item;
  }

  secret_retrievable_retrieve_secret (oldest,
                                      g_task_get_cancellable (task),
                                      on_secret_retrieved,
                                      task);
  g_list_free_full (items, g_object_unref);
}

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was no key to remove. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    request_done (task,
                  keyring_error (error,
                                 _("The offline library key cannot be "
                                   "removed: the system keyring is not "
                                   "available or is locked. Unlock it and "
                                   "try again.")),
                  NULL);
  else
    request_done (task, NULL, NULL);
}

static void
run_next (void)
{
  GTask *task = g_queue_peek_head (&pending);
  Request *request;

  if (task == NULL)
    return;

  request = g_task_get_task_data (task);

  switch (request->operation) {
    case OPERATION_LOAD_OR_CREATE:
      secret_password_search (get_schema (),
                              SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK |
                              SECRET_SEARCH_LOAD_SECRETS,
                              g_task_get_cancellable (task),
                              on_searched,
                              task,
                              "server", request->server,
                              "email", request->email,
                              NULL);
      break;

    case OPERATION_FORGET:
      secret_password_clear (get_schema (),
                             g_task_get_cancellable (task),
                             on_cleared,
                             task,
                             "server", request->server,
                             "email", request->email,
                             NULL);
      break;

    default:
      g_assert_not_reached ();
  }
}

/* Queues the request; the queue owns @task until it is done. */
static void
request_start (Operation            operation,
               const char          *server,
               const char          *email,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported in the HUB_ERROR domain. */
  g_task_set_check_cancellable (task, FALSE);

  request->operation = operation;
  request->server = normalize_server (server);
  request->email = g_strdup (email);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  g_queue_push_tail (&pending, task);
  if (g_queue_get_length (&pending) == 1)
    run_next ();
}

/**
 * hub_vault_key_load_or_create_async:
 * @server: the server's address, as given to hub_client_new()
 * @email: the account's work email
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the key is ready or failed
 * @user_data: data for @callback
 *
 * Reads the offline library key of the account from the keyring,
 * unlocking the keyring if it has to, or creates and stores a new random
 * key when the account has none yet.
 */
void
hub_vault_key_load_or_create_async (const char          *server,
                                    const char          *email,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (server != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_LOAD_OR_CREATE, server, email, cancellable,
                 callback, user_data, hub_vault_key_load_or_create_async);
}

/**
 * hub_vault_key_load_or_create_finish:
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the key, or %NULL with %HUB_ERROR_KEYRING when
 *   the keyring is unavailable or stays locked
 */
HubVaultKey *
hub_vault_key_load_or_create_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_vault_key_load_or_create_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hub_vault_key_forget_async:
 * @server: the server's address, as given to hub_client_new()
 * @email: the account's work email
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when removed or failed
 * @user_data: data for @callback
 *
 * Removes the account's library key from the keyring. Whatever was sealed
 * with it can never be opened again, which is what forgetting the offline
 * data means; the next load creates a new key. Having no key is a success.
 */
void
hub_vault_key_forget_async (const char          *server,
                            const char          *email,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (server != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_FORGET, server, email, cancellable,
                 callback, user_data, hub_vault_key_forget_async);
}

gboolean
hub_vault_key_forget_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_vault_key_forget_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
