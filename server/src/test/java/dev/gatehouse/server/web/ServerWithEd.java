package dev.gatehouse.server.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One server per test class, with ed.developer activated and able to sign in. */
abstract class ServerWithEd {

    @TempDir
    static Path dataDir;
    static WebTestServer server;

    @BeforeAll
    static void startServer() {
        server = WebTestServer.start(dataDir);
        server.createActiveUser("ed.developer");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
