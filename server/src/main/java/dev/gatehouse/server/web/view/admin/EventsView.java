package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * @param sources  the event sources offered in the source filter
 * @param nextPage the link to the next (older) page, or null on the last
 * @param previousPage the link to the previous (newer) page, or null on the newest
 * @param errors   filter errors by field name
 */
public record EventsView(AdminFrame frame, EventFilters filters, List<String> sources, List<EventRow> events,
                         String nextPage, String previousPage, Map<String, String> errors) { }
