package dev.gatehouse.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code Numeric*}: integers and decimals, compared as numbers; a request value that is not a number matches
 * nothing. Policy variables are not supported with these operators (IAM JSON policy elements: Condition
 * operators, "Numeric condition operators").
 */
final class NumericValues implements ValueMatcher {

    private final Comparison comparison;
    private final BigDecimal[] values;

    NumericValues(Comparison comparison, List<PolicyString> values) {
        this.comparison = comparison;
        this.values = values.stream().map(value -> number(value.raw())).toArray(BigDecimal[]::new);
        for (int i = 0; i < this.values.length; i++) {
            if (this.values[i] == null) {
                throw new IllegalArgumentException("value " + values.get(i).raw() + " is not a number");
            }
        }
    }

    @Override
    public boolean matchesAny(String requestValue, ContextKeys context) {
        BigDecimal actual = number(requestValue);
        if (actual == null) {
            return false;
        }
        for (BigDecimal expected : values) {
            if (comparison.holds(actual.compareTo(expected))) {
                return true;
            }
        }
        return false;
    }

    static BigDecimal number(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean sign = i == 0 && (c == '-' || c == '+');
            if (!sign && c != '.' && (c < '0' || c > '9')) {
                return null;
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
