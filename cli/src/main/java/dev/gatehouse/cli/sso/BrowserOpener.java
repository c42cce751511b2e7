package dev.gatehouse.cli.sso;

/** Shows a login page to the person: their browser ({@link SystemBrowser}), or a test's stand-in. */
public interface BrowserOpener {

    /** Whether there is a browser to try at all; when not, the login only prints its link. */
    boolean available();

    /** Starts the browser at {@code url} without waiting for it; false when none could be started. */
    boolean open(String url);
}
