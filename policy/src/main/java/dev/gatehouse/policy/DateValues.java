package dev.gatehouse.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code Date*}: dates and times in the W3C profile of ISO 8601 ({@code 2026-11-26}, {@code 2026-11-26T14:00Z},
 * {@code 2026-11-26T14:00:00.5+01:00}; without an offset, UTC) or epoch seconds ({@code 1795000000}), compared as
 * instants. Policy variables are not supported with these operators (IAM JSON policy elements: Condition
 * operators, "Date condition operators").
 */
final class DateValues implements ValueMatcher {

    private final Comparison comparison;
    private final Instant[] values;

    DateValues(Comparison comparison, List<PolicyString> values) {
        this.comparison = comparison;
        this.values = values.stream().map(value -> instant(value.raw())).toArray(Instant[]::new);
        for (int i = 0; i < this.values.length; i++) {
            if (this.values[i] == null) {
                throw new IllegalArgumentException("value " + values.get(i).raw()
                        + " is not a date (ISO 8601, e.g. 2026-11-26T14:00:00Z, or epoch seconds)");
            }
        }
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        Instant actual = instant(requestValue);
        if (actual == null) {
            return false;
        }
        for (Instant expected : values) {
            if (comparison.holds(actual.compareTo(expected))) {
                return true;
            }
        }
        return false;
    }

    static Instant instant(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        if (NumericValues.number(text) != null) {
            try {
                return Instant.ofEpochSecond(new java.math.BigDecimal(text).longValueExact());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return null;
            }
        }
        try {
            if (text.indexOf('T') < 0) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            char last = text.charAt(text.length() - 1);
            boolean offset = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 0 || text.lastIndexOf('-') > 9;
            return offset ? OffsetDateTime.parse(text.replace('z', 'Z')).toInstant()
                    : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
