package dev.gatehouse.server.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;

/**
 * The text given for each setting, turned into its value by the setting's type. A variable wins over the file,
 * and blank counts as unset. Problems are noted, not thrown, so the loader reports them all at once.
 */
final class SettingValues {

    private final Map<String, String> environment;
    private final Properties file;
    private final Collection<String> problems;

    SettingValues(Map<String, String> environment, Properties file, Collection<String> problems) {
        this.environment = environment;
        this.file = file;
        this.problems = problems;
    }

    /** Nothing given: every setting has its default. */
    static SettingValues none() {
        return new SettingValues(Map.of(), new Properties(), new ArrayList<>());
    }

    /** The value given, or the default when none is given or the text is invalid (a problem then). */
    <T> T get(Setting<T> setting) {
        String text = text(setting);
        if (text == null) {
            return setting.defaultValue();
        }
        try {
            return setting.type().parse(text);
        } catch (InvalidValue invalid) {
            problems.add(setting.problem(invalid, text));
            return setting.defaultValue();
        }
    }

    boolean isSet(Setting<?> setting) {
        return text(setting) != null;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    void requireTogether(Setting<?> one, Setting<?> other) {
        if (isSet(one) != isSet(other)) {
            problems.add(one.label() + " and " + other.label() + " go together");
        }
    }

    void requireApart(Setting<?> one, Setting<?> other) {
        if (isSet(one) && isSet(other)) {
            problems.add(one.label() + " and " + other.label() + " exclude each other");
        }
    }

    private String text(Setting<?> setting) {
        String fromEnvironment = environment.get(setting.variable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        String fromFile = setting.environmentOnly() ? null : file.getProperty(setting.key());
        return fromFile != null && !fromFile.isBlank() ? fromFile.strip() : null;
    }
}
