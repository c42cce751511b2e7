package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's distribution zip ({@code org.keycloak:keycloak-quarkus-dist}): taken from the local Maven
 * repository when the it module's build already fetched it, else downloaded once from Maven Central into a
 * cache directory and checked against Central's SHA-1. Never used in CI: only {@link GoalTableRun} asks.
 */
final class KeycloakDist {

    static final String VERSION = "26.4.7";
    private static final String FILE = "keycloak-quarkus-dist-" + VERSION + ".zip";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/"
            + VERSION + "/" + FILE;

    private KeycloakDist() {
    }

    /** The zip, from ~/.m2 or the cache ({@code gatehouse.bench.downloads}, default ~/.cache/gatehouse-bench). */
    static Path zip() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("user.home"));
        Path local = home.resolve(".m2/repository/org/keycloak/keycloak-quarkus-dist/" + VERSION + "/" + FILE);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path cache = Path.of(System.getProperty("gatehouse.bench.downloads",
                home.resolve(".cache/gatehouse-bench").toString()));
        Path cached = cache.resolve(FILE);
        if (!Files.isRegularFile(cached)) {
            download(cache, cached);
        }
        return cached;
    }

    /** Unpacks the zip under {@code into}; returns Keycloak's home (the directory holding bin/kc.sh). */
    static Path unpack(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return into.resolve("keycloak-" + VERSION);
    }

    private static void download(Path cache, Path cached) throws IOException, InterruptedException {
        Files.createDirectories(cache);
        System.out.println("downloading " + CENTRAL);
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            Path partial = cache.resolve(FILE + ".part");
            HttpResponse<Path> zip = http.send(HttpRequest.newBuilder(URI.create(CENTRAL)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            HttpResponse<String> sha1 = http.send(HttpRequest.newBuilder(URI.create(CENTRAL + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (zip.statusCode() != 200 || sha1.statusCode() != 200) {
                throw new IOException("Maven Central answered " + zip.statusCode() + " / " + sha1.statusCode());
            }
            String expected = sha1.body().strip().split("\\s+")[0];
            String actual = sha1Of(partial);
            if (!actual.equalsIgnoreCase(expected)) {
                Files.delete(partial);
                throw new IOException("SHA-1 mismatch for " + FILE + ": " + actual + ", Central says " + expected);
            }
            Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha1Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha1.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
