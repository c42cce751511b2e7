package dev.gatehouse.cli.config;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.cache.LockedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the shared config and credentials files are ({@code AWS_CONFIG_FILE}, {@code
 * AWS_SHARED_CREDENTIALS_FILE}, else under {@code ~/.aws}), reading them, and updating the config file in place.
 */
public final class AwsConfigFiles {

    private final CliEnvironment environment;

    public AwsConfigFiles(CliEnvironment environment) {
        this.environment = environment;
    }

    public Path configFile() {
        return environment.variable("AWS_CONFIG_FILE").map(environment::expand)
                .orElse(environment.awsDirectory().resolve("config"));
    }

    public Path credentialsFile() {
        return environment.variable("AWS_SHARED_CREDENTIALS_FILE").map(environment::expand)
                .orElse(environment.awsDirectory().resolve("credentials"));
    }

    public AwsConfig load() {
        return new AwsConfig(configFile(), read(configFile()), credentialsProfiles());
    }

    /**
     * Sets keys in sections of the config file, under the file's lock so two commands configuring at once
     * both keep their changes. Each entry of {@code updates} is one section; the file is replaced atomically.
     */
    public void update(Map<SectionHeader, Map<String, ?>> updates) {
        // A symlinked config (dotfile managers) is updated where it points, not replaced by a plain file.
        Path file = realPath(configFile());
        LockedFiles.withLock(file, () -> {
            IniDocument document = read(file);
            updates.forEach(document::update);
            LockedFiles.writeAtomically(file, document.render());
            return null;
        });
    }

    private static Path realPath(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot follow " + file, e);
        }
    }

    private List<String> credentialsProfiles() {
        List<String> names = new ArrayList<>();
        // In the credentials file every section is a profile, named without the "profile" prefix.
        for (IniSection section : read(credentialsFile()).sections()) {
            names.add(section.header().kind().isEmpty() ? section.header().name()
                    : section.header().kind() + " " + section.header().name());
        }
        return names;
    }

    private static IniDocument read(Path file) {
        if (!Files.isRegularFile(file)) {
            return IniDocument.empty();
        }
        try {
            return IniDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
