package dev.gatehouse.server.config;

import dev.gatehouse.server.http.TrustedProxies;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The types settings have, each with its bounds and the words a problem uses for them. */
final class ValueTypes {

    private ValueTypes() {
    }

    static ValueType<String> text() {
        return ValueType.of("text", text -> text);
    }

    static ValueType<Path> path() {
        return ValueType.of("a file path", text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw InvalidValue.expected("a file path");
            }
        });
    }

    static ValueType<Integer> integer(int min, int max) {
        return ValueType.of("`" + min + "`..`" + max + "`", text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw InvalidValue.expectedNumber("a number");
            }
            if (value < min || value > max) {
                throw InvalidValue.expectedNumber("between " + min + " and " + max);
            }
            return value;
        });
    }

    /** An ISO-8601 duration from {@code min} to {@code max}, both included. */
    static ValueType<Duration> duration(Duration min, Duration max) {
        String bounds = iso(min) + " and " + iso(max);
        return new ValueType<>("ISO-8601 duration, `" + iso(min) + "`..`" + iso(max) + "`", text -> {
            Duration value;
            try {
                value = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidValue.expected("an ISO-8601 duration between " + bounds);
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw InvalidValue.expected("between " + bounds);
            }
            return value;
        }, ValueTypes::iso);
    }

    /** One of {@code choices}, by its name in any case. */
    static <E> ValueType<E> oneOf(E[] choices, Function<E, String> name) {
        List<String> names = Arrays.stream(choices).map(name).toList();
        return new ValueType<>(String.join(", ", names.stream().map(n -> "`" + n + "`").toList()), text -> {
            for (E choice : choices) {
                if (name.apply(choice).equalsIgnoreCase(text)) {
                    return choice;
                }
            }
            throw InvalidValue.expected(String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.getLast());
        }, name);
    }

    static ValueType<Boolean> bool() {
        return oneOf(new Boolean[] {true, false}, String::valueOf);
    }

    static ValueType<String> matching(String regex, String expectation) {
        return ValueType.of(expectation, text -> {
            if (!text.matches(regex)) {
                throw InvalidValue.expected(expectation);
            }
            return text;
        });
    }

    /** Kept without a trailing slash, so paths can be appended. */
    static ValueType<String> httpUrl() {
        return ValueType.of("an http or https URL", text -> {
            String url = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            if (!isHttpUrl(url)) {
                throw InvalidValue.expected("an http or https URL");
            }
            return url;
        });
    }

    static ValueType<List<String>> httpUrls() {
        String accepted = "http or https URLs separated by commas";
        return new ValueType<>(accepted, text -> {
            List<String> urls = new ArrayList<>();
            for (String part : text.split(",")) {
                String url = part.strip();
                if (!url.isEmpty() && !isHttpUrl(url)) {
                    throw InvalidValue.expected(accepted);
                }
                if (!url.isEmpty()) {
                    urls.add(url);
                }
            }
            return List.copyOf(urls);
        }, urls -> String.join(",", urls));
    }

    /** IP addresses and CIDR blocks, IPv4 or IPv6, separated by commas. */
    static ValueType<TrustedProxies> addresses() {
        String accepted = "IP addresses or CIDR blocks separated by commas";
        return new ValueType<>(accepted, text -> {
            List<String> entries = Arrays.stream(text.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                    .toList();
            try {
                return TrustedProxies.of(entries);
            } catch (IllegalArgumentException e) {
                throw InvalidValue.expected(accepted + " (" + e.getMessage() + ")");
            }
        }, proxies -> String.join(",", proxies.entries()));
    }

    static ValueType<String> jdbcUrl() {
        return ValueType.of("a `jdbc:postgresql:` or `jdbc:h2:` URL", text -> {
            if (!text.startsWith("jdbc:postgresql:") && !text.startsWith("jdbc:h2:")) {
                throw InvalidValue.expected("a jdbc:postgresql: or jdbc:h2: URL");
            }
            return text;
        });
    }

    static ValueType<byte[]> base64Key() {
        return ValueType.of("32 bytes in base64", text -> MasterKeys.decode(text)
                .orElseThrow(() -> InvalidValue.expected("32 bytes in base64 (openssl rand -base64 32)")));
    }

    /** Whole days as days (P7D), as people write them, where Duration would say PT168H. */
    static String iso(Duration duration) {
        boolean wholeDays = !duration.isZero() && duration.toSeconds() % Duration.ofDays(1).toSeconds() == 0
                && duration.toNanosPart() == 0;
        return wholeDays ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
