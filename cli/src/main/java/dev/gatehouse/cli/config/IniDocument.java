package dev.gatehouse.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An INI file as the AWS CLI reads it (Python's configparser rules: {@code #} and {@code ;} comment lines,
 * {@code key = value} or {@code key: value}, lower-cased keys, indented lines continuing the value above) that
 * keeps every line it did not change. Updating a section rewrites only the lines of the keys it sets, so
 * comments, blank lines, unknown keys and other sections stay exactly as the person left them.
 */
public final class IniDocument {

    /** Two spaces: the indentation the AWS documentation uses for nested settings. */
    private static final String NESTED_INDENT = "  ";

    private final List<String> lines;

    private IniDocument(List<String> lines) {
        this.lines = lines;
    }

    public static IniDocument parse(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return new IniDocument(lines);
    }

    public static IniDocument empty() {
        return new IniDocument(new ArrayList<>());
    }

    /** The text to write back: the original lines with the updates, each ending in a newline. */
    public String render() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Every section in file order, each with its values; a later section of the same header adds to it. */
    public List<IniSection> sections() {
        Map<SectionHeader, Map<String, String>> sections = new LinkedHashMap<>();
        for (SectionRange range : ranges()) {
            Map<String, String> values = sections.computeIfAbsent(range.header(), h -> new LinkedHashMap<>());
            for (KeyRange key : keys(range)) {
                values.put(key.name(), key.value(lines));
            }
        }
        List<IniSection> result = new ArrayList<>();
        sections.forEach((header, values) -> result.add(new IniSection(header, values)));
        return result;
    }

    public Optional<IniSection> section(SectionHeader header) {
        return sections().stream().filter(section -> section.header().equals(header)).findFirst();
    }

    /**
     * Sets keys in a section, creating it at the end of the file when missing. A value is a {@code String}, or a
     * {@code Map<String, String>} for a nested block ({@code sso_oidc =} followed by indented settings).
     */
    public void update(SectionHeader header, Map<String, ?> values) {
        Optional<SectionRange> found = ranges().stream().filter(r -> r.header().equals(header)).findFirst();
        if (found.isEmpty()) {
            appendSection(header, values);
            return;
        }
        // Last to first, so the line numbers of keys not yet visited stay valid.
        Map<String, Object> remaining = new LinkedHashMap<>(values);
        for (KeyRange key : keys(found.get()).reversed()) {
            if (remaining.containsKey(key.name())) {
                replaceKey(key, remaining.remove(key.name()));
            }
        }
        List<String> added = new ArrayList<>();
        remaining.forEach((name, value) -> added.addAll(keyLines(name, value)));
        SectionRange range = ranges().stream().filter(r -> r.header().equals(header)).findFirst().orElseThrow();
        List<KeyRange> keys = keys(range);
        // New keys go after the section's last setting, before any blank lines or comments that end it.
        int insertAt = keys.isEmpty() ? range.headerLine() + 1 : keys.getLast().end();
        lines.addAll(insertAt, added);
    }

    /** Removes a section's lines, header to the line before the next section; true when there was one. */
    public boolean remove(SectionHeader header) {
        for (SectionRange range : ranges().reversed()) {
            if (range.header().equals(header)) {
                lines.subList(range.headerLine(), range.end()).clear();
                return true;
            }
        }
        return false;
    }

    private void appendSection(SectionHeader header, Map<String, ?> values) {
        if (!lines.isEmpty() && !lines.getLast().isBlank()) {
            lines.add("");
        }
        lines.add("[" + header.render() + "]");
        values.forEach((name, value) -> lines.addAll(keyLines(name, value)));
    }

    private void replaceKey(KeyRange key, Object value) {
        if (value instanceof Map<?, ?> nested && key.isNested(lines)) {
            updateNested(key, nested);
            return;
        }
        lines.subList(key.line(), key.end()).clear();
        lines.addAll(key.line(), keyLines(key.name(), value));
    }

