package dev.gatehouse.cli.commands;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when built by Maven. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"gatehouse " + (version != null ? version : "development build")};
    }
}
