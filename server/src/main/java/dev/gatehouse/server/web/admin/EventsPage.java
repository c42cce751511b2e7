package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQueries;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.server.http.Json;
import dev.gatehouse.server.web.Templates;
import dev.gatehouse.server.web.view.admin.AdminPaths;
import dev.gatehouse.server.web.view.admin.EventFilters;
import dev.gatehouse.server.web.view.admin.EventRow;
import dev.gatehouse.server.web.view.admin.EventsView;
import dev.gatehouse.server.web.Refusable;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /admin/events}: the audit trail, newest first, a page at a time, filtered by time range, event name, user
 * and source. Filters are a GET form, so a filtered view can be bookmarked and shared.
 */
final class EventsPage {

    static final int PAGE_SIZE = 50;
    private static final List<String> SOURCES = List.of(EventSource.SIGN_IN, EventSource.SSO_OIDC,
            EventSource.PORTAL, EventSource.IDENTITY_STORE, EventSource.ORGANIZATIONS, EventSource.STS);
    private final AuditQueries auditQueries;
    private final Templates templates;

    EventsPage(AuditQueries auditQueries, Templates templates) {
        this.auditQueries = auditQueries;
        this.templates = templates;
    }

    void mount(AdminRoutes routes) {
        routes.get(AdminPaths.EVENTS, this::show);
    }

    private void show(Context ctx, Admin admin) {
        EventFilters filters = new EventFilters(Forms.query(ctx, "from"), Forms.query(ctx, "to"),
                Forms.query(ctx, "eventName"), Forms.query(ctx, "user"), Forms.query(ctx, "source"));
        Page<AuditEvent> page = Refusable.call(() -> auditQueries.page(query(filters),
                        Forms.optionalQuery(ctx, "next")),
                refusal -> templates.render(ctx, 400, "admin/events.jte", new EventsView(admin.frame("events", ctx),
                        filters, SOURCES, List.of(), null, FieldErrors.of(refusal))));
        String next = page.nextToken() == null ? null : nextPage(filters, page.nextToken());
        templates.render(ctx, 200, "admin/events.jte", new EventsView(admin.frame("events", ctx), filters, SOURCES,
                page.items().stream().map(EventsPage::row).toList(), next, Map.of()));
    }

    private static AuditQuery query(EventFilters filters) {
        return new AuditQuery(blankToNull(filters.user()), blankToNull(filters.eventName()),
                blankToNull(filters.source()), instant("from", filters.from(), false),
                instant("to", filters.to(), true), null, PAGE_SIZE);
    }

    /**
     * An instant as typed: ISO-8601 with an offset, or the browser's date-time field ({@code 2026-11-26T09:30}) or
     * a date, both read as UTC. A bare date as the end of a range means the whole of that day.
     */
    static Instant instant(String field, String typed, boolean endOfRange) {
        if (typed.isEmpty()) {
            return null;
        }
        List<Function<String, Instant>> readings = List.of(Instant::parse,
                text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
                text -> startOrEndOfDay(LocalDate.parse(text), endOfRange));
        for (Function<String, Instant> reading : readings) {
            try {
                return reading.apply(typed);
            } catch (DateTimeParseException tryTheNext) {
                // the next reading may fit
            }
        }
        throw DomainException.invalid(field, field + " must be a date and time such as 2026-11-26T09:30 (UTC) or "
                + "2026-11-26T09:30:00Z, not '" + typed + "'");
    }

    private static Instant startOrEndOfDay(LocalDate date, boolean end) {
        return (end ? date.plusDays(1).atStartOfDay().minusNanos(1) : date.atStartOfDay()).toInstant(ZoneOffset.UTC);
    }

    private static String nextPage(EventFilters filters, String token) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "from", filters.from());
        add(parameters, "to", filters.to());
        add(parameters, "eventName", filters.eventName());
        add(parameters, "user", filters.user());
        add(parameters, "source", filters.source());
        add(parameters, "next", token);
        return AdminPaths.EVENTS + "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (!value.isEmpty()) {
            parameters.add(name + "=" + AdminPaths.segment(value));
        }
    }

    private static EventRow row(AuditEvent event) {
        return new EventRow(Rows.time(event.eventTime()), event.eventName(), orEmpty(event.eventSource()),
                orEmpty(event.userName()), orEmpty(event.sourceIpAddress()), event.errorCode(), event.errorMessage(),
                Json.writePretty(event.cloudTrailRecord()));
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
