package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.error.DomainError;
import org.junit.jupiter.api.Test;

class HtmlErrorsTest {

    @Test
    void describeWhenCsrfRejectedThenForbiddenWithCoresMessage() {
        HtmlErrors.HtmlError shown = HtmlErrors.describe(new DomainError.CsrfRejected());

        assertThat(shown.status()).isEqualTo(403);
        assertThat(shown.message()).isEqualTo("The form has expired. Reload the page and try again.");
    }

    @Test
    void describeWhenCredentialsWrongThenUnauthorizedWithTheOneMessage() {
        HtmlErrors.HtmlError shown = HtmlErrors.describe(new DomainError.InvalidCredentials());

        assertThat(shown.status()).isEqualTo(401);
        assertThat(shown.message()).isEqualTo("The user name or password is incorrect.");
    }

    @Test
    void describeWhenLinkExpiredThenGone() {
        assertThat(HtmlErrors.describe(new DomainError.ExpiredToken("gone")).status()).isEqualTo(410);
    }

    @Test
    void describeWhenInputInvalidThenBadRequestWithTheFieldMessage() {
        HtmlErrors.HtmlError shown = HtmlErrors.describe(new DomainError.InvalidInput("password", "too short"));

        assertThat(shown.status()).isEqualTo(400);
        assertThat(shown.message()).isEqualTo("too short");
    }
}
