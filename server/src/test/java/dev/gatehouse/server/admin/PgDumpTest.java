package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
}
