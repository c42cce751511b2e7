package dev.gatehouse.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared config file as botocore sees it: {@code [default]} and {@code [profile NAME]} are profiles,
 * {@code [sso-session NAME]} and {@code [services NAME]} are what profiles refer to; other sections are ignored.
 *
 * @param credentialsProfiles the section names of the credentials file, which are profiles too
 */
public record AwsConfig(Path file, IniDocument document, List<String> credentialsProfiles) {

    /** Every profile name, config file first, in file order, as {@code configure list-profiles} prints them. */
    public List<String> profileNames() {
        List<String> names = new ArrayList<>();
        for (IniSection section : document.sections()) {
            profileName(section.header()).filter(name -> !names.contains(name)).ifPresent(names::add);
        }
        credentialsProfiles.stream().filter(name -> !names.contains(name)).forEach(names::add);
        return names;
    }

    public boolean hasProfile(String name) {
        return profileNames().contains(name);
    }

    /** The profile's settings from the config file (empty for a profile that is only in the credentials file). */
    public Optional<IniSection> profile(String name) {
        return document.section(SectionHeader.profile(name));
    }

    public Optional<IniSection> ssoSession(String name) {
        return document.section(SectionHeader.ssoSession(name));
    }

    public Optional<IniSection> services(String name) {
        return document.section(SectionHeader.services(name));
    }

    public List<String> ssoSessionNames() {
        return document.sections().stream().map(IniSection::header)
                .filter(header -> header.kind().equals(SectionHeader.SSO_SESSION))
                .map(SectionHeader::name).toList();
    }

    /** The profiles whose {@code sso_session} is the given session, in file order. */
    public List<String> profilesOfSession(String sessionName) {
        return profileNames().stream()
                .filter(name -> profile(name).flatMap(p -> p.value("sso_session")).filter(sessionName::equals)
                        .isPresent())
                .toList();
    }

    private static Optional<String> profileName(SectionHeader header) {
        if (header.kind().equals(SectionHeader.PROFILE)) {
            return Optional.of(header.name());
        }
        return header.kind().isEmpty() && header.name().equals("default") ? Optional.of("default") : Optional.empty();
    }
}
