package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** pg_dump gets the database as a libpq URI: host, port, name and TLS settings, not the JDBC-only parameters. */
class PgDumpTest {

    @Test
    void libpqUriWhenJdbcUrlHasParametersThenTlsOnesRemainAndJdbcOnesGo() {
        assertThat(PgDump.libpqUri("jdbc:postgresql://db.internal:5433/gatehouse?sslmode=verify-full"
                + "&ApplicationName=x&sslrootcert=/etc/ssl/db.pem"))
                .isEqualTo("postgresql://db.internal:5433/gatehouse?sslmode=verify-full&sslrootcert=/etc/ssl/db.pem");
        assertThat(PgDump.libpqUri("jdbc:postgresql://localhost/gatehouse"))
                .isEqualTo("postgresql://localhost/gatehouse");
    }

    @Test
    void toolVersionWhenDistributionsWordItDifferentlyThenTheMajorIsRead() {
        assertThat(PgTools.parse(Path.of("/usr/bin/pg_dump"), "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"))
                .hasValueSatisfying(tool -> assertThat(tool.major()).isEqualTo(15))
                .hasValueSatisfying(tool -> assertThat(tool.version()).isEqualTo("15.18"));
        assertThat(PgTools.parse(Path.of("/usr/pgsql-17/bin/pg_restore"), "pg_restore (PostgreSQL) 17.6"))
                .hasValueSatisfying(tool -> assertThat(tool.major()).isEqualTo(17));
        assertThat(PgTools.parse(Path.of("/x"), "something else")).isEmpty();
        assertThat(PgTools.major("17.6 (Debian 17.6-1)")).isEqualTo(17);
    }
}
