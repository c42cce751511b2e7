package dev.gatehouse.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Prints a command's result, a map of scalars and lists of maps, in the chosen {@code --output} format, shaped
 * like the AWS CLI's: json pretty-printed, text as tab-separated values in key order (list items on lines of
 * their own, led by the list's name in capitals), yaml block style, table boxed under the operation's title.
 */
public final class Renderer {

    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./:@+=-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[0-9][0-9_.eE:+-]*");

    private Renderer() {
    }

    public static String render(OutputFormat format, String title, Map<String, ?> result) {
        return switch (format) {
            case JSON -> Json.pretty(result);
            case TEXT -> text(result);
            case YAML -> yaml(result, "");
            case TABLE -> Table.render(title, result);
        };
    }

    private static String text(Map<String, ?> result) {
        StringBuilder text = new StringBuilder();
        List<String> scalars = new ArrayList<>();
        new TreeMap<>(result).forEach((key, value) -> {
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    text.append(key.toUpperCase(java.util.Locale.ROOT)).append('\t')
                            .append(String.join("\t", sortedValues(item))).append('\n');
                }
            } else {
                scalars.add(scalar(value));
            }
        });
        return scalars.isEmpty() ? text.toString() : String.join("\t", scalars) + "\n" + text;
    }

    private static List<String> sortedValues(Object item) {
        if (item instanceof Map<?, ?> map) {
            List<String> values = new ArrayList<>();
            new TreeMap<>(map).values().forEach(value -> values.add(scalar(value)));
            return values;
        }
        return List.of(scalar(item));
    }

    private static String yaml(Map<String, ?> result, String indent) {
        StringBuilder yaml = new StringBuilder();
        result.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                yaml.append(indent).append(key).append(list.isEmpty() ? ": []\n" : ":\n");
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        String nested = yaml((Map<String, ?>) map, indent + "  ");
                        yaml.append(indent).append("- ").append(nested.substring(indent.length() + 2));
                    } else {
                        yaml.append(indent).append("- ").append(yamlScalar(item)).append('\n');
                    }
                }
            } else {
                yaml.append(indent).append(key).append(": ").append(yamlScalar(value)).append('\n');
            }
        });
        return yaml.toString();
    }

    private static String yamlScalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        boolean ambiguous = NUMBER_LIKE.matcher(text).matches()
                || List.of("true", "false", "null", "yes", "no", "on", "off", "~").contains(text.toLowerCase());
        if (!ambiguous && PLAIN_YAML.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }

    static String scalar(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        return value.toString();
    }
}
