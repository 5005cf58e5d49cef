/* hubd-service-api.c: the public endpoints about the service itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-server-private.h"

#include "hubd-resources.h"

#define PORTAL_LINKS_FILE "portal-links.json"

void
hubd_api_get_health (HubdRequest *req)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}

void
hubd_api_get_openapi (HubdRequest *req)
{
  g_autoptr (GBytes) contract = NULL;
  g_autoptr (GError) error = NULL;

  contract = g_resource_lookup_data (hubd_get_resource (),
                                     "/io/github/hubdesk/hubd/openapi.yaml",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (contract == NULL) {
    hubd_request_respond_gerror (req, error);
    return;
  }

  soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (req->msg, "application/yaml",
                                    SOUP_MEMORY_COPY,
                                    g_bytes_get_data (contract, NULL),
                                    g_bytes_get_size (contract));
}

typedef struct {
  const char *title;
  const char *url;
  const char *description;
} PortalLink;

/* Shown when the data folder has no portal-links.json of its own. */
static const PortalLink default_links[] = {
  { "Drug screen results (pass/fail)", "https://drugscreen.example/results",
    "Pass or fail results of workplace drug screens." },
  { "Drug screen results (DOT)", "https://dot-drugscreen.example/employer",
    "Results of DOT-regulated drug and alcohol tests." },
  { "Medical review officer portal", "https://mro.example/portal",
    "Verified results after a medical review officer's review." },
};

static void
add_link (JsonBuilder *builder,
          const char  *title,
          const char  *url,
          const char  *description)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  if (description != NULL) {
    json_builder_set_member_name (builder, "description");
    json_builder_add_string_value (builder, description);
  }
  json_builder_end_object (builder);
}

/* portal-links.json holds {"items": [{"title", "url", "description"}]};
 * links that are not https are left out. Returns FALSE when the file is
 * absent or unusable, so that the defaults apply. */
static gboolean
add_configured_links (HubdServer  *self,
                      JsonBuilder *builder)
{
  g_autofree char *path = g_build_filename (self->data_dir, PORTAL_LINKS_FILE, NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  JsonArray *items;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  if (!json_parser_load_from_file (parser, path, &error)) {
    g_warning ("Ignoring %s: %s", path, error->message);
    return FALSE;
  }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "items") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root),
                                                      "items"))) {
    g_warning ("Ignoring %s: it must be an object with an array of items", path);
    return FALSE;
  }

  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++) {
    JsonNode *node = json_array_get_element (items, i);
    JsonObject *item;
    const char *title, *url, *description;

    if (!JSON_NODE_HOLDS_OBJECT (node))
      continue;
    item = json_node_get_object (node);
    title = json_object_get_string_member_with_default (item, "title", NULL);
    url = json_object_get_string_member_with_default (item, "url", NULL);
    description = json_object_get_string_member_with_default (item, "description",
                                                              NULL);
    if (title == NULL || url == NULL || !g_str_has_prefix (url, "https://"))
      continue;
    add_link (builder, title, url, description);
  }

  return TRUE;
}

void
hubd_api_list_portal_links (HubdRequest *req)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  if (!add_configured_links (req->server, builder)) {
    for (guint i = 0; i < G_N_ELEMENTS (default_links); i++)
      add_link (builder, default_links[i].title, default_links[i].url,
                default_links[i].description);
  }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  hubd_request_respond_json (req, SOUP_STATUS_OK, builder);
}
