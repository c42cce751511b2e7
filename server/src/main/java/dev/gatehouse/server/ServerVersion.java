package dev.gatehouse.server;

/** The version Maven wrote into the server jar's manifest; classes run from a build directory have none. */
public final class ServerVersion {

    private ServerVersion() {
    }

    public static String current() {
        String version = ServerVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }
}
