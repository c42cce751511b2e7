package dev.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.authz.AuthorizationQuery;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorizeRequestBodyTest {

    /** The required members, so a row can show one malformed optional member. */
    private static final String ALL = "\"signingName\": \"o\", \"action\": \"o:Get\", \"resource\": \"*\"";

    private static AuthorizationQuery parse(String json) {
        return AuthorizeRequestBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static DomainError.InvalidInput invalid(String json) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> parse(json));
        assertThat(e).as("parsing %s must fail", json).isNotNull();
        return (DomainError.InvalidInput) e.error();
    }

    @Test
    void parseWhenEveryMemberIsSentThenTheQueryCarriesThemAsReceived() {
        AuthorizationQuery query = parse("""
                {"signingName": "orders", "action": "orders:GetOrder", "resource": "arn:aws:orders:::order/42",
                 "sourceIp": "10.0.0.7", "secureTransport": true, "context": {"orders:Channel": "web"},
                 "request": {"method": "GET", "path": "/orders/42%2Fx", "query": "a=b%20c",
                             "headers": {"Host": "orders:8443", "X-Amz-Date": ["20261126T130000Z"]},
                             "body": "aGVsbG8="}}""");

        assertThat(query.signingName()).isEqualTo("orders");
        assertThat(query.action()).isEqualTo("orders:GetOrder");
        assertThat(query.resource()).isEqualTo("arn:aws:orders:::order/42");
        assertThat(query.sourceIp()).isEqualTo("10.0.0.7");
        assertThat(query.secureTransport()).isTrue();
        assertThat(query.context()).containsEntry("orders:Channel", List.of("web"));
        assertThat(query.request().method()).isEqualTo("GET");
        assertThat(query.request().rawPath()).isEqualTo("/orders/42%2Fx");
        assertThat(query.request().rawQuery()).isEqualTo("a=b%20c");
        assertThat(query.request().headers().get("host")).containsExactly("orders:8443");
        assertThat(query.request().headers().get("x-amz-date")).containsExactly("20261126T130000Z");
        assertThat(new String(query.request().body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void parseWhenOptionalMembersAreAbsentThenDefaults() {
        AuthorizationQuery query = parse("""
                {"signingName": "orders", "action": "orders:ListOrders", "resource": "*",
                 "request": {"method": "GET", "path": "/"}}""");

        assertThat(query.sourceIp()).isNull();
        assertThat(query.secureTransport()).isFalse();
        assertThat(query.context()).isEmpty();
        assertThat(query.request().rawQuery()).isNull();
        assertThat(query.request().body()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                                            | body",
            "[1, 2]                                                                              | body",
            "{\"action\": \"a:b\", \"resource\": \"*\", \"signingName\": \"x\"}                  | request",
            "{\"request\": {\"path\": \"/\"}}                                                    | request.method",
            "{\"request\": {\"method\": \"GET\", \"path\": 7}}                                   | request.path",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\", \"body\": \"%%%\"}}            | request.body",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\", \"headers\": [\"Host\"]}}      | request.headers",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\", \"headers\": {\"Host\": [1]}}} | request.headers.Host",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"signingName\": \"o\"}   | action",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\"}, " + ALL + ", \"secureTransport\": \"yes\"} | secureTransport",
            "{\"request\": {\"method\": \"GET\", \"path\": \"/\"}, " + ALL + ", \"context\": {\"k\": 1}}      | context.k",
    })
    void parseWhenAMemberIsMalformedThenInvalidInputNamingIt(String json, String field) {
        assertThat(invalid(json).field()).isEqualTo(field);
    }

    @Test
    void parseWhenBodyIsEmptyThenInvalidInput() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> AuthorizeRequestBody.parse(new byte[0]));

        assertThat(e.error()).isInstanceOf(DomainError.InvalidInput.class);
    }
}