    private void updateNested(KeyRange key, Map<?, ?> nested) {
        Map<Object, Object> remaining = new LinkedHashMap<>(nested);
        String indent = NESTED_INDENT;
        for (int i = key.line() + 1; i < key.end(); i++) {
            String line = lines.get(i);
            int equals = line.indexOf('=');
            if (equals < 0 || isComment(line)) {
                continue;
            }
            String subKey = line.substring(0, equals).strip();
            indent = line.substring(0, line.length() - line.stripLeading().length());
            if (remaining.containsKey(subKey)) {
                lines.set(i, indent + subKey + " = " + remaining.remove(subKey));
            }
        }
        List<String> added = new ArrayList<>();
        for (Map.Entry<Object, Object> entry : remaining.entrySet()) {
            added.add(indent + entry.getKey() + " = " + entry.getValue());
        }
        lines.addAll(key.end(), added);
    }

    private static List<String> keyLines(String name, Object value) {
        if (value instanceof Map<?, ?> nested) {
            List<String> result = new ArrayList<>();
            result.add(name + " =");
            nested.forEach((subKey, subValue) -> result.add(NESTED_INDENT + subKey + " = " + subValue));
            return result;
        }
        return List.of(name + " = " + value);
    }

    private List<SectionRange> ranges() {
        List<SectionRange> ranges = new ArrayList<>();
        SectionHeader current = null;
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            Optional<SectionHeader> header = headerOf(lines.get(i));
            if (header.isPresent()) {
                if (current != null) {
                    ranges.add(new SectionRange(current, start, i));
                }
                current = header.get();
                start = i;
            }
        }
        if (current != null) {
            ranges.add(new SectionRange(current, start, lines.size()));
        }
        return ranges;
    }

    private List<KeyRange> keys(SectionRange range) {
        List<KeyRange> keys = new ArrayList<>();
        String name = null;
        int start = -1;
        int lastContent = -1;
        for (int i = range.headerLine() + 1; i < range.end(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || isComment(line)) {
                continue;
            }
            boolean continuation = Character.isWhitespace(line.charAt(0));
            if (continuation && name != null) {
                lastContent = i;
                continue;
            }
            int separator = separatorIndex(line);
            if (separator < 0) {
                continue;
            }
            if (name != null) {
                keys.add(new KeyRange(name, start, lastContent + 1));
            }
            name = line.substring(0, separator).strip().toLowerCase(java.util.Locale.ROOT);
            start = i;
            lastContent = i;
        }
        if (name != null) {
            keys.add(new KeyRange(name, start, lastContent + 1));
        }
        return keys;
    }

    private static Optional<SectionHeader> headerOf(String line) {
        String stripped = line.strip();
        if (!stripped.startsWith("[") || isComment(line)) {
            return Optional.empty();
        }
        int close = stripped.indexOf(']');
        return close > 1 ? Optional.of(SectionHeader.parse(stripped.substring(1, close))) : Optional.empty();
    }

    private static boolean isComment(String line) {
        String stripped = line.stripLeading();
        return stripped.startsWith("#") || stripped.startsWith(";");
    }

    /** configparser splits at whichever of {@code =} and {@code :} comes first. */
    private static int separatorIndex(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private record SectionRange(SectionHeader header, int headerLine, int end) { }

    /** One key: its line and the indented continuation lines after it, up to {@code end} (exclusive). */
    private record KeyRange(String name, int line, int end) {

        String value(List<String> lines) {
            String first = lines.get(line);
            StringBuilder value = new StringBuilder(first.substring(separatorIndex(first) + 1).strip());
            for (int i = line + 1; i < end; i++) {
                String continued = lines.get(i);
                if (!continued.isBlank() && !isComment(continued)) {
                    value.append('\n').append(continued.strip());
                }
            }
            return value.toString();
        }

        boolean isNested(List<String> lines) {
            String first = lines.get(line);
            return first.substring(separatorIndex(first) + 1).isBlank();
        }
    }
}
