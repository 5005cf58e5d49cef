/* hubd-outbox.c: the mails hubd sends, as files in a folder
 *
 * Every mail is one RFC 5322 message in its own file, named so that a
 * listing sorted by name is in sending order. A relay (or a person, or a
 * test) picks them up from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-outbox.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hubd-error.h"

#define FROM_ADDRESS "HUB <no-reply@hub.example>"

struct _HubdOutbox
{
  GObject parent_instance;

  char *path;
};

G_DEFINE_FINAL_TYPE (HubdOutbox, hubd_outbox, G_TYPE_OBJECT)

HubdOutbox *
hubd_outbox_new (const char  *directory,
                 GError     **error)
{
  g_autoptr (HubdOutbox) self = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0) {
    int saved_errno = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "Cannot create the outbox folder %s: %s", directory,
                 g_strerror (saved_errno));
    return NULL;
  }

  self = g_object_new (HUBD_TYPE_OUTBOX, NULL);
  self->path = g_strdup (directory);

  return g_steal_pointer (&self);
}

const char *
hubd_outbox_get_path (HubdOutbox *self)
{
  g_return_val_if_fail (HUBD_IS_OUTBOX (self), NULL);

  return self->path;
}

/* Lines end in CRLF, as RFC 5322 asks. */
static void
append_crlf_text (GString    *message,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '\n' && (p == text || p[-1] != '\r'))
      g_string_append_c (message, '\r');
    g_string_append_c (message, *p);
  }
}

/* RFC 5322 dates are in English whatever the locale. */
static char *
format_date (GDateTime *time)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

  return g_strdup_printf ("%s, %02d %s %d %02d:%02d:%02d +0000",
                          days[g_date_time_get_day_of_week (time) - 1],
                          g_date_time_get_day_of_month (time),
                          months[g_date_time_get_month (time) - 1],
                          g_date_time_get_year (time),
                          g_date_time_get_hour (time),
                          g_date_time_get_minute (time),
                          g_date_time_get_second (time));
}

static gboolean
is_header_safe (const char *value)
{
  return strpbrk (value, "\r\n") == NULL;
}

gboolean
hubd_outbox_send (HubdOutbox  *self,
                  const char  *to,
                  const char  *subject,
                  const char  *body,
                  GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GString) message = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  guint32 random_part;

  g_return_val_if_fail (HUBD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (to != NULL && subject != NULL && body != NULL, FALSE);

  if (!is_header_safe (to) || !is_header_safe (subject)) {
    g_set_error_literal (error, HUBD_ERROR, HUBD_ERROR_INVALID_FIELD,
                         "A mail header may not contain a line break");
    return FALSE;
  }

  random_part = g_random_int ();
  date = format_date (now);
  g_string_append_printf (message,
                          "From: " FROM_ADDRESS "\r\n"
                          "To: <%s>\r\n"
                          "Subject: %s\r\n"
                          "Date: %s\r\n"
                          "Message-ID: <%" G_GINT64_FORMAT ".%08x@hubd.hub.example>\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n"
                          "Content-Transfer-Encoding: 8bit\r\n"
                          "\r\n",
                          to, subject, date, g_date_time_to_unix_usec (now),
                          random_part);
  append_crlf_text (message, body);
  if (!g_str_has_suffix (message->str, "\r\n"))
    g_string_append (message, "\r\n");

  /* g_file_set_contents() writes a temporary file and renames it, so a
   * reader never sees half a mail. */
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  name = g_strdup_printf ("%s.%06dZ-%08x.eml", stamp,
                          g_date_time_get_microsecond (now), random_part);
  path = g_build_filename (self->path, name, NULL);
  if (!g_file_set_contents_full (path, message->str, message->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  g_debug ("Wrote a mail to the outbox as %s", name);
  return TRUE;
}

static void
hubd_outbox_finalize (GObject *object)
{
  HubdOutbox *self = HUBD_OUTBOX (object);

  g_free (self->path);

  G_OBJECT_CLASS (hubd_outbox_parent_class)->finalize (object);
}

static void
hubd_outbox_class_init (HubdOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hubd_outbox_finalize;
}

static void
hubd_outbox_init (HubdOutbox *self)
{
}
