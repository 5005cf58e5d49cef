/* hub-results-page.c: Visit Results and Reports. A searchable table that
 * fetches pages as it scrolls, beside a viewer for the chosen document; on
 * narrow windows the viewer replaces the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "hub-pdf-view.h"
#include "hub-results-page.h"
#include "hub-window.h"

#define PAGE_SIZE        200
#define SPINNER_DELAY_MS 200

struct _HubResultsPage
{
  AdwNavigationPage       parent_instance;

  HubClient              *client;
  GSettings              *settings;
  HubMembership          *membership;
  HubResultList          *list;
  GtkMultiSelection      *selection;
  HubResult              *current;
  GCancellable           *cancellable;
  GCancellable           *open_cancellable;
  GCancellable           *download_cancellable;
  GListModel             *centers;
  GListModel             *document_types;
  guint                   spinner_timeout_id;
  gboolean                updating_criteria;

  /* Marks go to the server one batch at a time: every answer carries all of
   * a result's marks, so an older answer must not land after a newer one. */
  gboolean                marking;
  GQueue                  pending_marks;
  GtkWidget              *pdf_view;

  /* template children */
  AdwNavigationSplitView *split_view;
  AdwWindowTitle         *list_title;
  GtkSearchEntry         *name_entry;
  GtkPopover             *filters_popover;
  GtkEntry               *dob_entry;
  GtkEntry               *claim_entry;
  GtkEntry               *state_entry;
  GtkDropDown            *center_dropdown;
  GtkDropDown            *type_dropdown;
  GtkDropDown            *document_dropdown;
  GtkEntry               *from_entry;
  GtkEntry               *to_entry;
  GtkToggleButton        *unreviewed_toggle;
  GtkToggleButton        *flagged_toggle;
  GtkToggleButton        *archived_toggle;
  GtkStack               *list_stack;
  GtkSpinner             *list_spinner;
  GtkColumnView          *column_view;
  AdwStatusPage          *empty_page;
  AdwStatusPage          *error_page;
  GtkActionBar           *selection_bar;
  GtkLabel               *selection_label;
  GtkRevealer            *progress_revealer;
  GtkLabel               *progress_label;
  GtkProgressBar         *progress_bar;
  AdwNavigationPage      *viewer_page;
  AdwWindowTitle         *viewer_title;
  GtkStack               *viewer_stack;
  GtkLabel               *details_label;
  AdwBin                 *viewer_bin;
  GtkToggleButton        *flag_button;
};

G_DEFINE_FINAL_TYPE (HubResultsPage, hub_results_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a column shows of a result, and the server's name for sorting by it. */
typedef char *(*ColumnText) (HubResult *result);

typedef struct {
  const char *title;
  const char *sort;
  ColumnText  text;
  int         width;
} Column;

static char *
column_employee (HubResult *result)
{
  return hub_result_dup_employee_name (result);
}

static char *
column_dob (HubResult *result)
{
  return g_strdup (hub_result_get_employee_date_of_birth (result));
}

static char *
column_visit_date (HubResult *result)
{
  return g_strdup (hub_result_get_visit_date (result));
}

static char *
column_document (HubResult *result)
{
  return g_strdup (hub_result_get_document_name (result));
}

static char *
column_center (HubResult *result)
{
  return g_strdup (hub_result_get_center_name (result));
}

static char *
column_state (HubResult *result)
{
  return g_strdup (hub_result_get_state (result));
}

static char *
column_type (HubResult *result)
{
  return g_strdup (hub_result_get_visit_type (result) == HUB_VISIT_TYPE_INJURY
                     ? _("Injury") : _("Non-injury"));
}

static char *
column_claim (HubResult *result)
{
  return g_strdup (hub_result_get_claim_number (result));
}

static const Column columns[] = {
  { N_("Employee"), "employee", column_employee, 180 },
  { N_("Date of Birth"), NULL, column_dob, 110 },
  { N_("Visit Date"), "visit_date", column_visit_date, 110 },
  { N_("Document"), "document", column_document, 230 },
  { N_("Center"), "center", column_center, 240 },
  { N_("State"), "state", column_state, 70 },
  { N_("Type"), "visit_type", column_type, 100 },
  { N_("Claim"), "claim", column_claim, 120 },
};

/* --- cells ---------------------------------------------------------------- */

static void
on_text_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static PangoAttrList *
bold_attributes (void)
{
  static PangoAttrList *bold;

  if (g_once_init_enter_pointer (&bold)) {
    PangoAttrList *list = pango_attr_list_new ();

    pango_attr_list_insert (list, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    g_once_init_leave_pointer (&bold, list);
  }

  return bold;
}

static void
on_text_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const Column *column = user_data;
  HubResult *result = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  /* Cells change their look through Pango attributes and opacity, not
   * style classes: a class change restyles the cell, and a page of results
   * binds some two thousand of them. No tooltip either: setting one asks X
   * where the pointer is. */
  if (hub_result_is_placeholder (result)) {
    gtk_label_set_text (GTK_LABEL (label), "…");
    gtk_label_set_attributes (GTK_LABEL (label), NULL);
    gtk_widget_set_opacity (label, 0.55);
    return;
  }

  text = column->text (result);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_opacity (label, 1.0);

  /* Results nobody has opened yet stand out, as unread mail does. */
  gtk_label_set_attributes (GTK_LABEL (label),
                            hub_result_get_new (result) ? bold_attributes () : NULL);
}

static void
update_marks (GtkWidget *box,
              HubResult *result)
{
  GtkWidget *flag = gtk_widget_get_first_child (box);
  GtkWidget *reviewed = gtk_widget_get_next_sibling (flag);
  GtkWidget *archived = gtk_widget_get_next_sibling (reviewed);
  GString *spoken = g_string_new (NULL);
  gboolean placeholder = hub_result_is_placeholder (result);

  gtk_widget_set_visible (flag, !placeholder && hub_result_get_flagged (result));
  gtk_widget_set_visible (reviewed, !placeholder && hub_result_get_reviewed (result));
  gtk_widget_set_visible (archived, !placeholder && hub_result_get_archived (result));

  if (!placeholder) {
    if (hub_result_get_new (result))
      g_string_append (spoken, _("New. "));
    if (hub_result_get_flagged (result))
      g_string_append (spoken, _("Flagged. "));
    if (hub_result_get_reviewed (result))
      g_string_append (spoken, _("Reviewed. "));
    if (hub_result_get_archived (result))
      g_string_append (spoken, _("Archived. "));
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken->str, -1);
  g_string_free (spoken, TRUE);
}

static void
on_marks_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *flag = gtk_image_new_from_icon_name ("hub-flag-symbolic");
  GtkWidget *reviewed = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *archived = gtk_image_new_from_icon_name ("document-open-recent-symbolic");

  gtk_widget_add_css_class (flag, "error");
  gtk_widget_set_tooltip_text (flag, _("Flagged"));
  gtk_widget_add_css_class (reviewed, "success");
  gtk_widget_set_tooltip_text (reviewed, _("Reviewed"));
  gtk_widget_add_css_class (archived, "dim-label");
  gtk_widget_set_tooltip_text (archived, _("Archived"));
  gtk_box_append (GTK_BOX (box), flag);
  gtk_box_append (GTK_BOX (box), reviewed);
  gtk_box_append (GTK_BOX (box), archived);
  gtk_list_item_set_child (item, box);
}

