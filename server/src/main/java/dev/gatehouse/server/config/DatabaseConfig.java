package dev.gatehouse.server.config;

import dev.gatehouse.store.Database;
import java.nio.file.Path;

/**
 * @param url     a JDBC URL; user and password may be null for the embedded database
 * @param caching whether the hot reads are cached (docs/architecture.md, "Caches")
 */
public record DatabaseConfig(String url, String user, String password, Database.Caching caching) {

    public DatabaseConfig(String url, String user, String password) {
        this(url, user, password, Database.Caching.ON);
    }

    public DatabaseConfig withCaching(Database.Caching newCaching) {
        return new DatabaseConfig(url, user, password, newCaching);
    }

    public static DatabaseConfig embedded(Path dataDir) {
        // Open to this process only; `gatehouse-server admin` reaches a running server through its admin socket.
        // The file's permissions are what guard it: an H2 password would sit beside the file it protects.
        return new DatabaseConfig(Database.h2FileUrl(dataDir), "gatehouse", "");
    }

    /** Whether this is the embedded H2 file, which one process at a time may open. */
    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:file:");
    }

    /** The database {@code db.url} names, or the embedded one; user and password count only with a URL. */
    static DatabaseConfig from(SettingValues values, Path dataDir) {
        if (!values.isSet(ConfigKeys.DB_URL)) {
            return embedded(dataDir).withCaching(values.get(ConfigKeys.CACHE));
        }
        return new DatabaseConfig(values.get(ConfigKeys.DB_URL), values.get(ConfigKeys.DB_USER),
                values.get(ConfigKeys.DB_PASSWORD), values.get(ConfigKeys.CACHE));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", caching=" + caching + "]";
    }
}
