package dev.gatehouse.server.idp.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.identitysource.LdapDirectory.BindResult;
import org.junit.jupiter.api.Test;

/** Active Directory's reasons for a refused bind, read from its diagnostic message. */
class BindFailuresTest {

    private static String ad(String data) {
        return "80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data " + data + ", v4563";
    }

    @Test
    void activeDirectoryDataCodesBecomeTheirOwnResults() {
        assertThat(BindFailures.of(ad("52e"))).isEqualTo(BindResult.WRONG_PASSWORD);
        assertThat(BindFailures.of(ad("533"))).isEqualTo(BindResult.DISABLED);
        assertThat(BindFailures.of(ad("701"))).isEqualTo(BindResult.ACCOUNT_EXPIRED);
        assertThat(BindFailures.of(ad("775"))).isEqualTo(BindResult.LOCKED);
        assertThat(BindFailures.of(ad("532"))).isEqualTo(BindResult.PASSWORD_EXPIRED);
        assertThat(BindFailures.of(ad("773"))).isEqualTo(BindResult.PASSWORD_EXPIRED);
    }

    @Test
    void anyOtherDirectorysRefusalIsAWrongPassword() {
        assertThat(BindFailures.of(null)).isEqualTo(BindResult.WRONG_PASSWORD);
        assertThat(BindFailures.of("Invalid credentials")).isEqualTo(BindResult.WRONG_PASSWORD);
    }
}
