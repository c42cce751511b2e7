package dev.gatehouse.server.logging;

import java.util.Locale;

/** How log lines look: for people reading a terminal, or one JSON object per line for a log collector. */
public enum LogFormat {
    PLAIN,
    JSON;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