static void
on_result_state_changed (HubResult *result,
                         GParamSpec *pspec,
                         GtkWidget *box)
{
  update_marks (box, result);
}

static void
on_marks_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  HubResult *result = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  update_marks (box, result);
  g_signal_connect_object (result, "notify", G_CALLBACK (on_result_state_changed), box,
                           G_CONNECT_DEFAULT);
}

static void
on_marks_unbind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  HubResult *result = gtk_list_item_get_item (item);

  if (result != NULL)
    g_signal_handlers_disconnect_by_func (result, on_result_state_changed,
                                          gtk_list_item_get_child (item));
}

static void
add_columns (HubResultsPage *self)
{
  GtkColumnViewColumn *marks;
  g_autoptr (GtkListItemFactory) marks_factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++) {
    g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr (GtkColumnViewColumn) column = NULL;

    g_signal_connect (factory, "setup", G_CALLBACK (on_text_setup), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (on_text_bind), (gpointer) &columns[i]);
    column = gtk_column_view_column_new (_(columns[i].title), g_steal_pointer (&factory));
    gtk_column_view_column_set_fixed_width (column, columns[i].width);
    gtk_column_view_column_set_resizable (column, TRUE);
    g_object_set_data (G_OBJECT (column), "hub-sort", (gpointer) columns[i].sort);

    /* The server sorts; the sorter only makes the header clickable. */
    if (columns[i].sort != NULL)
      gtk_column_view_column_set_sorter (column,
                                         GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL)));
    gtk_column_view_append_column (self->column_view, column);
  }

  g_signal_connect (marks_factory, "setup", G_CALLBACK (on_marks_setup), NULL);
  g_signal_connect (marks_factory, "bind", G_CALLBACK (on_marks_bind), NULL);
  g_signal_connect (marks_factory, "unbind", G_CALLBACK (on_marks_unbind), NULL);
  marks = gtk_column_view_column_new (_("Status"), g_steal_pointer (&marks_factory));
  gtk_column_view_column_set_fixed_width (marks, 90);
  gtk_column_view_append_column (self->column_view, marks);
  g_object_unref (marks);
}

/* --- searching ------------------------------------------------------------ */

static const char *
current_sort (HubResultsPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkColumnViewColumn *column;
  const char *sort;
  static char descending[64];

  column = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
  if (column == NULL || (sort = g_object_get_data (G_OBJECT (column), "hub-sort")) == NULL)
    return "-visit_date";

  if (gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter)) ==
      GTK_SORT_DESCENDING) {
    g_snprintf (descending, sizeof descending, "-%s", sort);
    return descending;
  }

  return sort;
}

/* The first choice of each drop-down is "any". */
static gboolean
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected != GTK_INVALID_LIST_POSITION && selected > 0;
}

static char *
selected_string_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL || !chosen (dropdown))
    return NULL;

  return g_strdup (g_object_get_data (item, "hub-id"));
}

