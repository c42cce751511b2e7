package dev.gatehouse.cli.output;

import java.util.Arrays;
import java.util.Locale;

/** The {@code --output} formats of the AWS CLI. */
public enum OutputFormat {
    JSON, TEXT, TABLE, YAML;

    public static OutputFormat parse(String name) {
        return Arrays.stream(values()).filter(format -> format.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown output format '" + name
                        + "' (choose from json, text, table, yaml)"));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
