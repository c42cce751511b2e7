package dev.gatehouse.server.config;

import java.util.Locale;

/**
 * One row of the settings table ({@link ConfigKeys}): a key of the config file, the environment variable that
 * overrides it, its type with its bounds, its default and what it means. The loader's problems and
 * docs/configuration.md are made from the rows, so neither can drift from what is read.
 *
 * @param defaultValue    what an unset key means; null for "none"
 * @param description     one line of Markdown for docs/configuration.md
 * @param defaultNote     how the docs describe a default that depends on other settings, or qualify the given one
 * @param environmentOnly read only from the environment, never from the file
 * @param secret          its text is never repeated in a problem, since problems are printed and logged
 */
record Setting<T>(String key, ValueType<T> type, T defaultValue, String description, String defaultNote,
                  boolean environmentOnly, boolean secret) {

    static <T> Setting<T> of(String key, ValueType<T> type, T defaultValue, String description) {
        return new Setting<>(key, type, defaultValue, description, null, false, false);
    }

    /** For what must not sit in a file that is copied along with the data, such as the master key. */
    Setting<T> onlyFromEnvironment() {
        return new Setting<>(key, type, defaultValue, description, defaultNote, true, secret);
    }

    Setting<T> asSecret() {
        return new Setting<>(key, type, defaultValue, description, defaultNote, environmentOnly, true);
    }

    Setting<T> withDefaultNote(String note) {
        return new Setting<>(key, type, defaultValue, description, note, environmentOnly, secret);
    }

    /** {@code db.url} → {@code GATEHOUSE_DB_URL}. */
    String variable() {
        return "GATEHOUSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** How problems name it: {@code db.url (GATEHOUSE_DB_URL)}, or just the variable when no file may set it. */
    String label() {
        return environmentOnly ? variable() : key + " (" + variable() + ")";
    }

    /** "region (GATEHOUSE_REGION) must be a region name such as us-east-1, not 'moon'". */
    String problem(InvalidValue invalid, String text) {
        String given = secret ? "" : ", not '" + text + "'";
        if (invalid.variableLast()) {
            return key + " must be " + invalid.expectation() + given + " (" + variable() + ")";
        }
        return label() + " must be " + invalid.expectation() + given;
    }

    /** The default as docs/configuration.md shows it. */
    String documentedDefault() {
        String formatted = defaultValue == null ? "" : type.format(defaultValue);
        String value = formatted.isEmpty() ? "" : "`" + formatted + "`";
        if (defaultNote == null) {
            return value.isEmpty() ? "none" : value;
        }
        return value.isEmpty() ? defaultNote : value + " " + defaultNote;
    }
}