static HubResultQuery *
build_query (HubResultsPage *self)
{
  HubResultQuery *query = hub_result_query_new ();
  g_autofree char *center = selected_string_id (self->center_dropdown);
  g_autofree char *document = selected_string_id (self->document_dropdown);
  g_autofree char *state = NULL;
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  state = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->state_entry)), -1);

  hub_result_query_set_name (query, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  hub_result_query_set_dob (query, gtk_editable_get_text (GTK_EDITABLE (self->dob_entry)));
  hub_result_query_set_claim (query, gtk_editable_get_text (GTK_EDITABLE (self->claim_entry)));
  hub_result_query_set_state (query, state);
  hub_result_query_set_center_id (query, center);
  hub_result_query_set_document (query, document);
  hub_result_query_set_from (query, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  hub_result_query_set_to (query, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  hub_result_query_set_include_archived (query,
                                         gtk_toggle_button_get_active (self->archived_toggle));
  hub_result_query_set_sort (query, current_sort (self));

  if (type == 1)
    hub_result_query_set_visit_type (query, HUB_VISIT_TYPE_INJURY);
  else if (type == 2)
    hub_result_query_set_visit_type (query, HUB_VISIT_TYPE_NON_INJURY);

  if (gtk_toggle_button_get_active (self->unreviewed_toggle))
    hub_result_query_set_reviewed (query, HUB_TRISTATE_NO);
  if (gtk_toggle_button_get_active (self->flagged_toggle))
    hub_result_query_set_flagged (query, HUB_TRISTATE_YES);

  return query;
}

static gboolean
date_is_valid (const char *text)
{
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (*text == '\0')
    return TRUE;

  iso = g_strconcat (text, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  return date != NULL && strlen (text) == 10;
}

/* Half-typed dates wait, marked, instead of asking the server. */
static gboolean
check_dates (HubResultsPage *self)
{
  GtkEntry *entries[] = { self->dob_entry, self->from_entry, self->to_entry };
  gboolean valid = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++) {
    if (date_is_valid (gtk_editable_get_text (GTK_EDITABLE (entries[i])))) {
      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
    } else {
      gtk_widget_add_css_class (GTK_WIDGET (entries[i]), "error");
      valid = FALSE;
    }
  }

  return valid;
}

static void
show_list_state (HubResultsPage *self,
                 const char     *state)
{
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  gtk_spinner_set_spinning (self->list_spinner, g_str_equal (state, "loading"));
  gtk_stack_set_visible_child_name (self->list_stack, state);
}

static gboolean
on_spinner_timeout (gpointer user_data)
{
  HubResultsPage *self = user_data;

  self->spinner_timeout_id = 0;
  show_list_state (self, "loading");

  return G_SOURCE_REMOVE;
}

static gboolean
has_criteria (HubResultsPage *self)
{
  GtkEditable *editables[] = {
    GTK_EDITABLE (self->name_entry), GTK_EDITABLE (self->dob_entry),
    GTK_EDITABLE (self->claim_entry), GTK_EDITABLE (self->state_entry),
    GTK_EDITABLE (self->from_entry), GTK_EDITABLE (self->to_entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
    if (*gtk_editable_get_text (editables[i]) != '\0')
      return TRUE;

  return chosen (self->center_dropdown) || chosen (self->type_dropdown) ||
         chosen (self->document_dropdown) ||
         gtk_toggle_button_get_active (self->unreviewed_toggle) ||
         gtk_toggle_button_get_active (self->flagged_toggle);
}

static void
update_list_state (HubResultsPage *self)
{
  const GError *error = hub_result_list_get_error (self->list);
  guint total = hub_result_list_get_total (self->list);
  g_autofree char *subtitle = NULL;

  if (error != NULL) {
    adw_status_page_set_description (self->error_page, error->message);
    show_list_state (self, "error");
    return;
  }

  if (hub_result_list_get_loading (self->list) && total == 0)
    return;

  if (total == 0) {
    /* Say why the list is empty, and what would change that. */
    if (has_criteria (self))
      adw_status_page_set_description (self->empty_page,
        _("No result matches this search. Check the spelling, or clear some criteria."));
    else if (!gtk_toggle_button_get_active (self->archived_toggle))
      adw_status_page_set_description (self->empty_page,
        _("No result was posted in the last 90 days. Older results are archived: "
          "include them to see them."));
    else
      adw_status_page_set_description (self->empty_page,
        _("No result has been posted for this company yet."));
    show_list_state (self, "empty");
  } else {
    show_list_state (self, "list");
  }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", total),
                              total);
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

static void
on_list_changed (HubResultsPage *self)
{
  update_list_state (self);
}

static void
on_selection_changed (HubResultsPage *self);

static void
search (HubResultsPage *self,
        gboolean        again)
{
  g_autoptr (HubResultQuery) query = NULL;

  if (self->client == NULL || self->membership == NULL)
    return;

  /* Widgets report changes that change nothing (a drop-down given its
   * choices, a sorter set up): the list and its selection stay. */
  query = build_query (self);
  if (!again && self->list != NULL &&
      hub_result_query_equal (query, hub_result_list_get_query (self->list)))
    return;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  self->list = hub_result_list_new (self->client,
                                    hub_membership_get_company_id (self->membership),
                                    query, PAGE_SIZE);
  g_signal_connect_swapped (self->list, "notify::loading", G_CALLBACK (on_list_changed), self);
  g_signal_connect_swapped (self->list, "notify::total", G_CALLBACK (on_list_changed), self);
  g_signal_connect_swapped (self->list, "notify::error", G_CALLBACK (on_list_changed), self);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  on_selection_changed (self);

  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout, self);

  /* Asking for the first item starts the first page. */
  hub_result_list_reload (self->list);
}

static void
run_search (HubResultsPage *self)
{
  search (self, TRUE);
}

static void
on_criteria_changed (HubResultsPage *self)
{
  /* Building the template sets criteria too, before there is anything to
   * search. */
  if (self->updating_criteria || self->client == NULL || !check_dates (self))
    return;

  search (self, FALSE);
}

static void
on_sort_changed (GtkSorter         *sorter,
                 GtkSorterChange    change,
                 HubResultsPage    *self)
{
  on_criteria_changed (self);
}

static void
on_retry_clicked (HubResultsPage *self)
{
  run_search (self);
}

static void
on_clear_clicked (HubResultsPage *self)
{
  self->updating_criteria = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->dob_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->claim_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->state_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->center_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->document_dropdown, 0);
  gtk_toggle_button_set_active (self->unreviewed_toggle, FALSE);
  gtk_toggle_button_set_active (self->flagged_toggle, FALSE);
  self->updating_criteria = FALSE;

  on_criteria_changed (self);
}

static void
on_date_chosen (GtkCalendar *calendar,
                GtkEntry    *entry)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_date_icon_pressed (HubResultsPage       *self,
                      GtkEntryIconPosition  position,
                      GtkEntry             *entry)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (*text != '\0' && date_is_valid (text)) {
    g_autofree char *iso = g_strconcat (text, "T00:00:00", NULL);
    g_autoptr (GTimeZone) local = g_time_zone_new_local ();
    g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (iso, local);

    if (date != NULL)
      gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  }

  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_date_chosen), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_widget_set_parent (popover, GTK_WIDGET (entry));
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* --- the criteria's choices ----------------------------------------------- */

static GListModel *
choices_model (GListModel *items,
               const char *any,
               const char *(*get_id) (gpointer),
               const char *(*get_label) (gpointer))
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  gtk_string_list_append (strings, any);
  for (guint i = 0; i < n; i++) {
    g_autoptr (GObject) item = g_list_model_get_item (items, i);
    g_autoptr (GObject) string = NULL;

    gtk_string_list_append (strings, get_label (item));
    string = g_list_model_get_item (G_LIST_MODEL (strings), i + 1);
    g_object_set_data_full (string, "hub-id", g_strdup (get_id (item)), g_free);
  }

  return G_LIST_MODEL (strings);
}

