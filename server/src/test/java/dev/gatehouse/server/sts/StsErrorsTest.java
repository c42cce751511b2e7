package dev.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureCheck;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.server.http.WireError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class StsErrorsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                tc(rejected(SignatureFailure.MISSING_AUTHENTICATION_TOKEN), 403, "MissingAuthenticationToken"),
                tc(rejected(SignatureFailure.INCOMPLETE_SIGNATURE), 400, "IncompleteSignature"),
                tc(rejected(SignatureFailure.INVALID_CLIENT_TOKEN_ID), 403, "InvalidClientTokenId"),
                tc(rejected(SignatureFailure.SIGNATURE_DOES_NOT_MATCH), 403, "SignatureDoesNotMatch"),
                tc(rejected(SignatureFailure.EXPIRED_TOKEN), 400, "ExpiredToken"),
                tc(rejected(SignatureFailure.REQUEST_EXPIRED), 403, "SignatureDoesNotMatch"),
                tc(new DomainError.InvalidInput("Action", "Could not find operation AssumeRole"), 400,
                        "InvalidAction"),
                tc(new DomainError.InvalidInput("body", "not a form"), 400, "InvalidParameterValue"),
                tc(new DomainError.UnsupportedGrantType("password"), 400, "InvalidParameterValue"),
                tc(new DomainError.InvalidScope("bad"), 400, "InvalidParameterValue"),
                tc(new DomainError.AuthorizationPending(), 400, "InvalidParameterValue"),
                tc(new DomainError.CsrfRejected(), 400, "InvalidParameterValue"),
                tc(new DomainError.NotFound("Role", "x"), 404, "NoSuchEntity"),
                tc(new DomainError.AlreadyExists("Role", "x"), 409, "EntityAlreadyExists"),
                tc(new DomainError.ExpiredToken("expired"), 400, "ExpiredToken"),
                tc(new DomainError.Unauthorized("no"), 403, "InvalidClientTokenId"),
                tc(new DomainError.InvalidClient("no"), 403, "InvalidClientTokenId"),
                tc(new DomainError.InvalidGrant("no"), 403, "InvalidClientTokenId"),
                tc(new DomainError.InvalidCredentials(), 403, "InvalidClientTokenId"),
                tc(new DomainError.UnauthorizedClient("no"), 403, "AccessDenied"),
                tc(new DomainError.AccessDenied("no"), 403, "AccessDenied"),
                tc(new DomainError.SlowDown(), 400, "Throttling"),
                tc(new DomainError.TooManyRequests("later"), 400, "Throttling"));
    }

    private static Arguments tc(DomainError error, int status, String code) {
        return Arguments.of(error, status, code);
    }

    private static DomainError rejected(SignatureFailure kind) {
        return new DomainError.SignatureRejected(kind, "rejected: " + kind);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("table")
    void wireErrorWhenDomainErrorThenAwsStatusAndCode(DomainError error, int status, String code) {
        WireError wire = StsErrors.wireError(error);

        assertThat(wire).isEqualTo(new WireError(status, code));
        assertThat(StsErrors.type(wire)).isEqualTo("Sender");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void bodyWhenDomainErrorThenWellFormedErrorResponse(DomainError error, int status, String code)
            throws Exception {
        Document xml = parse(StsErrors.body(StsErrors.wireError(error), StsErrors.message(error), "req-1"));

        Element root = xml.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ErrorResponse");
        assertThat(root.getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(text(xml, "Type")).isEqualTo("Sender");
        assertThat(text(xml, "Code")).isEqualTo(code);
        assertThat(text(xml, "Message")).isEqualTo(StsErrors.message(error));
        assertThat(text(xml, "RequestId")).isEqualTo("req-1");
    }

    @Test
    void tableWhenDomainErrorFamilyGrowsThenCoversEveryVariantAndSignatureFailure() {
        assertThat(table().<Class<?>>map(a -> a.get()[0].getClass()).toList())
                .containsAll(Arrays.asList(DomainError.class.getPermittedSubclasses()));
        assertThat(table().map(a -> a.get()[0])
                .filter(DomainError.SignatureRejected.class::isInstance)
                .map(e -> ((DomainError.SignatureRejected) e).kind()))
                .containsExactlyInAnyOrder(SignatureFailure.values());
    }

    @Test
    void messageWhenRequestExpiredThenSaysSignatureExpiredAsAwsDoes() {
        DomainError stale = new DomainError.SignatureRejected(SignatureFailure.REQUEST_EXPIRED,
                "request time 20250101T000000Z is outside the allowed window");

        assertThat(StsErrors.message(stale))
                .isEqualTo("Signature expired: request time 20250101T000000Z is outside the allowed window");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            MISSING_AUTHENTICATION_TOKEN | OTHER         | Request is missing Authentication Token
            INVALID_CLIENT_TOKEN_ID      | OTHER         | The security token included in the request is invalid.
            EXPIRED_TOKEN                | OTHER         | The security token included in the request is expired
            INCOMPLETE_SIGNATURE         | OTHER         | core's detail
            SIGNATURE_DOES_NOT_MATCH     | OTHER         | core's detail
            SIGNATURE_DOES_NOT_MATCH     | SERVICE_SCOPE | Credential should be scoped to correct service: 'sts'.
            SIGNATURE_DOES_NOT_MATCH     | SIGNATURE     | The request signature we calculated does not match the \
            signature you provided. Check your AWS Secret Access Key and signing method. Consult the service \
            documentation for details.
            """)
    void messageWhenSignatureRejectedThenAwsWordsOrCoresDetail(SignatureFailure kind, SignatureCheck check,
                                                               String message) {
        assertThat(StsErrors.message(new DomainError.SignatureRejected(kind, check, "core's detail")))
                .isEqualTo(message);
    }

    @Test
    void bodyWhenMessageHasMarkupThenEscaped() throws Exception {
        String message = "Could not find operation <Foo>&\"'\u0001 for version 2011-06-15";

        Document xml = parse(StsErrors.body(StsErrors.INTERNAL, message, "<id>"));

        assertThat(text(xml, "Type")).isEqualTo("Receiver");
        assertThat(text(xml, "Code")).isEqualTo("InternalFailure");
        assertThat(text(xml, "Message")).isEqualTo("Could not find operation <Foo>&\"' for version 2011-06-15");
        assertThat(text(xml, "RequestId")).isEqualTo("<id>");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Document xml, String element) {
        return xml.getElementsByTagNameNS(StsXml.NAMESPACE, element).item(0).getTextContent();
    }
}
