package dev.gatehouse.server.config;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.server.config.GatehouseConfig.BootstrapAdmin;
import dev.gatehouse.server.config.GatehouseConfig.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig.SmtpConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the config file (Java properties; {@code gatehouse.properties} in the data directory, or the file
 * named by {@code GATEHOUSE_CONFIG}), lets {@code GATEHOUSE_*} variables override each key, and checks all
 * of it, reporting every problem at once. A key {@code db.url} is overridden by {@code GATEHOUSE_DB_URL}.
 */
public final class ConfigLoader {

    private static final Duration MIN_SESSION = Duration.ofMinutes(15);
    private static final Duration MAX_SESSION = Duration.ofDays(90);

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public GatehouseConfig load() {
        List<String> problems = new ArrayList<>();
        Path dataDir = Path.of(value(new Properties(), "data-dir", "data"));
        Properties file = readFile(dataDir, problems);
        dataDir = Path.of(value(file, "data-dir", "data"));

        int port = integer(file, "port", 8080, 0, 65535, problems);
        String bindAddress = value(file, "bind-address", "0.0.0.0");
        String publicUrl = value(file, "public-url", null);
        if (publicUrl != null) {
            publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
            checkUrl("public-url (GATEHOUSE_PUBLIC_URL)", publicUrl, problems);
        }
        String region = value(file, "region", "us-east-1");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            problems.add("region (GATEHOUSE_REGION) must be a region name such as us-east-1, not '" + region + "'");
        }
        List<String> aliases = list(value(file, "start-url-aliases", ""));
        aliases.forEach(alias -> checkUrl("start-url-aliases (GATEHOUSE_START_URL_ALIASES)", alias, problems));
        Duration session = duration(file, "portal-session-duration", Duration.ofHours(8), problems);