static const char *
center_id (gpointer item)
{
  return hub_center_get_id (item);
}

static const char *
center_label (gpointer item)
{
  return hub_center_get_name (item);
}

static const char *
document_type_code (gpointer item)
{
  return hub_document_type_get_code (item);
}

static const char *
document_type_name (gpointer item)
{
  return hub_document_type_get_name (item);
}

static void
on_centers (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HubResultsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) centers = NULL;
  g_autoptr (GListModel) model = NULL;

  centers = hub_client_list_centers_finish (HUB_CLIENT (source), result, &error);
  if (centers == NULL) {
    if (!hub_error_is_cancelled (error))
      g_debug ("No centers for the search: %s", error->message);
    return;
  }

  model = choices_model (centers, _("Any center"), center_id, center_label);
  self->updating_criteria = TRUE;
  gtk_drop_down_set_model (self->center_dropdown, model);
  self->updating_criteria = FALSE;
}

static void
on_document_types (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (HubResultsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) types = NULL;
  g_autoptr (GListModel) model = NULL;

  types = hub_client_list_document_types_finish (HUB_CLIENT (source), result, &error);
  if (types == NULL) {
    if (!hub_error_is_cancelled (error))
      g_debug ("No document types for the search: %s", error->message);
    return;
  }

  model = choices_model (types, _("Any document"), document_type_code, document_type_name);
  self->updating_criteria = TRUE;
  gtk_drop_down_set_model (self->document_dropdown, model);
  self->updating_criteria = FALSE;
}

/* --- the viewer ----------------------------------------------------------- */

static void
toast (HubResultsPage *self,
       const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (HUB_IS_WINDOW (root))
    hub_window_add_toast (HUB_WINDOW (root), message);
}

static char *
describe_visit (HubResult *result)
{
  g_autofree char *name = hub_result_dup_employee_name (result);
  const char *claim = hub_result_get_claim_number (result);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("%s, born %s. Visit on %s at %s, %s (%s)."),
                          name, hub_result_get_employee_date_of_birth (result),
                          hub_result_get_visit_date (result),
                          hub_result_get_center_name (result),
                          hub_result_get_state (result),
                          hub_result_get_visit_type (result) == HUB_VISIT_TYPE_INJURY
                            ? _("injury") : _("non-injury"));
  if (claim != NULL && *claim != '\0')
    g_string_append_printf (text, _(" Claim %s."), claim);

  return g_string_free (text, FALSE);
}

static void on_flag_current_clicked (HubResultsPage *self);

static void
update_viewer_actions (HubResultsPage *self)
{
  gboolean open = self->current != NULL;
  const char *viewer = hub_pdf_view_get_state (HUB_PDF_VIEW (self->pdf_view));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.review-current",
                                 open && !hub_result_get_reviewed (self->current));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.download-current", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print",
                                 open && g_strcmp0 (viewer, "ready") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->flag_button), open);

  /* Setting the button's state must not flag anything by itself. */
  g_signal_handlers_block_by_func (self->flag_button, on_flag_current_clicked, self);
  gtk_toggle_button_set_active (self->flag_button, open && hub_result_get_flagged (self->current));
  g_signal_handlers_unblock_by_func (self->flag_button, on_flag_current_clicked, self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->flag_button),
                               open && hub_result_get_flagged (self->current)
                                 ? _("Remove Flag") : _("Flag"));
}

static void
on_current_changed (HubResultsPage *self)
{
  update_viewer_actions (self);
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (HubResultsPage) self = user_data;
  g_autoptr (HubResult) fresh = NULL;
  g_autoptr (GError) error = NULL;

  fresh = hub_client_get_result_finish (HUB_CLIENT (source), result, &error);
  if (fresh != NULL && self->list != NULL)
    hub_result_list_update_result (self->list, fresh);
}

static void
on_document (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HubResultsPage) self = user_data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  bytes = hub_client_download_result_finish (HUB_CLIENT (source), result, &error);
  if (bytes == NULL) {
    if (hub_error_is_cancelled (error))
      return;
    hub_pdf_view_clear (HUB_PDF_VIEW (self->pdf_view));
    toast (self, error->message);
    return;
  }

  hub_pdf_view_load_bytes (HUB_PDF_VIEW (self->pdf_view), bytes,
                           hub_result_get_document_name (self->current));

  /* Opening it made it no longer new, on the server: follow. */
  hub_client_get_result_async (self->client, hub_membership_get_company_id (self->membership),
                               hub_result_get_id (self->current), self->open_cancellable,
                               on_refreshed, g_object_ref (self));
}

