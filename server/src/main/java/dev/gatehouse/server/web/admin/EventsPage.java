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
 * {@code /admin/events}: the audit trail, newest first, a page of {@value #PAGE_SIZE} at a time with links to the older
 * and the newer page, filtered by time range, event name, user and source. Filters are a GET form, so a filtered view
 * can be bookmarked and shared. The newer link walks back through the pages the older links carried in {@code back}.
 */
final class EventsPage {

    static final int PAGE_SIZE = 50;
    /** How many earlier pages the "Newer events" link can walk back through; beyond them it goes to the newest. */
    static final int BACK_PAGES = 10;
    /** In {@code back}, the newest page, which has no token. */
    private static final String NEWEST = "newest";
    private static final List<String> SOURCES = List.of(EventSource.SIGN_IN, EventSource.SSO_OIDC,
            EventSource.PORTAL, EventSource.SSO_ADMIN, EventSource.IDENTITY_STORE, EventSource.ORGANIZATIONS,
            EventSource.STS);
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
        String current = Forms.optionalQuery(ctx, "next");
        Page<AuditEvent> page = Refusable.call(() -> auditQueries.page(query(filters), current),
                refusal -> templates.render(ctx, 400, "admin/events.jte", new EventsView(admin.frame("events", ctx),
                        filters, SOURCES, List.of(), null, null, FieldErrors.of(refusal))));
        List<String> back = back(Forms.query(ctx, "back"));
        String next = null;
        if (page.nextToken() != null) {
            List<String> trail = new ArrayList<>(back);
            trail.add(current == null || current.isBlank() ? NEWEST : current);
            next = page(filters, page.nextToken(), trail.subList(Math.max(0, trail.size() - BACK_PAGES),
                    trail.size()));
        }
        templates.render(ctx, 200, "admin/events.jte", new EventsView(admin.frame("events", ctx), filters, SOURCES,
                page.items().stream().map(EventsPage::row).toList(), next, previous(filters, current, back),
                Map.of()));
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

    /** The newer page: the last one in {@code back}, or the newest when the trail ran out; null on the newest. */
    private static String previous(EventFilters filters, String current, List<String> back) {
        if (current == null || current.isBlank()) {
            return null;
        }
        String token = back.isEmpty() ? NEWEST : back.getLast();
        return page(filters, NEWEST.equals(token) ? "" : token, back.isEmpty() ? List.of()
                : back.subList(0, back.size() - 1));
    }

    /** The start tokens of the pages before this one, as the next link carried them; at most {@link #BACK_PAGES}. */
    private static List<String> back(String typed) {
        List<String> tokens = new ArrayList<>();
        for (String token : typed.split(",")) {
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return tokens.subList(Math.max(0, tokens.size() - BACK_PAGES), tokens.size());
    }

    private static String page(EventFilters filters, String token, List<String> back) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "from", filters.from());
        add(parameters, "to", filters.to());
        add(parameters, "eventName", filters.eventName());
        add(parameters, "user", filters.user());
        add(parameters, "source", filters.source());
        add(parameters, "next", token);
        add(parameters, "back", String.join(",", back));
        return parameters.isEmpty() ? AdminPaths.EVENTS : AdminPaths.EVENTS + "?" + String.join("&", parameters);
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
