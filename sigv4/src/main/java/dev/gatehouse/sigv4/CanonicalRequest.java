package dev.gatehouse.sigv4;

/**
 * The canonical request: the six lines both sides derive from the request, whose hash is what gets signed.
 * Kept as parts so a variant (another canonical query) can be built without redoing the rest, and so the
 * hash is computed from the parts without assembling the text.
 */
record CanonicalRequest(String method, String uri, String query, CanonicalHeaders headers, String signedHeaders,
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

    /** SHA-256 of {@link #text()}, in lower-case hex. */
    String sha256Hex() {
        return Hashing.hex(sha256());
    }

    /** SHA-256 of {@link #text()}, fed part by part. */
    byte[] sha256() {
        Hashing.Sha256Feed lent = Hashing.takeSha256();
        TextFeed feed = lent.feed();
        feed.append(method).append('\n').append(uri).append('\n').append(query).append('\n');
        headers.appendTo(feed);
        feed.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        return lent.finish();
    }
}
