package dev.gatehouse.it.awscli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Each test gets its own Gatehouse with ed.developer entitled, and an AWS CLI in its own home directory. */
abstract class FreshGatehouseWithAwsCli {

    @TempDir
    Path serverDir;

    @TempDir
    Path home;

    GatehouseWithDeveloper gatehouse;
    AwsCli aws;

    @BeforeEach
    void startGatehouse() {
        gatehouse = GatehouseWithDeveloper.start(serverDir);
        aws = gatehouse.awsCliFor(home);
    }

    @AfterEach
    void stopGatehouse() {
        gatehouse.close();
    }
}
