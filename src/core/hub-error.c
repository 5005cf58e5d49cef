/* hub-error.c: turning what goes wrong into sentences a person can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "hub-core-private.h"
#include "hub-error.h"

/* libsoup names no status 429. */
#define HTTP_TOO_MANY_REQUESTS 429

G_DEFINE_QUARK (hub-error-quark, hub_error)

GError *
hub_error_new_contract (const char *what)
{
  /* Member names only, never values: the values are account data or PHI. */
  g_debug ("Answer breaks the contract at: %s", what);

  return g_error_new_literal (HUB_ERROR, HUB_ERROR_SERVER,
                              _("The HUB server sent an answer this version of "
                                "HUB Desk does not understand."));
}

GError *
hub_error_new_cancelled (void)
{
  return g_error_new_literal (HUB_ERROR, HUB_ERROR_CANCELLED,
                              _("The operation was cancelled."));
}

/* "host" for a default port, "host:port" otherwise, as a person would type
 * it in Preferences. */
char *
hub_server_display_name (GUri *uri)
{
  const char *host;
  int port;

  g_return_val_if_fail (uri != NULL, NULL);

  host = g_uri_get_host (uri);
  port = g_uri_get_port (uri);
  if (host == NULL)
    host = "";

  if (port < 0)
    return g_strdup (host);

  if (strchr (host, ':') != NULL)
    return g_strdup_printf ("[%s]:%d", host, port);

  return g_strdup_printf ("%s:%d", host, port);
}

GError *
hub_error_new_transport (const GError *error,
                         const char   *server_name)
{
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (server_name != NULL, NULL);

  g_debug ("Request failed: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return hub_error_new_cancelled ();

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (HUB_ERROR, HUB_ERROR_TLS,
                        _("The HUB server’s security certificate is not "
                          "trusted. Check the address in Preferences, or ask "
                          "your administrator about the server at %s."),
                        server_name);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (HUB_ERROR, HUB_ERROR_TLS,
                        _("A secure connection to the HUB server at %s cannot "
                          "be made. Check the address in Preferences."),
                        server_name);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (HUB_ERROR, HUB_ERROR_NETWORK,
                        _("The HUB server at %s did not answer in time. Check "
                          "your network and try again."),
                        server_name);

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (HUB_ERROR, HUB_ERROR_SERVER,
                        _("The server at %s does not answer like a HUB server. "
                          "Check the address in Preferences."),
                        server_name);

  /* Refused, unreachable, unknown host, closed connection, proxy trouble. */
  return g_error_new (HUB_ERROR, HUB_ERROR_NETWORK,
                      _("The HUB server at %s cannot be reached. Check the "
                        "address in Preferences and your network."),
                      server_name);
}

static GError *
too_many_attempts (guint    retry_after_seconds,
                   gboolean signing_in)
{
  guint minutes = (retry_after_seconds + 59) / 60;

  if (minutes == 0)
    minutes = 1;

  if (signing_in)
    return g_error_new (HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "Too many failed sign-ins. Try again in %u minute.",
                                     "Too many failed sign-ins. Try again in %u minutes.",
                                     minutes),
                        minutes);

  return g_error_new (HUB_ERROR, HUB_ERROR_TOO_MANY_ATTEMPTS,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Too many attempts. Try again in %u minute.",
                                   "Too many attempts. Try again in %u minutes.",
                                   minutes),
                      minutes);
}

static GError *
error_for_status (guint        status,
                  const char  *retry_after,
                  gboolean     signing_in)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (signing_in)
        return g_error_new_literal (HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS,
                                    _("The email or password is not right."));
      return g_error_new_literal (HUB_ERROR, HUB_ERROR_UNAUTHENTICATED,
                                  _("Your session has ended. Sign in again."));

    case HTTP_TOO_MANY_REQUESTS:
      {
        guint64 seconds = 0;

        if (retry_after == NULL ||
            !g_ascii_string_to_unsigned (retry_after, 10, 1, G_MAXUINT, &seconds, NULL))
          seconds = 60;

        return too_many_attempts ((guint) seconds, signing_in);
      }

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        return g_error_new_literal (HUB_ERROR, HUB_ERROR_SERVER,
                                    _("The HUB server has a problem right now. "
                                      "Try again in a few minutes."));

      return hub_error_new_contract ("status without an error body");
    }
}

/* The server's own message, when it has one, is the most precise for
 * refused input; otherwise @fallback. */
static GError *
error_with_server_message (HubError    code,
                           const char *server_message,
                           const char *fallback)
{
  if (server_message != NULL && *server_message != '\0')
    return g_error_new_literal (HUB_ERROR, code, server_message);

  return g_error_new_literal (HUB_ERROR, code, fallback);
}

