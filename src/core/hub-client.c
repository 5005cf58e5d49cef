/* hub-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "hub-client.h"
#include "hub-core-private.h"
#include "hub-error.h"

/**
 * HubClient:
 *
 * Talks to one HUB server under `/api/v1`, and holds the session of the
 * signed-in user.
 *
 * Every call is asynchronous and reports errors in the %HUB_ERROR domain,
 * cancellation included (%HUB_ERROR_CANCELLED, never %G_IO_ERROR_CANCELLED),
 * so that a caller matches one domain only.
 *
 * The bearer token lives only in memory, is sent only in the Authorization
 * header of requests to this server, and is cleared when the session ends.
 * A call that needs a session and finds none, or that the server refuses
 * with 401, ends the session and emits #HubClient::session-expired before
 * its callback runs.
 */
struct _HubClient
{
  GObject parent_instance;

  char *base_url;
  char *api_url;
  char *server_name;
  SoupSession *session;

  char *token;
  HubUser *user;
};

G_DEFINE_FINAL_TYPE (HubClient, hub_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_USER,
  PROP_SIGNED_IN,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Seconds before a request that gets no answer fails. */
#define REQUEST_TIMEOUT_SECONDS 20

typedef enum {
  REQUEST_ANONYMOUS = 0,
  /* Sends the session token; a 401 ends the session. */
  REQUEST_AUTHENTICATED = 1 << 0,
  /* Answers a sign-in: 401 is a wrong email or password. */
  REQUEST_SIGN_IN = 1 << 1,
} RequestFlags;

typedef struct {
  SoupMessage *message;
  char *token;
  RequestFlags flags;

  /* Downloads only: the body as it arrives, and the most it may hold. */
  GInputStream *stream;
  GByteArray *buffer;
  gsize max_size;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  hub_clear_secret (&request->token);
  g_clear_object (&request->stream);
  g_clear_pointer (&request->buffer, g_byte_array_unref);
  g_free (request);
}

/* Bodies may hold a password, and task data a token: they are cleared
 * before they are freed. */
static void
clear_and_free (gpointer data)
{
  if (data == NULL)
    return;

  sodium_memzero (data, strlen (data));
  g_free (data);
}

/* A JSON object of string members from NULL-terminated name, value pairs,
 * written into a buffer sized once so that no copy is left behind. */
static GBytes *
json_body_new (const char *first_name,
               ...)
{
  GString *text;
  va_list args;
  gsize size = 3;
  gsize length;
  char *data;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      size += hub_json_string_max_size (name) + hub_json_string_max_size (value) + 2;
    }
  va_end (args);

  text = g_string_sized_new (size);
  g_string_append_c (text, '{');

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (text->len > 1)
        g_string_append_c (text, ',');
      hub_json_append_string (text, name);
      g_string_append_c (text, ':');
      hub_json_append_string (text, value);
    }
  va_end (args);

  g_string_append_c (text, '}');
  g_assert (text->len <= size);

  length = text->len;
  data = g_string_free (text, FALSE);

  return g_bytes_new_with_free_func (data, length, clear_and_free, data);
}

/* Changes the session in one step, so that "signed-in" is notified exactly
 * when it changes. */