        String dbUrl = value(file, "db.url", null);
        DatabaseConfig database;
        if (dbUrl == null) {
            database = DatabaseConfig.embedded(dataDir);
        } else {
            if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                problems.add("db.url (GATEHOUSE_DB_URL) must be a jdbc:postgresql: or jdbc:h2: URL");
            }
            database = new DatabaseConfig(dbUrl, value(file, "db.user", null), value(file, "db.password", null));
        }

        BootstrapAdmin admin = null;
        String adminName = value(file, "bootstrap-admin.username", null);
        String adminPassword = value(file, "bootstrap-admin.password", null);
        if (adminName != null && adminPassword == null || adminName == null && adminPassword != null) {
            problems.add("GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME and GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD go together");
        } else if (adminName != null) {
            admin = new BootstrapAdmin(adminName, adminPassword.toCharArray());
        }
        String adminGroup = value(file, "admin-group", null);
        MasterKeySource masterKey = masterKey(file, dataDir, problems);
        MfaPolicy mfa = mfa(file, problems);
        SmtpConfig smtp = smtp(file, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new GatehouseConfig(dataDir, bindAddress, port, publicUrl, region, database, aliases, session, admin,
                adminGroup, masterKey, mfa, smtp);
    }

    /** {@code mfa-mode}, {@code mfa-remember-device-duration} and {@code mfa-without-device}, as AWS names them. */
    private MfaPolicy mfa(Properties file, List<String> problems) {
        MfaPolicy defaults = MfaPolicy.DEFAULT;
        String rawMode = value(file, "mfa-mode", defaults.mode().configName());
        MfaPolicy.Mode mode = MfaPolicy.Mode.named(rawMode).orElseGet(() -> {
            problems.add("mfa-mode (GATEHOUSE_MFA_MODE) must be always, context-aware or off, not '" + rawMode + "'");
            return defaults.mode();
        });
        String rawWithout = value(file, "mfa-without-device", defaults.withoutDevice().configName());
        MfaPolicy.WithoutDevice without = MfaPolicy.WithoutDevice.named(rawWithout).orElseGet(() -> {
            problems.add("mfa-without-device (GATEHOUSE_MFA_WITHOUT_DEVICE) must be enrol, block or allow, not '"
                    + rawWithout + "'");
            return defaults.withoutDevice();
        });
        Duration remember = defaults.rememberBrowser();
        String rawRemember = value(file, "mfa-remember-device-duration", null);
        if (rawRemember != null) {
            try {
                Duration parsed = Duration.parse(rawRemember);
                if (parsed.compareTo(MfaPolicy.MIN_REMEMBER) < 0 || parsed.compareTo(MfaPolicy.MAX_REMEMBER) > 0) {
                    problems.add("mfa-remember-device-duration (GATEHOUSE_MFA_REMEMBER_DEVICE_DURATION) must be "
                            + "between PT1H and P90D, not " + rawRemember);
                } else {
                    remember = parsed;
                }
            } catch (DateTimeParseException e) {
                problems.add("mfa-remember-device-duration (GATEHOUSE_MFA_REMEMBER_DEVICE_DURATION) must be an "
                        + "ISO-8601 duration such as P7D, not '" + rawRemember + "'");
            }
        }
        return new MfaPolicy(mode, remember, without);
    }

    /** The mail server for password-reset links, or null when {@code smtp-host} is not set. */
    private SmtpConfig smtp(Properties file, List<String> problems) {
        String host = value(file, "smtp-host", null);
        if (host == null) {
            return null;
        }
        String startTls = value(file, "smtp-starttls", "true");
        if (!startTls.equals("true") && !startTls.equals("false")) {
            problems.add("smtp-starttls (GATEHOUSE_SMTP_STARTTLS) must be true or false, not '" + startTls + "'");
        }
        int port = integer(file, "smtp-port", startTls.equals("false") ? 25 : 587, 1, 65535, problems);
        String from = value(file, "smtp-from", null);
        if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("smtp-from (GATEHOUSE_SMTP_FROM) must be the address mail comes from when smtp-host is set"
                    + (from == null ? "" : ", not '" + from + "'"));
        }
        String username = value(file, "smtp-username", null);
        String password = value(file, "smtp-password", null);
        if (username == null != (password == null)) {
            problems.add("smtp-username (GATEHOUSE_SMTP_USERNAME) and smtp-password (GATEHOUSE_SMTP_PASSWORD) go "
                    + "together");
        }
        return new SmtpConfig(host, port, from, username, password, !startTls.equals("false"));
    }

    /** The key itself only from the environment: a config file is too easily copied along with the data. */
    private MasterKeySource masterKey(Properties file, Path dataDir, List<String> problems) {
        String key = environment.get("GATEHOUSE_MASTER_KEY");
        String keyFile = value(file, "master-key-file", null);
        if (key != null && !key.isBlank()) {
            if (keyFile != null) {
                problems.add("GATEHOUSE_MASTER_KEY and master-key-file (GATEHOUSE_MASTER_KEY_FILE) exclude each other");
            }
            return MasterKeys.decode(key).<MasterKeySource>map(bytes -> new MasterKeySource.Given(
                    "GATEHOUSE_MASTER_KEY", bytes)).orElseGet(() -> {
                        problems.add("GATEHOUSE_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
                        return null;
                    });
        }
        if (keyFile != null) {
            Path named = Path.of(keyFile);
            if (!Files.isRegularFile(named)) {
                problems.add("master-key-file (GATEHOUSE_MASTER_KEY_FILE) names " + named + ", which does not exist");
            }
            return new MasterKeySource.KeyFile(named, false);
        }
        return MasterKeySource.defaultFile(dataDir);
    }

    private Properties readFile(Path defaultDataDir, List<String> problems) {
        Properties properties = new Properties();
        String named = environment.get("GATEHOUSE_CONFIG");
        Path file = named != null ? Path.of(named) : defaultDataDir.resolve("gatehouse.properties");
        if (!Files.exists(file)) {
            if (named != null) {
                problems.add("GATEHOUSE_CONFIG names " + file + ", which does not exist");
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

    /** The environment variable for a key wins over the file; blank counts as unset. */
    private String value(Properties file, String key, String fallback) {
        String fromEnv = environment.get(variable(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        String fromFile = file.getProperty(key);
        return fromFile != null && !fromFile.isBlank() ? fromFile.strip() : fallback;
    }

    /** The environment variable that overrides {@code key}: {@code db.url} → {@code GATEHOUSE_DB_URL}. */
    private static String variable(String key) {
        return "GATEHOUSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private int integer(Properties file, String key, int fallback, int min, int max, List<String> problems) {
        String raw = value(file, key, null);
        if (raw == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed < min || parsed > max) {
                problems.add(key + " must be between " + min + " and " + max + ", not " + raw);
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number, not '" + raw + "'");
            return fallback;
        }
    }

    private Duration duration(Properties file, String key, Duration fallback, List<String> problems) {
        String raw = value(file, key, null);
        if (raw == null) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(raw);
            if (parsed.compareTo(MIN_SESSION) < 0 || parsed.compareTo(MAX_SESSION) > 0) {
                problems.add(key + " (" + variable(key) + ") must be between PT15M and P90D, not " + raw);
            }
            return parsed;
        } catch (DateTimeParseException e) {
            problems.add(key + " (" + variable(key) + ") must be an ISO-8601 duration such as PT8H, not '" + raw + "'");
            return fallback;
        }
    }

    private static void checkUrl(String name, String url, List<String> problems) {
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.add(name + " must be an http or https URL, not '" + url + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(name + " must be an http or https URL, not '" + url + "'");
        }
    }

    private static List<String> list(String raw) {
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