static void
open_result (HubResultsPage *self,
             HubResult      *result)
{
  g_autofree char *details = NULL;

  if (result == NULL || hub_result_is_placeholder (result) || result == self->current)
    return;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_set_object (&self->current, result);
  g_signal_connect_swapped (result, "notify", G_CALLBACK (on_current_changed), self);

  adw_window_title_set_title (self->viewer_title, hub_result_get_document_name (result));
  adw_window_title_set_subtitle (self->viewer_title, hub_result_get_visit_date (result));
  adw_navigation_page_set_title (self->viewer_page, hub_result_get_document_name (result));
  details = describe_visit (result);
  gtk_label_set_text (self->details_label, details);
  gtk_stack_set_visible_child_name (self->viewer_stack, "document");
  hub_pdf_view_clear (HUB_PDF_VIEW (self->pdf_view));
  update_viewer_actions (self);

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  hub_client_download_result_async (self->client, hub_membership_get_company_id (self->membership),
                                    hub_result_get_id (result), self->open_cancellable,
                                    on_document, g_object_ref (self));
}

static GPtrArray *
selected_results (HubResultsPage *self)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return results;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position)) {
    HubResult *result = g_list_model_get_item (G_LIST_MODEL (self->list), position);

    if (hub_result_is_placeholder (result))
      g_object_unref (result);
    else
      g_ptr_array_add (results, result);
  }

  return results;
}

static void
on_selection_changed (HubResultsPage *self)
{
  g_autoptr (GPtrArray) results = selected_results (self);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected",
                                       results->len),
                          results->len);
  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, results->len > 0);

  if (results->len == 1)
    open_result (self, g_ptr_array_index (results, 0));
}

/* --- flag and review ------------------------------------------------------ */

typedef struct {
  HubResultsPage *self;
  guint           pending;
  guint           changed;
  guint           failed;
  char           *last_error;
  gboolean        flagging;
  gboolean        reviewing;
} Batch;

typedef struct {
  GPtrArray *results;
  gboolean   reviewing;
} PendingMark;

static void mark_results (HubResultsPage *self,
                          GPtrArray      *results,
                          gboolean        reviewing);

static void
pending_mark_free (PendingMark *pending)
{
  g_ptr_array_unref (pending->results);
  g_free (pending);
}

static void
batch_finish_one (Batch *batch)
{
  HubResultsPage *self = batch->self;
  g_autofree char *message = NULL;

  if (--batch->pending > 0)
    return;

  if (batch->failed > 0)
    message = g_strdup (batch->last_error);
  else if (batch->reviewing)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result marked as reviewed",
                                            "%u results marked as reviewed", batch->changed),
                               batch->changed);
  else if (batch->flagging)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result flagged",
                                            "%u results flagged", batch->changed),
                               batch->changed);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Flag removed from %u result",
                                            "Flag removed from %u results", batch->changed),
                               batch->changed);

  toast (self, message);
  self->marking = FALSE;
  g_free (batch->last_error);
  g_free (batch);

  if (!g_queue_is_empty (&self->pending_marks)) {
    PendingMark *pending = g_queue_pop_head (&self->pending_marks);

    mark_results (self, pending->results, pending->reviewing);
    pending_mark_free (pending);
  }

  g_object_unref (self);
}

static void
on_marked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr (HubResult) updated = NULL;
  g_autoptr (GError) error = NULL;
  gboolean changed = FALSE;

  if (batch->reviewing)
    updated = hub_client_mark_result_reviewed_finish (HUB_CLIENT (source), result, &changed,
                                                      &error);
  else
    updated = hub_client_set_result_flagged_finish (HUB_CLIENT (source), result, &changed,
                                                    &error);

  if (updated == NULL) {
    batch->failed++;
    g_free (batch->last_error);
    batch->last_error = g_strdup (error->message);
  } else {
    if (changed)
      batch->changed++;
    if (batch->self->list != NULL)
      hub_result_list_update_result (batch->self->list, updated);
  }

  batch_finish_one (batch);
}

static void
mark_results (HubResultsPage *self,
              GPtrArray      *results,
              gboolean        reviewing)
{
  Batch *batch;
  const char *company_id;
  gboolean all_flagged = TRUE;

  if (results->len == 0 || self->client == NULL)
    return;

  if (self->marking) {
    PendingMark *pending = g_new0 (PendingMark, 1);

    pending->results = g_ptr_array_ref (results);
    pending->reviewing = reviewing;
    g_queue_push_tail (&self->pending_marks, pending);
    return;
  }

  self->marking = TRUE;
  for (guint i = 0; i < results->len; i++)
    all_flagged &= hub_result_get_flagged (g_ptr_array_index (results, i));

  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->pending = results->len;
  batch->reviewing = reviewing;
  /* Flagging a selection that is all flagged already takes the flags off. */
  batch->flagging = !all_flagged;

  company_id = hub_membership_get_company_id (self->membership);
  for (guint i = 0; i < results->len; i++) {
    HubResult *result = g_ptr_array_index (results, i);

    if (reviewing)
      hub_client_mark_result_reviewed_async (self->client, company_id, hub_result_get_id (result),
                                             self->cancellable, on_marked, batch);
    else
      hub_client_set_result_flagged_async (self->client, company_id, hub_result_get_id (result),
                                           batch->flagging, self->cancellable, on_marked, batch);
  }
}

static void
flag_selected (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);
  g_autoptr (GPtrArray) results = selected_results (self);

  mark_results (self, results, FALSE);
}

static void
review_selected (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);
  g_autoptr (GPtrArray) results = selected_results (self);

  mark_results (self, results, TRUE);
}

static GPtrArray *
current_only (HubResultsPage *self)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->current != NULL)
    g_ptr_array_add (results, g_object_ref (self->current));

  return results;
}

static void
review_current (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);
  g_autoptr (GPtrArray) results = current_only (self);

  mark_results (self, results, TRUE);
}

static void
on_flag_current_clicked (HubResultsPage *self)
{
  g_autoptr (GPtrArray) results = current_only (self);

  mark_results (self, results, FALSE);
}

static void
print_current (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);

  hub_pdf_view_print (HUB_PDF_VIEW (self->pdf_view),
                      GTK_WINDOW (gtk_widget_get_root (widget)));
}

