package dev.gatehouse.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTest {

    private final Instance instance = new Instance("arn:aws:sso:::instance/ssoins-0123456789abcdef", "d-0123456789",
            "us-east-1", "http://localhost:8080/start", List.of("https://example.awsapps.com/start"), Instant.EPOCH);

    @Test
    void acceptsStartUrlWhenPortalUrlOrAliasThenTrue() {
        assertThat(instance.acceptsStartUrl("http://localhost:8080/start")).isTrue();
        assertThat(instance.acceptsStartUrl("https://example.awsapps.com/start")).isTrue();
    }

    @Test
    void acceptsStartUrlWhenTrailingSlashOrHashOrHostCaseDiffersThenTrue() {
        assertThat(instance.acceptsStartUrl("http://LOCALHOST:8080/start/")).isTrue();
        assertThat(instance.acceptsStartUrl("https://example.awsapps.com/start#/")).isTrue();
    }

    @Test
    void acceptsStartUrlWhenOtherUrlThenFalse() {
        assertThat(instance.acceptsStartUrl("https://other.awsapps.com/start")).isFalse();
        assertThat(instance.acceptsStartUrl("http://localhost:8080/START")).isFalse();
        assertThat(instance.acceptsStartUrl(null)).isFalse();
    }

    @Test
    void instanceIdThenLastArnSegment() {
        assertThat(instance.instanceId()).isEqualTo("ssoins-0123456789abcdef");
    }
}
