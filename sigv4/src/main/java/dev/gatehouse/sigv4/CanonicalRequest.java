package dev.gatehouse.sigv4;

/**
 * The canonical request: the six lines both sides derive from the request, whose hash is what gets signed.
 * Kept as parts so a variant (another canonical query) can be built without redoing the rest.
 */
record CanonicalRequest(String method, String uri, String query, String headers, String signedHeaders,
        String payloadHash) {

    static CanonicalRequest of(ParsedRequest request, SignatureClaim claim, CanonicalizationOptions options)
            throws SigV4Exception {
        ReceivedRequest received = request.received();
        return new CanonicalRequest(
                received.method(),
                CanonicalUri.of(received.rawPath(), options),
                CanonicalQueryString.of(request.query(), claim.unsignedQueryParameters()),
                CanonicalHeaders.of(request.headers(), claim.signedHeaders()),
                claim.signedHeaders().joined(),
                PayloadHash.of(request.headers(), received.body()));
    }

    CanonicalRequest withQuery(String canonicalQuery) {
        return new CanonicalRequest(method, uri, canonicalQuery, headers, signedHeaders, payloadHash);
    }

    /** The text that is hashed; the header block already ends in a newline, hence the blank line. */
    String text() {
        return method + '\n' + uri + '\n' + query + '\n' + headers + '\n' + signedHeaders + '\n' + payloadHash;
    }
}