/* --- downloads ------------------------------------------------------------ */

/* "Diaz, Dana – Work Status Report – 2026-11-20.pdf": who, what and when,
 * with nothing a file system could take for a folder. */
static char *
file_name_for (HubResult *result)
{
  g_autofree char *name = hub_result_dup_employee_name (result);
  g_autofree char *file = g_strdup_printf ("%s – %s – %s.pdf", name,
                                           hub_result_get_document_name (result),
                                           hub_result_get_visit_date (result));

  g_strdelimit (file, "/\\:*?\"<>|", '-');
  return g_steal_pointer (&file);
}

static GFile *
download_folder (HubResultsPage *self)
{
  g_autofree char *setting = NULL;
  const char *downloads;

  if (self->settings != NULL) {
    setting = g_settings_get_string (self->settings, "download-folder");
    if (*setting != '\0')
      return g_file_new_for_path (setting);
  }

  downloads = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);
  return downloads != NULL ? g_file_new_for_path (downloads) : NULL;
}

typedef enum {
  DOWNLOAD_ONE,
  DOWNLOAD_MERGED,
  DOWNLOAD_SEPARATE,
} DownloadKind;

typedef struct {
  HubResultsPage *self;
  GPtrArray      *results;
  GPtrArray      *documents;
  GFile          *destination;
  DownloadKind    kind;
  guint           next;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->self);
  g_clear_pointer (&download->results, g_ptr_array_unref);
  g_clear_pointer (&download->documents, g_ptr_array_unref);
  g_clear_object (&download->destination);
  g_free (download);
}

static void
show_progress (HubResultsPage *self,
               const char     *text,
               double          fraction)
{
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

static void
end_download (Download   *download,
              const char *message)
{
  HubResultsPage *self = download->self;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (message != NULL)
    toast (self, message);
  g_clear_object (&self->download_cancellable);
  download_free (download);
}

static void
on_cancel_download_clicked (HubResultsPage *self)
{
  g_cancellable_cancel (self->download_cancellable);
}

static void download_next (Download *download);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Download *download = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!hub_save_bytes_finish (result, &error)) {
    end_download (download, hub_error_is_cancelled (error) ? _("Download cancelled")
                                                           : error->message);
    return;
  }

  if (download->kind == DOWNLOAD_SEPARATE && download->next < download->results->len) {
    download_next (download);
    return;
  }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result saved",
                                          "%u results saved", download->results->len),
                             download->results->len);
  end_download (download, message);
}

static void
on_merge_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Download *download = user_data;

  show_progress (download->self, _("Putting the documents together…"),
                 0.5 + 0.5 * done / MAX (total, 1));
}

static void
on_merged (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Download *download = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!hub_pdf_merge_finish (result, &error)) {
    end_download (download, hub_error_is_cancelled (error) ? _("Download cancelled")
                                                           : error->message);
    return;
  }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result saved as one PDF",
                                          "%u results saved as one PDF", download->results->len),
                             download->results->len);
  end_download (download, message);
}

static void
merge (Download *download)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) titles = NULL;

  for (guint i = 0; i < download->results->len; i++) {
    HubResult *result = g_ptr_array_index (download->results, i);
    g_autofree char *name = hub_result_dup_employee_name (result);
    g_autofree char *title = g_strdup_printf ("%s – %s – %s", name,
                                              hub_result_get_document_name (result),
                                              hub_result_get_visit_date (result));

    g_strv_builder_add (builder, title);
  }
  titles = g_strv_builder_end (builder);

  hub_pdf_merge_async (download->documents, titles, download->destination,
                       on_merge_progress, download, download->self->download_cancellable,
                       on_merged, download);
}

static void
on_downloaded_one (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Download *download = user_data;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  HubResult *current;

  bytes = hub_client_download_result_finish (HUB_CLIENT (source), result, &error);
  if (bytes == NULL) {
    end_download (download, hub_error_is_cancelled (error) ? _("Download cancelled")
                                                           : error->message);
    return;
  }

  current = g_ptr_array_index (download->results, download->next - 1);

  if (download->kind == DOWNLOAD_MERGED) {
    g_ptr_array_add (download->documents, g_steal_pointer (&bytes));
    if (download->next < download->results->len)
      download_next (download);
    else
      merge (download);
    return;
  }

  if (download->kind == DOWNLOAD_SEPARATE) {
    g_autofree char *name = file_name_for (current);
    g_autoptr (GFile) file = g_file_get_child (download->destination, name);

    hub_save_bytes_async (bytes, file, download->self->download_cancellable, on_saved, download);
    return;
  }

  hub_save_bytes_async (bytes, download->destination, download->self->download_cancellable,
                        on_saved, download);
}

static void
download_next (Download *download)
{
  HubResultsPage *self = download->self;
  HubResult *result = g_ptr_array_index (download->results, download->next);
  g_autofree char *text = NULL;
  double share = download->kind == DOWNLOAD_MERGED ? 0.5 : 1.0;

  download->next++;
  text = g_strdup_printf (_("Downloading %u of %u…"), download->next, download->results->len);
  show_progress (self, text, share * (download->next - 1) / download->results->len);

  hub_client_download_result_async (self->client, hub_membership_get_company_id (self->membership),
                                    hub_result_get_id (result), self->download_cancellable,
                                    on_downloaded_one, download);
}

static void
start_download (HubResultsPage *self,
                GPtrArray      *results,
                GFile          *destination,
                DownloadKind    kind)
{
  Download *download = g_new0 (Download, 1);

  g_cancellable_cancel (self->download_cancellable);
  g_clear_object (&self->download_cancellable);
  self->download_cancellable = g_cancellable_new ();

  download->self = g_object_ref (self);
  download->results = g_ptr_array_ref (results);
  download->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  download->destination = g_object_ref (destination);
  download->kind = kind;

  download_next (download);
}

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GPtrArray) results = user_data;
  HubResultsPage *self = g_object_get_data (G_OBJECT (source), "hub-page");
  DownloadKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (source), "hub-kind"));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (kind == DOWNLOAD_SEPARATE)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file == NULL)
    return;

  start_download (self, results, file, kind);
}