static void
hub_client_update_session (HubClient  *self,
                           const char *token,
                           HubUser    *user)
{
  gboolean was_signed_in = hub_client_get_signed_in (self);

  if (token != self->token)
    {
      hub_clear_secret (&self->token);
      self->token = g_strdup (token);
    }

  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);

  if (was_signed_in != hub_client_get_signed_in (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

static void
hub_client_forget_session (HubClient *self)
{
  hub_client_update_session (self, NULL, NULL);
}

/* Called when a call found no session (@token is %NULL), or the server
 * refused @token. A session started since the call was made is left
 * alone. */
static void
hub_client_session_ended (HubClient  *self,
                          const char *token)
{
  if (g_strcmp0 (token, self->token) != 0)
    return;

  g_debug ("The session ended");

  hub_client_forget_session (self);
  g_signal_emit (self, signals[SESSION_EXPIRED], 0);
}

static GError *
invalid_address_error (HubClient *self)
{
  return g_error_new (HUB_ERROR, HUB_ERROR_INVALID_INPUT,
                      _("The server address “%s” is not a web address. Enter "
                        "one like https://hub.example.com in Preferences."),
                      self->base_url);
}

/* The error for an answer that is not 2xx, from its body when that is the
 * contract's Error. A refused token ends the session. */
static GError *
refusal_error (HubClient *self,
               Request   *request,
               GBytes    *bytes)
{
  g_autoptr(JsonObject) body = NULL;
  GError *error;
  const char *retry_after;
  guint status = soup_message_get_status (request->message);

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    body = hub_json_parse_object (bytes, NULL);

  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                              "Retry-After");
  error = hub_error_new_response (status, body, retry_after,
                                  (request->flags & REQUEST_SIGN_IN) != 0);

  if (status == SOUP_STATUS_UNAUTHORIZED && (request->flags & REQUEST_AUTHENTICATED) != 0)
    {
      /* Whatever the body says, a refused token means the session is over. */
      if (!g_error_matches (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED))
        {
          g_clear_error (&error);
          error = g_error_new_literal (HUB_ERROR, HUB_ERROR_UNAUTHENTICATED,
                                       _("Your session has ended. Sign in again."));
        }

      hub_client_session_ended (self, request->token);
    }

  return error;
}

static void
on_request_sent (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, hub_error_new_transport (error, self->server_name));
      return;
    }

  status = soup_message_get_status (request->message);
  g_debug ("%s answered with HTTP %u",
           soup_message_get_method (request->message), status);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (status == SOUP_STATUS_NO_CONTENT || g_bytes_get_size (bytes) == 0)
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }

      if (!(body = hub_json_parse_object (bytes, &error)))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, g_steal_pointer (&body),
                               (GDestroyNotify) json_object_unref);
      return;
    }

  g_task_return_error (task, refusal_error (self, request, bytes));
}

static gboolean
complete_without_session (gpointer user_data)
{
  GTask *task = user_data;
  HubClient *self = g_task_get_source_object (task);

  hub_client_session_ended (self, NULL);
  g_task_return_new_error (task, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED,
                           _("You are not signed in. Sign in again."));

  return G_SOURCE_REMOVE;
}

/* Makes the request of @task, or completes @task with the reason it
 * cannot be made and returns %NULL. */
static Request *
request_prepare (HubClient    *self,
                 GTask        *task,
                 const char   *method,
                 const char   *path,
                 const char   *token,
                 RequestFlags  flags,
                 const char   *accept)
{
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  Request *request;

  if (self->api_url == NULL)
    {
      g_task_return_error (task, invalid_address_error (self));
      return NULL;
    }

  if ((flags & REQUEST_AUTHENTICATED) != 0 && token == NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_task_attach_source (task, source, complete_without_session);
      return NULL;
    }

  url = g_strconcat (self->api_url, path, NULL);

  request = g_new0 (Request, 1);
  request->message = soup_message_new (method, url);
  request->token = g_strdup (token);
  request->flags = flags;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (request->message == NULL)
    {
      g_task_return_error (task, invalid_address_error (self));
      return NULL;
    }

  /* A redirect would carry the token to another address: refuse it. */
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", accept);

  if (token != NULL)
    {
      authorization = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
      sodium_memzero (authorization, strlen (authorization));
    }

  return request;
}

/*
 * hub_client_request_async:
 * @path: the path under /api/v1, its variable parts already escaped
 * @body: (nullable): a JSON body
 * @token: (nullable): the bearer token to send
 *
 * Sends one request. Its result is the answer's JSON object, or %NULL for
 * an answer without a body; refusals become HUB_ERROR errors.
 */
static void
hub_client_request_async (HubClient           *self,
                          const char          *method,
                          const char          *path,
                          GBytes              *body,
                          const char          *token,
                          RequestFlags         flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_client_request_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!(request = request_prepare (self, task, method, path, token, flags, "application/json")))
    return;

  if (body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", body);

  /* libsoup 3.6 can touch a freed queue item when a request is cancelled
   * while its answer is on its way (a GLib critical, then a crash), so the
   * request is left to end and the caller's cancellation is reported when it
   * does: hub_client_request_finish() checks the task's cancellable. */
  soup_session_send_and_read_async (self->session,
                                    request->message,
                                    G_PRIORITY_DEFAULT,
                                    NULL,
                                    on_request_sent,
                                    g_steal_pointer (&task));
}

