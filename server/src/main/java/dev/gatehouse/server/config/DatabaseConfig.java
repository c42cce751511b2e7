package dev.gatehouse.server.config;

import java.nio.file.Path;

/** @param url a JDBC URL; user and password may be null for the embedded database */
public record DatabaseConfig(String url, String user, String password) {

    public static DatabaseConfig embedded(Path dataDir) {
        // AUTO_SERVER lets `gatehouse-server admin` work on the file while the server has it open.
        return new DatabaseConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gatehouse")
                + ";AUTO_SERVER=TRUE", "gatehouse", "");
    }

    /** The database {@code db.url} names, or the embedded one; user and password count only with a URL. */
    static DatabaseConfig from(SettingValues values, Path dataDir) {
        if (!values.isSet(ConfigKeys.DB_URL)) {
            return embedded(dataDir);
        }
        return new DatabaseConfig(values.get(ConfigKeys.DB_URL), values.get(ConfigKeys.DB_USER),
                values.get(ConfigKeys.DB_PASSWORD));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + "]";
    }
}