static void
choose_destination (HubResultsPage *self,
                    GPtrArray      *results,
                    DownloadKind    kind)
{
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GFile) folder = download_folder (self);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  g_object_set_data_full (G_OBJECT (dialog), "hub-page", g_object_ref (self), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "hub-kind", GUINT_TO_POINTER (kind));
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);

  if (kind == DOWNLOAD_SEPARATE) {
    gtk_file_dialog_set_title (dialog, _("Choose a Folder for the Results"));
    gtk_file_dialog_select_folder (dialog, window, NULL, on_file_chosen,
                                   g_ptr_array_ref (results));
    return;
  }

  if (kind == DOWNLOAD_ONE) {
    g_autofree char *name = file_name_for (g_ptr_array_index (results, 0));

    gtk_file_dialog_set_initial_name (dialog, name);
  } else {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *name = g_strdup_printf (_("Results – %s.pdf"), date);

    gtk_file_dialog_set_initial_name (dialog, name);
  }

  gtk_file_dialog_set_title (dialog, _("Save Results"));
  gtk_file_dialog_save (dialog, window, NULL, on_file_chosen, g_ptr_array_ref (results));
}

static void
on_download_kind_chosen (AdwAlertDialog *dialog,
                         const char     *response,
                         gpointer        user_data)
{
  HubResultsPage *self = g_object_get_data (G_OBJECT (dialog), "hub-page");
  GPtrArray *results = user_data;

  if (g_str_equal (response, "merged"))
    choose_destination (self, results, DOWNLOAD_MERGED);
  else if (g_str_equal (response, "separate"))
    choose_destination (self, results, DOWNLOAD_SEPARATE);
}

static void
unref_results (gpointer  data,
               GClosure *closure)
{
  g_ptr_array_unref (data);
}

static void
download_results (HubResultsPage *self,
                  GPtrArray      *results)
{
  AdwDialog *dialog;
  g_autofree char *heading = NULL;

  if (results->len == 0)
    return;

  if (results->len == 1) {
    choose_destination (self, results, DOWNLOAD_ONE);
    return;
  }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Download %u Result",
                                          "Download %u Results", results->len),
                             results->len);
  dialog = adw_alert_dialog_new (heading,
                                 _("Save them as one PDF, in the order of the list with a "
                                   "bookmark for each, or as separate files in a folder."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "separate", _("_Separate Files"),
                                  "merged", _("_One PDF"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "merged",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "merged");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hub-page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_download_kind_chosen),
                         g_ptr_array_ref (results), unref_results, G_CONNECT_DEFAULT);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
download_selected (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);
  g_autoptr (GPtrArray) results = selected_results (self);

  download_results (self, results);
}

static void
download_current (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (widget);
  g_autoptr (GPtrArray) results = current_only (self);

  download_results (self, results);
}

/* --- public --------------------------------------------------------------- */

void
hub_results_page_load (HubResultsPage *self,
                       HubClient      *client,
                       GSettings      *settings,
                       HubMembership  *membership)
{
  const char *company_id;

  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));
  g_return_if_fail (HUB_IS_CLIENT (client));
  g_return_if_fail (HUB_IS_MEMBERSHIP (membership));

  hub_results_page_clear (self);

  g_set_object (&self->client, client);
  g_set_object (&self->settings, settings);
  g_set_object (&self->membership, membership);

  company_id = hub_membership_get_company_id (membership);
  hub_client_list_centers_async (client, company_id, self->cancellable, on_centers,
                                 g_object_ref (self));
  hub_client_list_document_types_async (client, self->cancellable, on_document_types,
                                        g_object_ref (self));
  run_search (self);
}

void
hub_results_page_clear (HubResultsPage *self)
{
  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->download_cancellable);

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->current);

  /* Nothing of one company's results stays on screen for the next. */
  self->updating_criteria = TRUE;
  on_clear_clicked (self);
  gtk_toggle_button_set_active (self->archived_toggle, FALSE);
  self->updating_criteria = FALSE;

  hub_pdf_view_clear (HUB_PDF_VIEW (self->pdf_view));
  gtk_stack_set_visible_child_name (self->viewer_stack, "none");
  adw_window_title_set_subtitle (self->list_title, NULL);
  gtk_action_bar_set_revealed (self->selection_bar, FALSE);
  update_viewer_actions (self);
  show_list_state (self, "list");

  g_clear_object (&self->client);
  g_clear_object (&self->membership);
}

void
hub_results_page_refresh (HubResultsPage *self)
{
  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));

  run_search (self);
}

/**
 * hub_results_page_show_filtered:
 * @filter: "new", "unreviewed", "flagged" or %NULL for everything
 *
 * Shows the results the dashboard counted.
 */
void
hub_results_page_show_filtered (HubResultsPage *self,
                                const char     *filter)
{
  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));

  self->updating_criteria = TRUE;
  on_clear_clicked (self);
  gtk_toggle_button_set_active (self->archived_toggle, FALSE);
  gtk_toggle_button_set_active (self->unreviewed_toggle, g_strcmp0 (filter, "unreviewed") == 0);
  gtk_toggle_button_set_active (self->flagged_toggle, g_strcmp0 (filter, "flagged") == 0);
  self->updating_criteria = FALSE;

  run_search (self);
}

gboolean
hub_results_page_get_collapsed (HubResultsPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULTS_PAGE (self), FALSE);

  return adw_navigation_split_view_get_collapsed (self->split_view);
}