static gboolean
hub_client_request_finish (HubClient     *self,
                           GAsyncResult  *result,
                           JsonObject   **body,
                           GError       **error)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) local_error = NULL;

  g_assert (g_task_is_valid (result, self));

  object = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The answer may have arrived just as the caller gave up on it. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_propagate_error (error, hub_error_new_cancelled ());
      return FALSE;
    }

  if (body != NULL)
    *body = g_steal_pointer (&object);

  return TRUE;
}

/* For calls whose answer must have a body. */
static JsonObject *
hub_client_request_finish_object (HubClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(JsonObject) body = NULL;

  if (!hub_client_request_finish (self, result, &body, error))
    return NULL;

  if (body == NULL)
    {
      g_propagate_error (error, hub_error_new_contract ("empty body"));
      return NULL;
    }

  return g_steal_pointer (&body);
}

static GTask *
outer_task_new (HubClient           *self,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data,
                gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported in the HUB_ERROR domain by the request. */
  g_task_set_check_cancellable (task, FALSE);

  return task;
}

/* /companies/{id} with @company_id escaped, whatever it holds. */
static char *
company_path (const char *company_id,
              const char *rest)
{
  g_autofree char *escaped = g_uri_escape_string (company_id, NULL, FALSE);

  return g_strconcat ("/companies/", escaped, rest, NULL);
}

/* --- downloads ------------------------------------------------------------ */

/* How much of a refusal's body is read: enough for the contract's Error. */
#define REFUSAL_MAX_SIZE (64 * 1024)
#define DOWNLOAD_CHUNK_SIZE (256 * 1024)

static GError *
too_large_error (gsize max_size)
{
  guint mib = (guint) (max_size / (1024 * 1024));

  /* Translators: %u is a size in mebibytes, such as 64 */
  return g_error_new (HUB_ERROR, HUB_ERROR_SERVER,
                      _("The document the server sent is larger than %u MiB, "
                        "more than HUB Desk accepts. Ask HUB support about it."),
                      MAX (mib, 1u));
}

static void read_next_chunk (GTask *task);

static void
on_chunk_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean successful;
  gsize limit;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, hub_error_new_transport (error, self->server_name));
      return;
    }

  successful = SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message));
  limit = successful ? request->max_size : REFUSAL_MAX_SIZE;

  if (g_bytes_get_size (chunk) > 0)
    {
      if (request->buffer->len + g_bytes_get_size (chunk) > limit)
        {
          if (successful)
            g_task_return_error (task, too_large_error (request->max_size));
          else
            g_task_return_error (task, refusal_error (self, request, NULL));
          return;
        }

      g_byte_array_append (request->buffer,
                           g_bytes_get_data (chunk, NULL),
                           g_bytes_get_size (chunk));
      read_next_chunk (g_steal_pointer (&task));
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&request->buffer));
  g_debug ("Download ended after %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (body));

  if (successful)
    g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, refusal_error (self, request, body));
}

static void
read_next_chunk (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  /* A cancelled download stops between chunks; the finish reports it. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_task_return_error (task, hub_error_new_cancelled ());
      g_object_unref (task);
      return;
    }

  g_input_stream_read_bytes_async (request->stream,
                                   DOWNLOAD_CHUNK_SIZE,
                                   G_PRIORITY_DEFAULT,
                                   NULL,
                                   on_chunk_read,
                                   task);
}

static void
on_download_sent (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HubClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      g_task_return_error (task, hub_error_new_transport (error, self->server_name));
      return;
    }

  status = soup_message_get_status (request->message);
  g_debug ("%s answered with HTTP %u",
           soup_message_get_method (request->message), status);

  /* Refused before a byte is read when the size is known. */
  headers = soup_message_get_response_headers (request->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status) &&
      soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) request->max_size)
    {
      g_task_return_error (task, too_large_error (request->max_size));
      return;
    }

  request->buffer = g_byte_array_new ();
  read_next_chunk (g_steal_pointer (&task));
}

