package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens a URL in the person's browser when there is one: {@code $BROWSER}, else the desktop's opener
 * ({@code open} on macOS, {@code xdg-open} under a graphical session on Linux, the URL handler on Windows).
 * On a server without a display there is none, and the login falls back to printing the link.
 */
public final class SystemBrowser implements BrowserOpener {

    private final CliEnvironment environment;

    public SystemBrowser(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public boolean available() {
        return command("https://example.invalid").isPresent();
    }

    @Override
    public boolean open(String url) {
        Optional<List<String>> command = command(url);
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command.get()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<List<String>> command(String url) {
        Optional<String> browser = environment.variable("BROWSER").map(value -> value.split(File.pathSeparator)[0]);
        if (browser.isPresent()) {
            String program = browser.get();
            return Optional.of(program.contains("%s") ? List.of("sh", "-c", program.replace("%s", quoted(url)))
                    : List.of(program, url));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Optional.of(List.of("open", url));
        }
        if (os.contains("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        }
        boolean graphical = environment.variable("DISPLAY").isPresent()
                || environment.variable("WAYLAND_DISPLAY").isPresent();
        return graphical && onPath("xdg-open") ? Optional.of(List.of("xdg-open", url)) : Optional.empty();
    }

    private boolean onPath(String program) {
        return environment.variable("PATH").stream()
                .flatMap(path -> List.of(path.split(File.pathSeparator)).stream())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private static String quoted(String url) {
        return "'" + url.replace("'", "'\\''") + "'";
    }
}