void
hub_results_page_set_collapsed (HubResultsPage *self,
                                gboolean        collapsed)
{
  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));

  if (adw_navigation_split_view_get_collapsed (self->split_view) == collapsed)
    return;

  adw_navigation_split_view_set_collapsed (self->split_view, collapsed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

const char *
hub_results_page_get_list_state (HubResultsPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

GListModel *
hub_results_page_get_model (HubResultsPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULTS_PAGE (self), NULL);

  return self->selection != NULL ? G_LIST_MODEL (self->selection) : NULL;
}

void
hub_results_page_open_position (HubResultsPage *self,
                                guint           position)
{
  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));
  g_return_if_fail (self->selection != NULL);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/**
 * hub_results_page_save_selection:
 * @destination: a file for one result or a merged PDF, or a folder for
 *   separate files
 * @merged: several results as one PDF rather than separate files
 *
 * Saves the selected results where the user chose, with progress in the
 * page; the file dialogs end here, and so do tests.
 */
void
hub_results_page_save_selection (HubResultsPage *self,
                                 GFile          *destination,
                                 gboolean        merged)
{
  g_autoptr (GPtrArray) results = NULL;
  DownloadKind kind;

  g_return_if_fail (HUB_IS_RESULTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (destination));

  results = selected_results (self);
  if (results->len == 0)
    return;

  if (results->len == 1)
    kind = DOWNLOAD_ONE;
  else
    kind = merged ? DOWNLOAD_MERGED : DOWNLOAD_SEPARATE;

  start_download (self, results, destination, kind);
}

gboolean
hub_results_page_get_downloading (HubResultsPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULTS_PAGE (self), FALSE);

  return self->download_cancellable != NULL;
}

GtkWidget *
hub_results_page_get_viewer (HubResultsPage *self)
{
  g_return_val_if_fail (HUB_IS_RESULTS_PAGE (self), NULL);

  return self->pdf_view;
}

/* --- GObject -------------------------------------------------------------- */

static void
on_viewer_state (HubResultsPage *self)
{
  update_viewer_actions (self);
}

static void
on_activate (GtkColumnView  *view,
             guint           position,
             HubResultsPage *self)
{
  g_autoptr (HubResult) result = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  open_result (self, result);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
hub_results_page_dispose (GObject *object)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (object);

  /* Widgets going away may still say they changed: nothing searches now. */
  self->updating_criteria = TRUE;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_cancellable_cancel (self->download_cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->current);
  g_queue_clear_full (&self->pending_marks, (GDestroyNotify) pending_mark_free);

  adw_navigation_page_set_child (ADW_NAVIGATION_PAGE (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HUB_TYPE_RESULTS_PAGE);

  G_OBJECT_CLASS (hub_results_page_parent_class)->dispose (object);
}

static void
hub_results_page_finalize (GObject *object)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->download_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  g_clear_object (&self->membership);

  G_OBJECT_CLASS (hub_results_page_parent_class)->finalize (object);
}

static void
hub_results_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (object);

  switch (prop_id) {
    case PROP_COLLAPSED:
      g_value_set_boolean (value, hub_results_page_get_collapsed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_results_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HubResultsPage *self = HUB_RESULTS_PAGE (object);

  switch (prop_id) {
    case PROP_COLLAPSED:
      hub_results_page_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  }
}

static void
hub_results_page_class_init (HubResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hub_results_page_dispose;
  object_class->finalize = hub_results_page_finalize;
  object_class->get_property = hub_results_page_get_property;
  object_class->set_property = hub_results_page_set_property;

  /**
   * HubResultsPage:collapsed:
   *
   * Whether the viewer replaces the list instead of standing beside it.
   */
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hubdesk/HubDesk/hub-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, filters_popover);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, dob_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, claim_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, state_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, center_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, unreviewed_toggle);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, flagged_toggle);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, viewer_page);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, viewer_title);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, viewer_stack);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, viewer_bin);
  gtk_widget_class_bind_template_child (widget_class, HubResultsPage, flag_button);
  gtk_widget_class_bind_template_callback (widget_class, on_criteria_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_icon_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_download_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_current_clicked);

  gtk_widget_class_install_action (widget_class, "results.flag", NULL, flag_selected);
  gtk_widget_class_install_action (widget_class, "results.review", NULL, review_selected);
  gtk_widget_class_install_action (widget_class, "results.download", NULL, download_selected);
  gtk_widget_class_install_action (widget_class, "results.review-current", NULL, review_current);
  gtk_widget_class_install_action (widget_class, "results.download-current", NULL,
                                   download_current);
  gtk_widget_class_install_action (widget_class, "results.print", NULL, print_current);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "results.flag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "results.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "results.download", NULL);
}

static void
hub_results_page_init (HubResultsPage *self)
{
  g_autoptr (GtkColumnViewColumn) visit_date = NULL;
  g_autoptr (GListModel) any_center = NULL;
  g_autoptr (GListModel) any_document = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pdf_view = hub_pdf_view_new ();
  adw_bin_set_child (self->viewer_bin, self->pdf_view);
  g_signal_connect_swapped (self->pdf_view, "notify::state", G_CALLBACK (on_viewer_state), self);

  add_columns (self);
  /* Newest visits first, as the server sorts when asked nothing. */
  sorter = gtk_column_view_get_sorter (self->column_view);
  visit_date = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 2);
  gtk_column_view_sort_by_column (self->column_view, visit_date, GTK_SORT_DESCENDING);

  any_center = choices_model (NULL, _("Any center"), NULL, NULL);
  gtk_drop_down_set_model (self->center_dropdown, any_center);
  any_document = choices_model (NULL, _("Any document"), NULL, NULL);
  gtk_drop_down_set_model (self->document_dropdown, any_document);
  g_signal_connect (sorter, "changed", G_CALLBACK (on_sort_changed), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);

  update_viewer_actions (self);
}