/*
 * hub_client_download_async:
 * @path: the path under /api/v1, its variable parts already escaped
 * @accept: the media type asked for
 * @max_size: the largest body accepted; a larger one fails the call
 *
 * Reads a body that is not JSON, such as a document, with the session's
 * token. It is read in chunks as it arrives, so a body over @max_size is
 * refused without being held in memory whole. Refusals become HUB_ERROR
 * errors as for JSON calls.
 */
void
hub_client_download_async (HubClient           *self,
                           const char          *path,
                           const char          *accept,
                           gsize                max_size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_assert (HUB_IS_CLIENT (self));
  g_assert (path != NULL);
  g_assert (accept != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_client_download_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!(request = request_prepare (self, task, SOUP_METHOD_GET, path, self->token,
                                   REQUEST_AUTHENTICATED, accept)))
    return;

  request->max_size = max_size;

  /* Not cancelled inside libsoup; see hub_client_request_async(). */
  soup_session_send_async (self->session,
                           request->message,
                           G_PRIORITY_DEFAULT,
                           NULL,
                           on_download_sent,
                           g_steal_pointer (&task));
}

GBytes *
hub_client_download_finish (HubClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_assert (g_task_is_valid (result, self));
  g_assert (g_task_get_source_tag (G_TASK (result)) == hub_client_download_async);

  if (!(bytes = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_propagate_error (error, hub_error_new_cancelled ());
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* --- what the other files of the library call ----------------------------- */

/* An authenticated JSON call with the session's token. */
void
hub_client_call_async (HubClient           *self,
                       const char          *method,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_assert (HUB_IS_CLIENT (self));

  hub_client_request_async (self, method, path, NULL, self->token,
                            REQUEST_AUTHENTICATED, cancellable,
                            callback, user_data);
}

/* The body of a call's answer, which must have one. */
JsonObject *
hub_client_call_finish (HubClient     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return hub_client_request_finish_object (self, result, error);
}

GTask *
hub_client_task_new (HubClient           *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             source_tag)
{
  return outer_task_new (self, cancellable, callback, user_data, source_tag);
}

char *
hub_client_company_path (const char *company_id,
                         const char *rest)
{
  return company_path (company_id, rest);
}

static void
hub_client_dispose (GObject *object)
{
  HubClient *self = (HubClient *) object;

  g_clear_object (&self->session);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (hub_client_parent_class)->dispose (object);
}

static void
hub_client_finalize (GObject *object)
{
  HubClient *self = (HubClient *) object;

  hub_clear_secret (&self->token);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_url, g_free);
  g_clear_pointer (&self->server_name, g_free);

  G_OBJECT_CLASS (hub_client_parent_class)->finalize (object);
}

/* One session for every client of the process, as libsoup intends: it
 * pools connections, and it is never torn down while a connection of a
 * client that just went away may still be closing. */
static SoupSession *
shared_session (void)
{
  static SoupSession *session;

  if (g_once_init_enter_pointer (&session))
    {
      SoupSession *created = g_object_new (SOUP_TYPE_SESSION,
                                           "user-agent", "HubDesk/" PACKAGE_VERSION,
                                           "timeout", REQUEST_TIMEOUT_SECONDS,
                                           "idle-timeout", 60,
                                           NULL);

      g_once_init_leave_pointer (&session, created);
    }

  return g_object_ref (session);
}

static void
hub_client_constructed (GObject *object)
{
  HubClient *self = (HubClient *) object;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *normalized = NULL;
  const char *scheme;
  gsize length;

  G_OBJECT_CLASS (hub_client_parent_class)->constructed (object);

  if (self->base_url == NULL)
    self->base_url = g_strdup ("");

  /* "https://hub.example.com/" and "https://hub.example.com" are one server. */
  normalized = g_strstrip (g_strdup (self->base_url));
  length = strlen (normalized);
  while (length > 0 && normalized[length - 1] == '/')
    normalized[--length] = '\0';

  uri = g_uri_parse (normalized, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri != NULL &&
      (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0) &&
      g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
      g_uri_get_userinfo (uri) == NULL &&
      g_uri_get_query (uri) == NULL &&
      g_uri_get_fragment (uri) == NULL)
    {
      self->api_url = g_strconcat (normalized, "/api/v1", NULL);
      self->server_name = hub_server_display_name (uri);
    }
  else
    {
      g_debug ("The server address is not an http or https URL");
      self->server_name = g_strdup (self->base_url);
    }

  self->session = shared_session ();
}

static void
hub_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HubClient *self = HUB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, hub_client_get_signed_in (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HubClient *self = HUB_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hub_client_class_init (HubClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hub_client_constructed;
  object_class->dispose = hub_client_dispose;
  object_class->finalize = hub_client_finalize;
  object_class->get_property = hub_client_get_property;
  object_class->set_property = hub_client_set_property;

  /**
   * HubClient:base-url:
   *
   * The server's address without the API path, such as
   * "https://hub.example.com"; the client appends "/api/v1".
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * HubClient:user:
   *
   * The signed-in user, set by sign-in and by refreshing the user; %NULL
   * when signed out.
   */
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         HUB_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * HubClient:signed-in:
   *
   * Whether the client holds a session.
   */
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HubClient::session-expired:
   *
   * Emitted when a call that needs a session found none, or the server
   * refused the session's token (expired, idle too long, or revoked). The
   * client is signed out by then; the app asks the user to sign in again.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
hub_client_init (HubClient *self)
{
}

/**
 * hub_client_new:
 * @base_url: the server's address, such as "https://hub.example.com"
 *
 * An address that is not an http or https URL does not fail here: every
 * call then fails with %HUB_ERROR_INVALID_INPUT and a message that says so.
 *
 * Returns: (transfer full): a new client, signed out
 */
HubClient *
hub_client_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (HUB_TYPE_CLIENT,
                       "base-url", base_url,
                       NULL);
}

const char *
hub_client_get_base_url (HubClient *self)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * hub_client_get_user:
 * @self: a client
 *
 * Returns: (transfer none) (nullable): the signed-in user
 */
HubUser *
hub_client_get_user (HubClient *self)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);

  return self->user;
}

gboolean
hub_client_get_signed_in (HubClient *self)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), FALSE);

  return self->token != NULL && self->user != NULL;
}

