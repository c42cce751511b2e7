package dev.gatehouse.server.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serving HTTPS on {@code port} from PEM files, re-read when they change (docs/operations.md#tls).
 *
 * @param certificateFile the server certificate, then any intermediates, in PEM
 * @param keyFile         its private key in PEM: PKCS#8, or the RSA/EC forms OpenSSL writes; not encrypted
 * @param redirectPort    a plain-HTTP port that only redirects to the public https URL, or null for none
 */
public record TlsConfig(Path certificateFile, Path keyFile, Integer redirectPort) {

    /** The TLS settings, or null when neither file is set: then the port serves plain HTTP. */
    static TlsConfig from(SettingValues values) {
        values.requireTogether(ConfigKeys.TLS_CERT_FILE, ConfigKeys.TLS_KEY_FILE);
        if (!values.isSet(ConfigKeys.TLS_CERT_FILE) || !values.isSet(ConfigKeys.TLS_KEY_FILE)) {
            if (values.isSet(ConfigKeys.TLS_REDIRECT_PORT)) {
                values.problem(ConfigKeys.TLS_REDIRECT_PORT.label() + " needs " + ConfigKeys.TLS_CERT_FILE.key()
                        + " and " + ConfigKeys.TLS_KEY_FILE.key());
            }
            return null;
        }
        Path certificate = existing(values, ConfigKeys.TLS_CERT_FILE);
        Path key = existing(values, ConfigKeys.TLS_KEY_FILE);
        return new TlsConfig(certificate, key, values.get(ConfigKeys.TLS_REDIRECT_PORT));
    }

    private static Path existing(SettingValues values, Setting<Path> setting) {
        Path file = values.get(setting);
        if (file != null && !Files.isRegularFile(file)) {
            values.problem(setting.label() + " names " + file + ", which does not exist");
        }
        return file;
    }

    public TlsConfig withRedirectPort(Integer port) {
        return new TlsConfig(certificateFile, keyFile, port);
    }
}
