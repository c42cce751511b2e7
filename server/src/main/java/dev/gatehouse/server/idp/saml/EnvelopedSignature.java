package dev.gatehouse.server.idp.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;

/**
 * Checks one enveloped XML signature with Apache Santuario, in its secure validation mode (no XSLT or XPath
 * transforms, no MD5, no external references). Gatehouse decides only what the signature must cover: exactly one
 * reference, to the element that holds the signature, by that element's ID, with the transforms SAML uses. The key
 * is never taken from the message: only the IdP's configured certificates verify it.
 */
final class EnvelopedSignature {

    static {
        Init.init();
    }

    private static final Set<String> SAML_TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS);

    private EnvelopedSignature() {
    }

    /**
     * @param signature the ds:Signature, a direct child of {@code signed}
     * @param signed    the Response or Assertion, its ID attribute already registered as an ID
     */
    static void verify(Element signature, Element signed, List<X509Certificate> trusted, String what)
            throws SamlRefused {
        try {
            XMLSignature xml = new XMLSignature(signature, "", true);
            SignedInfo info = xml.getSignedInfo();
            if (info.getLength() != 1) {
                throw new SamlRefused("the " + what + " signature has " + info.getLength() + " references, not one");
            }
            Reference reference = info.item(0);
            String id = signed.getAttributeNS(null, "ID");
            if (id.isEmpty() || !("#" + id).equals(reference.getURI())) {
                throw new SamlRefused("the " + what + " signature covers " + reference.getURI()
                        + ", not the " + what + " that holds it");
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                if (!SAML_TRANSFORMS.contains(transforms.item(i).getURI())) {
                    throw new SamlRefused("the " + what + " signature uses transform " + transforms.item(i).getURI());
                }
            }
            for (X509Certificate certificate : trusted) {
                if (xml.checkSignatureValue(certificate.getPublicKey())) {
                    return;
                }
            }
            throw new SamlRefused("the " + what + " signature does not verify with the IdP's certificate");
        } catch (XMLSecurityException e) {
            throw new SamlRefused("the " + what + " signature cannot be checked", e);
        }
    }
}