/* --- sign-in ------------------------------------------------------------- */

static void
on_sign_in_answered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HubClient *self = HUB_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(HubUser) user = NULL;
  GError *error = NULL;
  JsonObject *user_object;
  const char *token;
  const char *expires_at;
  guint idle_timeout;

  if (!(body = hub_client_request_finish_object (self, result, &error)) ||
      !hub_json_require_string (body, "token", &token, &error) ||
      !hub_json_require_string (body, "expires_at", &expires_at, &error) ||
      !hub_json_require_uint (body, "idle_timeout_seconds", &idle_timeout, &error) ||
      !(user_object = hub_json_require_object (body, "user", &error)) ||
      !(user = hub_user_new_from_json (user_object, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (*token == '\0')
    {
      g_task_return_error (task, hub_error_new_contract ("token"));
      return;
    }

  hub_client_update_session (self, token, user);
  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
}

/**
 * hub_client_sign_in_async:
 * @self: a client
 * @email: the work email
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when signed in or refused
 * @user_data: data for @callback
 *
 * Signs in, replacing any session the client held. A wrong email or
 * password is %HUB_ERROR_INVALID_CREDENTIALS; a locked sign-in is
 * %HUB_ERROR_TOO_MANY_ATTEMPTS with the minutes to wait in its message.
 * The password is not kept.
 */
void
hub_client_sign_in_async (HubClient           *self,
                          const char          *email,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (email != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data, hub_client_sign_in_async);
  body = json_body_new ("email", email, "password", password, NULL);

  hub_client_request_async (self, SOUP_METHOD_POST, "/session", body, NULL,
                            REQUEST_SIGN_IN, cancellable,
                            on_sign_in_answered, g_steal_pointer (&task));
}

/**
 * hub_client_sign_in_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the signed-in user, also #HubClient:user
 */
HubUser *
hub_client_sign_in_finish (HubClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_client_sign_in_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- sign-out ------------------------------------------------------------ */

static void
on_sign_out_answered (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* A token the server no longer knows is as signed out as it gets. */
  if (!hub_client_request_finish (HUB_CLIENT (object), result, NULL, &error) &&
      !g_error_matches (error, HUB_ERROR, HUB_ERROR_UNAUTHENTICATED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_error (&error);
  g_task_return_boolean (task, TRUE);
}

/**
 * hub_client_sign_out_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Forgets the session at once, then asks the server to revoke its token.
 * The client is signed out whatever the server answers; an error only
 * says the server could not be told, so the token lives on there until it
 * expires.
 */
void
hub_client_sign_out_async (HubClient           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *token = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data, hub_client_sign_out_async);

  token = g_strdup (self->token);
  hub_client_forget_session (self);

  if (token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  hub_client_request_async (self, SOUP_METHOD_DELETE, "/session", NULL, token,
                            REQUEST_ANONYMOUS, cancellable,
                            on_sign_out_answered, g_steal_pointer (&task));
  hub_clear_secret (&token);
}

gboolean
hub_client_sign_out_finish (HubClient     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hub_client_sign_out_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- calls answered without a body -------------------------------------- */

static void
on_no_content_answered (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!hub_client_request_finish (HUB_CLIENT (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hub_client_request_password_reset_async:
 * @self: a client
 * @email: the work email
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Asks the server to email a password reset link. The server accepts any
 * email, so success says nothing about whether the account exists.
 */
void
hub_client_request_password_reset_async (HubClient           *self,
                                         const char          *email,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (email != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data,
                         hub_client_request_password_reset_async);
  body = json_body_new ("email", email, NULL);

  hub_client_request_async (self, SOUP_METHOD_POST, "/password/forgot", body, NULL,
                            REQUEST_ANONYMOUS, cancellable,
                            on_no_content_answered, g_steal_pointer (&task));
}

gboolean
hub_client_request_password_reset_finish (HubClient     *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_request_password_reset_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * hub_client_set_password_async:
 * @self: a client
 * @token: the token from a password reset or invitation email
 * @password: the new password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Sets a password with an emailed token, which works once. A used or
 * expired token is %HUB_ERROR_INVALID_TOKEN; a refused password is
 * %HUB_ERROR_WEAK_PASSWORD or %HUB_ERROR_INVALID_INPUT. The server ends
 * every session of that user, this client's included when it is theirs.
 */
void
hub_client_set_password_async (HubClient           *self,
                               const char          *token,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (token != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data, hub_client_set_password_async);
  body = json_body_new ("token", token, "password", password, NULL);

  hub_client_request_async (self, SOUP_METHOD_POST, "/password/reset", body, NULL,
                            REQUEST_ANONYMOUS, cancellable,
                            on_no_content_answered, g_steal_pointer (&task));
}

gboolean
hub_client_set_password_finish (HubClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_set_password_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- portal links -------------------------------------------------------- */

static void
on_portal_links_answered (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  GListModel *links;
  GError *error = NULL;

  if (!(body = hub_client_request_finish_object (HUB_CLIENT (object), result, &error)) ||
      !(links = hub_portal_links_new_from_json (body, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, links, g_object_unref);
}

/**
 * hub_client_list_portal_links_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Lists the drug-screen results portals for the sign-in page. Needs no
 * session.
 */
void
hub_client_list_portal_links_async (HubClient           *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data,
                         hub_client_list_portal_links_async);

  hub_client_request_async (self, SOUP_METHOD_GET, "/portal-links", NULL, NULL,
                            REQUEST_ANONYMOUS, cancellable,
                            on_portal_links_answered, g_steal_pointer (&task));
}

/**
 * hub_client_list_portal_links_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): a list of #HubPortalLink in display order
 */
GListModel *
hub_client_list_portal_links_finish (HubClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_list_portal_links_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the current user ---------------------------------------------------- */

static void
on_user_answered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HubClient *self = HUB_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(HubUser) user = NULL;
  GError *error = NULL;

  if (!(body = hub_client_request_finish_object (self, result, &error)) ||
      !(user = hub_user_new_from_json (body, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Unless signed out, or signed in again, while the answer was on its way. */
  if (self->token != NULL && g_strcmp0 (self->token, g_task_get_task_data (task)) == 0)
    hub_client_update_session (self, self->token, user);

  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
}

/**
 * hub_client_refresh_user_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Reads the signed-in user again, with their current companies, roles and
 * permissions, and updates #HubClient:user.
 */
void
hub_client_refresh_user_async (HubClient           *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data, hub_client_refresh_user_async);
  g_task_set_task_data (task, g_strdup (self->token), (GDestroyNotify) clear_and_free);

  hub_client_request_async (self, SOUP_METHOD_GET, "/me", NULL, self->token,
                            REQUEST_AUTHENTICATED, cancellable,
                            on_user_answered, g_steal_pointer (&task));
}

/**
 * hub_client_refresh_user_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the user
 */
HubUser *
hub_client_refresh_user_finish (HubClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_refresh_user_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- companies ----------------------------------------------------------- */

static void
on_company_answered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(HubCompany) company = NULL;
  const char *company_id = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(body = hub_client_request_finish_object (HUB_CLIENT (object), result, &error)) ||
      !(company = hub_company_new_from_json (body, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_str_equal (hub_company_get_id (company), company_id))
    {
      g_task_return_error (task, hub_error_new_contract ("id of another company"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&company), g_object_unref);
}

/**
 * hub_client_get_company_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Reads a company's name, phone and addresses. A company the user does
 * not belong to is %HUB_ERROR_FORBIDDEN.
 */
void
hub_client_get_company_async (HubClient           *self,
                              const char          *company_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data, hub_client_get_company_async);
  g_task_set_task_data (task, g_strdup (company_id), g_free);
  path = company_path (company_id, NULL);

  hub_client_request_async (self, SOUP_METHOD_GET, path, NULL, self->token,
                            REQUEST_AUTHENTICATED, cancellable,
                            on_company_answered, g_steal_pointer (&task));
}

/**
 * hub_client_get_company_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the company
 */
HubCompany *
hub_client_get_company_finish (HubClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_get_company_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_company_summary_answered (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(HubCompanySummary) summary = NULL;
  const char *company_id = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(body = hub_client_request_finish_object (HUB_CLIENT (object), result, &error)) ||
      !(summary = hub_company_summary_new_from_json (body, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_str_equal (hub_company_summary_get_company_id (summary), company_id))
    {
      g_task_return_error (task, hub_error_new_contract ("company_id of another company"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&summary), g_object_unref);
}

/**
 * hub_client_get_company_summary_async:
 * @self: a client
 * @company_id: the id of a company the user belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Reads the dashboard's figures for a company.
 */
void
hub_client_get_company_summary_async (HubClient           *self,
                                      const char          *company_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data,
                         hub_client_get_company_summary_async);
  g_task_set_task_data (task, g_strdup (company_id), g_free);
  path = company_path (company_id, "/summary");

  hub_client_request_async (self, SOUP_METHOD_GET, path, NULL, self->token,
                            REQUEST_AUTHENTICATED, cancellable,
                            on_company_summary_answered, g_steal_pointer (&task));
}

/**
 * hub_client_get_company_summary_finish:
 * @self: a client
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full): the figures
 */
HubCompanySummary *
hub_client_get_company_summary_finish (HubClient     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_get_company_summary_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hub_client_invite_contact_async:
 * @self: a client
 * @company_id: the company's id
 * @contact_id: the contact's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Emails a contact an invitation to the portal. Only User Admins of the
 * company may: others get %HUB_ERROR_FORBIDDEN. A contact who is already
 * an active user, or has no email, is %HUB_ERROR_CONFLICT.
 */
void
hub_client_invite_contact_async (HubClient           *self,
                                 const char          *company_id,
                                 const char          *contact_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped_contact = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HUB_IS_CLIENT (self));
  g_return_if_fail (company_id != NULL);
  g_return_if_fail (contact_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = outer_task_new (self, cancellable, callback, user_data,
                         hub_client_invite_contact_async);
  escaped_contact = g_uri_escape_string (contact_id, NULL, FALSE);
  rest = g_strconcat ("/contacts/", escaped_contact, "/invitation", NULL);
  path = company_path (company_id, rest);

  hub_client_request_async (self, SOUP_METHOD_POST, path, NULL, self->token,
                            REQUEST_AUTHENTICATED, cancellable,
                            on_no_content_answered, g_steal_pointer (&task));
}

gboolean
hub_client_invite_contact_finish (HubClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (HUB_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        hub_client_invite_contact_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
