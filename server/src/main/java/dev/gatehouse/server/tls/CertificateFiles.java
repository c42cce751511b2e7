package dev.gatehouse.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The certificate and key files as they stand on disk: enough to tell, without reading them, that either was
 * replaced or rewritten. Links are followed, so a renewal that repoints a symbolic link (certbot's {@code live/})
 * counts as a change.
 */
record CertificateFiles(Path certificateFile, Path keyFile, Stamp certificate, Stamp key) {

    /** What a file's attributes say about its content: a new file (inode), a new write time or a new length. */
    record Stamp(Object fileKey, long modifiedNanos, long size) {

        static final Stamp MISSING = new Stamp(null, -1, -1);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.fileKey(),
                        attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                        attributes.size());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }

    static CertificateFiles now(Path certificateFile, Path keyFile) {
        return new CertificateFiles(certificateFile, keyFile, Stamp.of(certificateFile), Stamp.of(keyFile));
    }

    /** The files as they stand now. */
    CertificateFiles again() {
        return now(certificateFile, keyFile);
    }

    boolean sameAs(CertificateFiles other) {
        return Objects.equals(certificate, other.certificate) && Objects.equals(key, other.key);
    }
}
