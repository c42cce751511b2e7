package dev.gatehouse.server.sts;

import static dev.gatehouse.server.sts.StsErrorsTest.parse;
import static dev.gatehouse.server.sts.StsErrorsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.sts.CallerIdentity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class StsXmlTest {

    @Test
    void getCallerIdentityResponseWhenIdentityThenModelShapeInStsNamespace() throws Exception {
        CallerIdentity identity = new CallerIdentity("AROAEXAMPLE:ed.developer", "123456789012",
                "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_PowerUserAccess_0123456789abcdef/ed.developer");

        Document xml = parse(StsXml.getCallerIdentityResponse(identity, "req-1"));

        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("GetCallerIdentityResponse");
        assertThat(text(xml, "UserId")).isEqualTo("AROAEXAMPLE:ed.developer");
        assertThat(text(xml, "Account")).isEqualTo("123456789012");
        assertThat(text(xml, "Arn")).isEqualTo(identity.arn());
        assertThat(text(xml, "RequestId")).isEqualTo("req-1");
        assertThat(xml.getElementsByTagNameNS(StsXml.NAMESPACE, "GetCallerIdentityResult").getLength()).isEqualTo(1);
    }
}
