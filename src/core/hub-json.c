/* hub-json.c: reading the HUB API's JSON defensively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "hub-core-private.h"
#include "hub-error.h"

JsonObject *
hub_json_parse_object (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  parser = json_parser_new_immutable ();

  if (size == 0 || !json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_propagate_error (error, hub_error_new_contract ("body is not JSON"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, hub_error_new_contract ("body is not an object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    node = NULL;

  if (node == NULL && required)
    g_propagate_error (error, hub_error_new_contract (member));

  return node;
}

static gboolean
holds_value_of_type (JsonNode *node,
                     GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
hub_json_optional_string (JsonObject  *object,
                          const char  *member,
                          const char **out,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  node = get_member (object, member, FALSE, error);
  if (node == NULL)
    return TRUE;

  if (!holds_value_of_type (node, G_TYPE_STRING))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
hub_json_require_string (JsonObject  *object,
                         const char  *member,
                         const char **out,
                         GError     **error)
{
  if (!hub_json_optional_string (object, member, out, error))
    return FALSE;

  if (*out == NULL)
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  return TRUE;
}

/* The contract's Id: two to four lower-case letters, an underscore, then
 * one to 24 lower-case letters or digits. Ids go into request paths, so
 * anything else is refused here rather than trusted. */
gboolean
hub_json_is_id (const char *s)
{
  const char *p = s;
  gsize prefix = 0;
  gsize rest = 0;

  if (s == NULL)
    return FALSE;

  for (; *p >= 'a' && *p <= 'z'; p++)
    prefix++;

  if (prefix < 2 || prefix > 4 || *p != '_')
    return FALSE;

  for (p++; (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'); p++)
    rest++;

  return *p == '\0' && rest >= 1 && rest <= 24;
}

gboolean
hub_json_require_id (JsonObject  *object,
                     const char  *member,
                     const char **out,
                     GError     **error)
{
  if (!hub_json_require_string (object, member, out, error))
    return FALSE;

  if (!hub_json_is_id (*out))
    {
      *out = NULL;
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  return TRUE;
}

gboolean
hub_json_require_boolean (JsonObject  *object,
                          const char  *member,
                          gboolean    *out,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  node = get_member (object, member, TRUE, error);
  if (node == NULL)
    return FALSE;

  if (!holds_value_of_type (node, G_TYPE_BOOLEAN))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *member,
           gboolean     required,
           guint       *out,
           GError     **error)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  node = get_member (object, member, required, error);
  if (node == NULL)
    return !required;

  if (!holds_value_of_type (node, G_TYPE_INT64))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

gboolean
hub_json_require_uint (JsonObject  *object,
                       const char  *member,
                       guint       *out,
                       GError     **error)
{
  return read_uint (object, member, TRUE, out, error);
}

gboolean
hub_json_optional_uint (JsonObject  *object,
                        const char  *member,
                        guint       *out,
                        GError     **error)
{
  return read_uint (object, member, FALSE, out, error);
}

JsonObject *
hub_json_require_object (JsonObject  *object,
                         const char  *member,
                         GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = get_member (object, member, TRUE, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
hub_json_require_array (JsonObject  *object,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  node = get_member (object, member, TRUE, error);
  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return NULL;
    }

  return json_node_get_array (node);
}

/* The largest size hub_json_append_string() can need for @value, so that a
 * buffer holding a password can be sized once and never reallocated (a
 * reallocation would leave a copy behind that nobody clears). */
gsize
hub_json_string_max_size (const char *value)
{
  return 2 + 6 * strlen (value);
}

void
hub_json_append_string (GString    *out,
                        const char *value)
{
  static const char hex[] = "0123456789abcdef";

  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  g_string_append_c (out, '"');

  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[*p >> 4]);
              g_string_append_c (out, hex[*p & 0xf]);
            }
          else
            {
              g_string_append_c (out, (char) *p);
            }
        }
    }

  g_string_append_c (out, '"');
}

/* An object member that may be absent or null: *@out is then %NULL. */
gboolean
hub_json_optional_object (JsonObject  *object,
                          const char  *member,
                          JsonObject **out,
                          GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  node = get_member (object, member, FALSE, error);
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, hub_error_new_contract (member));
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

/* The contract's Address at @member as lines; an empty second line is
 * left out. */
char *
hub_json_format_address (JsonObject  *object,
                         const char  *member,
                         GError     **error)
{
  JsonObject *address;
  const char *line1;
  const char *line2;
  const char *city;
  const char *state;
  const char *postal_code;
  GString *text;

  if (!(address = hub_json_require_object (object, member, error)) ||
      !hub_json_require_string (address, "line1", &line1, error) ||
      !hub_json_optional_string (address, "line2", &line2, error) ||
      !hub_json_require_string (address, "city", &city, error) ||
      !hub_json_require_string (address, "state", &state, error) ||
      !hub_json_require_string (address, "postal_code", &postal_code, error))
    return NULL;

  text = g_string_new (line1);
  if (line2 != NULL && *line2 != '\0')
    g_string_append_printf (text, "\n%s", line2);
  g_string_append_printf (text, "\n%s, %s %s", city, state, postal_code);

  return g_string_free (text, FALSE);
}

/* A calendar date as the contract writes it: YYYY-MM-DD, and a real day. */
gboolean
hub_json_is_date (const char *s)
{
  guint64 year, month, day;

  if (s == NULL)
    return FALSE;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (s, NULL, 10);
  month = g_ascii_strtoull (s + 5, NULL, 10);
  day = g_ascii_strtoull (s + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
