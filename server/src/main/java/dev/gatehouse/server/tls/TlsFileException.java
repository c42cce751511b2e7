package dev.gatehouse.server.tls;

/** A certificate or key file that cannot be served, with a message naming the file and what is wrong. */
public final class TlsFileException extends Exception {

    public TlsFileException(String message) {
        super(message);
    }
}