/*
 * hub_error_new_response:
 * @status: the HTTP status, not 2xx
 * @body: (nullable): the body, when it was a JSON object
 * @retry_after: (nullable): the Retry-After header
 * @signing_in: whether this answers a sign-in, where 401 means a wrong
 *   email or password and 429 a locked sign-in
 *
 * Maps the contract's Error shape by its code; a body that is not one is
 * mapped by @status alone.
 */
GError *
hub_error_new_response (guint       status,
                        JsonObject *body,
                        const char *retry_after,
                        gboolean    signing_in)
{
  const char *code = NULL;
  const char *message = NULL;
  guint retry_after_seconds = 0;

  if (body == NULL ||
      !hub_json_require_string (body, "code", &code, NULL) ||
      !hub_json_optional_string (body, "message", &message, NULL) ||
      !hub_json_optional_uint (body, "retry_after_seconds", &retry_after_seconds, NULL))
    return error_for_status (status, retry_after, signing_in);

  g_debug ("Server refused the request: HTTP %u, %s", status, code);

  if (g_str_equal (code, "invalid_credentials"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_INVALID_CREDENTIALS,
                                _("The email or password is not right."));

  if (g_str_equal (code, "too_many_attempts"))
    {
      if (retry_after_seconds == 0)
        return error_for_status (HTTP_TOO_MANY_REQUESTS, retry_after, signing_in);
      return too_many_attempts (retry_after_seconds, signing_in);
    }

  if (g_str_equal (code, "unauthenticated"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_UNAUTHENTICATED,
                                _("Your session has ended. Sign in again."));

  if (g_str_equal (code, "session_expired"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_UNAUTHENTICATED,
                                _("Your session expired. Sign in again."));

  if (g_str_equal (code, "forbidden"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_FORBIDDEN,
                                _("Your account may not do this. A User Admin "
                                  "of your company can change your permissions."));

  if (g_str_equal (code, "not_found"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_NOT_FOUND,
                                _("This item is not on the HUB server. It may "
                                  "have been removed; refresh and try again."));

  if (g_str_equal (code, "conflict"))
    return error_with_server_message (HUB_ERROR_CONFLICT, message,
                                      _("Someone changed this in the meantime. "
                                        "Refresh and try again."));

  if (g_str_equal (code, "invalid_token"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_INVALID_TOKEN,
                                _("This link has expired or was already used. "
                                  "Ask for a new password email."));

  if (g_str_equal (code, "weak_password"))
    return error_with_server_message (HUB_ERROR_WEAK_PASSWORD, message,
                                      _("Choose a longer password: at least 10 "
                                        "characters."));

  if (g_str_equal (code, "invalid_request") ||
      g_str_equal (code, "invalid_json") ||
      g_str_equal (code, "invalid_field"))
    return error_with_server_message (HUB_ERROR_INVALID_INPUT, message,
                                      _("The HUB server did not accept what was "
                                        "entered. Check it and try again."));

  if (g_str_equal (code, "payload_too_large"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_INVALID_INPUT,
                                _("What was entered is too long for the HUB "
                                  "server. Shorten it and try again."));

  if (g_str_equal (code, "internal"))
    return g_error_new_literal (HUB_ERROR, HUB_ERROR_SERVER,
                                _("The HUB server has a problem right now. Try "
                                  "again in a few minutes."));

  /* method_not_allowed and codes newer than this client: the status says
   * enough. */
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return error_with_server_message (HUB_ERROR_INVALID_INPUT, message,
                                        _("The HUB server did not accept what "
                                          "was entered. Check it and try again."));
    case SOUP_STATUS_FORBIDDEN:
      return error_with_server_message (HUB_ERROR_FORBIDDEN, message,
                                        _("Your account may not do this."));
    case SOUP_STATUS_NOT_FOUND:
      return error_with_server_message (HUB_ERROR_NOT_FOUND, message,
                                        _("This item is not on the HUB server."));
    case SOUP_STATUS_CONFLICT:
      return error_with_server_message (HUB_ERROR_CONFLICT, message,
                                        _("Someone changed this in the meantime. "
                                          "Refresh and try again."));
    default:
      return error_for_status (status, retry_after, signing_in);
    }
}

/* Clears a secret this library owns (a token) before freeing it. */
void
hub_clear_secret (char **secret)
{
  g_return_if_fail (secret != NULL);

  if (*secret == NULL)
    return;

  sodium_memzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

/**
 * hub_error_is_cancelled:
 * @error: (nullable): an error
 *
 * Whether @error only says that the caller gave up, which is never worth
 * telling anyone about. The library reports cancellation as
 * %HUB_ERROR_CANCELLED; GIO's own code is accepted too.
 */
gboolean
hub_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, HUB_ERROR, HUB_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
