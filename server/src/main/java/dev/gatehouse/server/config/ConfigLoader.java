package dev.gatehouse.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the config file ({@value #FILE_NAME} in the data directory, or the file {@code GATEHOUSE_CONFIG} names),
 * lets the {@code GATEHOUSE_*} variables override its keys, and checks all of it against the settings table
 * ({@link ConfigKeys}), reporting every problem at once.
 */
public final class ConfigLoader {

    static final String FILE_NAME = "gatehouse.properties";

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @throws InvalidConfigException listing every problem found */
    public GatehouseConfig load() {
        // A set: the data directory is read twice, to find the file and then as the file may set it.
        Set<String> problems = new LinkedHashSet<>();
        Properties file = readFile(new SettingValues(environment, new Properties(), problems), problems);
        SettingValues values = new SettingValues(environment, file, problems);
        GatehouseConfig config = GatehouseConfig.from(values, values.get(ConfigKeys.DATA_DIR));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(List.copyOf(problems));
        }
        return config;
    }

    /** Found through the environment alone, as a file cannot say where it is; a data-dir it sets counts after. */
    private static Properties readFile(SettingValues environment, Set<String> problems) {
        Properties properties = new Properties();
        boolean named = environment.isSet(ConfigKeys.CONFIG);
        Path file = named ? environment.get(ConfigKeys.CONFIG)
                : environment.get(ConfigKeys.DATA_DIR).resolve(FILE_NAME);
        if (file == null) {
            return properties; // not a path: that problem is noted already
        }
        if (!Files.exists(file)) {
            if (named) {
                problems.add(ConfigKeys.CONFIG.label() + " names " + file + ", which does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
