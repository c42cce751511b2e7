package dev.gatehouse.server.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * File options made absolute before a command goes through the admin socket: the server runs it in its own working
 * directory, where {@code --to backup.zip} would mean another file than the one the operator typed.
 */
public final class PathArguments {

    private static final Set<String> FILE_OPTIONS = Set.of("--to", "--from", "--new-key-file");

    private PathArguments() {
    }

    public static List<String> absolute(List<String> args) {
        List<String> result = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            if (equals > 0 && FILE_OPTIONS.contains(arg.substring(0, equals))) {
                result.add(arg.substring(0, equals + 1) + absolute(arg.substring(equals + 1)));
            } else if (FILE_OPTIONS.contains(arg) && i + 1 < args.size()) {
                result.add(arg);
                result.add(absolute(args.get(++i)));
            } else {
                result.add(arg);
            }
        }
        return result;
    }

    private static String absolute(String file) {
        return Path.of(file).toAbsolutePath().toString();
    }
}
