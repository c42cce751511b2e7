package dev.gatehouse.server.sts;

import dev.gatehouse.core.sts.CallerIdentity;

/** STS awsQuery output documents. */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String CONTENT_TYPE = "text/xml";

    private StsXml() {
    }

    static String getCallerIdentityResponse(CallerIdentity identity, String requestId) {
        return "<GetCallerIdentityResponse xmlns=\"" + NAMESPACE + "\">"
                + "<GetCallerIdentityResult>"
                + "<Arn>" + XmlText.escape(identity.arn()) + "</Arn>"
                + "<UserId>" + XmlText.escape(identity.userId()) + "</UserId>"
                + "<Account>" + XmlText.escape(identity.account()) + "</Account>"
                + "</GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>" + XmlText.escape(requestId) + "</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>";
    }
}
