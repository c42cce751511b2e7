package dev.gatehouse.sigv4;

/** A received request with its headers and query parsed once, for all verification stages to share. */
record ParsedRequest(ReceivedRequest received, ReceivedHeaders headers, QueryParameters query) {

    static ParsedRequest of(ReceivedRequest received) {
        return new ParsedRequest(received, new ReceivedHeaders(received.headers()), QueryParameters.parse(received.rawQuery()));
    }
}
