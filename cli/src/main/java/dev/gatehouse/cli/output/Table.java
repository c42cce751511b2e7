package dev.gatehouse.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS CLI's {@code table} output: the operation's name centred in a box, the scalar fields as a row of
 * columns under their names, and each list as a titled sub-table with one row per item.
 */
final class Table {

    private Table() {
    }

    static String render(String title, Map<String, ?> result) {
        Map<String, String> scalars = new TreeMap<>();
        Map<String, List<?>> lists = new TreeMap<>();
        result.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                lists.put(key, list);
            } else {
                scalars.put(key, Renderer.scalar(value));
            }
        });
        StringBuilder table = new StringBuilder();
        int width = Math.max(title.length() + 4, widthOf(scalars, lists));
        String rule = "-".repeat(width);
        table.append(rule).append('\n').append(centred(title, width)).append('\n');
        if (!scalars.isEmpty()) {
            rows(table, List.copyOf(scalars.keySet()), List.of(List.copyOf(scalars.values())), width);
        } else {
            table.append(rule).append('\n');
        }
        lists.forEach((name, items) -> {
            table.append(centred(name, width)).append('\n');
            List<String> columns = columnsOf(items);
            List<List<String>> values = new ArrayList<>();
            for (Object item : items) {
                values.add(valuesOf(item, columns));
            }
            rows(table, columns, values, width);
        });
        return table.toString();
    }

    private static void rows(StringBuilder table, List<String> columns, List<List<String>> rows, int width) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length() + 2;
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length() + 2);
            }
        }
        spread(widths, width);
        String separator = separator(widths);
        table.append(separator).append('\n').append(row(columns, widths, true)).append('\n')
                .append(separator).append('\n');
        for (List<String> row : rows) {
            table.append(row(row, widths, false)).append('\n');
        }
        table.append(separator).append('\n');
    }

    /** Widens the columns so the row is as wide as the title box. */
    private static void spread(int[] widths, int total) {
        int used = widths.length + 1;
        for (int w : widths) {
            used += w;
        }
        for (int i = 0; used < total; i = (i + 1) % widths.length, used++) {
            widths[i]++;
        }
    }

    private static String separator(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int w : widths) {
            line.append("-".repeat(w)).append('+');
        }
        return line.toString();
    }

    private static String row(List<String> cells, int[] widths, boolean centre) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(centre ? pad(cell, widths[i]) : "  " + cell + " ".repeat(widths[i] - cell.length() - 2))
                    .append('|');
        }
        return line.toString();
    }

    private static String centred(String text, int width) {
        return "|" + pad(text, width - 2) + "|";
    }

    private static String pad(String text, int width) {
        int left = (width - text.length()) / 2;
        return " ".repeat(Math.max(0, left)) + text + " ".repeat(Math.max(0, width - text.length() - left));
    }

    private static List<String> columnsOf(List<?> items) {
        List<String> columns = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                new TreeMap<>(map).keySet().forEach(key -> {
                    if (!columns.contains(key.toString())) {
                        columns.add(key.toString());
                    }
                });
            }
        }
        return columns.isEmpty() ? List.of("Value") : columns;
    }

    private static List<String> valuesOf(Object item, List<String> columns) {
        if (!(item instanceof Map<?, ?> map)) {
            return List.of(Renderer.scalar(item));
        }
        return columns.stream().map(column -> map.containsKey(column) ? Renderer.scalar(map.get(column)) : "")
                .toList();
    }

    private static int widthOf(Map<String, String> scalars, Map<String, List<?>> lists) {
        int width = 0;
        if (!scalars.isEmpty()) {
            width = scalars.size() + 1;
            for (Map.Entry<String, String> entry : scalars.entrySet()) {
                width += Math.max(entry.getKey().length(), entry.getValue().length()) + 2;
            }
        }
        for (List<?> items : lists.values()) {
            List<String> columns = columnsOf(items);
            int listWidth = columns.size() + 1;
            for (String column : columns) {
                int columnWidth = column.length();
                for (Object item : items) {
                    int index = columns.indexOf(column);
                    columnWidth = Math.max(columnWidth, valuesOf(item, columns).get(index).length());
                }
                listWidth += columnWidth + 2;
            }
            width = Math.max(width, listWidth);
        }
        return width;
    }
}
