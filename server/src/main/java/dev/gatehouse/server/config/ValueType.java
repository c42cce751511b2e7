package dev.gatehouse.server.config;

import java.util.function.Function;

/**
 * What a setting accepts: how its text becomes its value, how docs/configuration.md shows a value, and in a few
 * words of Markdown which texts are accepted, bounds included.
 */
record ValueType<T>(String accepted, Parser<T> parser, Function<T, String> formatter) {

    @FunctionalInterface
    interface Parser<T> {

        /** @param text stripped and never blank */
        T parse(String text) throws InvalidValue;
    }

    static <T> ValueType<T> of(String accepted, Parser<T> parser) {
        return new ValueType<>(accepted, parser, Object::toString);
    }

    T parse(String text) throws InvalidValue {
        return parser.parse(text);
    }

    String format(T value) {
        return formatter.apply(value);
    }
}
