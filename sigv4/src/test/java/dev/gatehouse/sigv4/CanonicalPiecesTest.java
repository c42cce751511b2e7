package dev.gatehouse.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests for the pieces of the canonical request: URI, query string, header values. */
class CanonicalPiecesTest {

    private static Arguments tc(String name, Object input, Object expected) {
        return Arguments.of(name, input, expected);
    }

    static Stream<Arguments> normalizedUris() {
        return Stream.of(
                tc("empty path is the root", "", "/"),
                tc("root", "/", "/"),
                tc("plain path", "/a/b", "/a/b"),
                tc("trailing slash kept", "/a/b/", "/a/b/"),
                tc("dot segment removed", "/./a", "/a"),
                tc("dot-dot removes previous segment", "/a/b/../c", "/a/c"),
                tc("dot-dot cannot climb above root", "/../../a", "/a"),
                tc("trailing dot-dot leaves a directory", "/a/b/..", "/a/"),
                tc("trailing dot leaves a directory", "/a/.", "/a/"),
                tc("duplicate slashes collapse", "//a//b//", "/a/b/"),
                tc("only slashes", "///", "/"),
                tc("missing leading slash added", "a/b", "/a/b"),
                tc("literal space encoded once", "/a b", "/a%20b"),
                tc("received escape encoded again", "/a%20b", "/a%2520b"),
                tc("encoded dots are not dot segments", "/%2E%2E/a", "/%252E%252E/a"),
                tc("raw UTF-8 encoded as bytes", "/\u1234", "/%E1%88%B4"),
                tc("reserved characters encoded", "/a:b@c!$&'()*+,;=", "/a%3Ab%40c%21%24%26%27%28%29%2A%2B%2C%3B%3D"),
                tc("unreserved characters kept", "/-._~AZaz09", "/-._~AZaz09"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("normalizedUris")
    void canonicalUriNormalized(String name, String rawPath, String expected) {
        assertThat(CanonicalUri.of(rawPath, CanonicalizationOptions.STANDARD)).as(name).isEqualTo(expected);
    }

    static Stream<Arguments> unnormalizedUris() {
        return Stream.of(
                tc("empty path is the root", "", "/"),
                tc("dot segments kept", "/a/./b/../c", "/a/./b/../c"),
                tc("duplicate slashes kept", "//a//", "//a//"),
                tc("still encoded", "/a b/%41", "/a%20b/%2541"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("unnormalizedUris")
    void canonicalUriUnnormalized(String name, String rawPath, String expected) {
        assertThat(CanonicalUri.of(rawPath, CanonicalizationOptions.UNNORMALIZED_PATH)).as(name).isEqualTo(expected);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                tc("absent query", null, ""),
                tc("empty query", "", ""),
                tc("sorted by name", "b=2&a=1", "a=1&b=2"),
                tc("sort is case-sensitive, upper case first", "b=1&B=2&a=3", "B=2&a=3&b=1"),
                tc("same name sorted by value", "a=2&a=1&a=10", "a=1&a=10&a=2"),
                tc("sorted after encoding", "Param-3=x&%E1%88%B4=y&Param=z", "%E1%88%B4=y&Param=z&Param-3=x"),
                tc("name without value gets empty value", "a", "a="),
                tc("empty value kept", "a=", "a="),
                tc("empty pairs dropped", "&a=1&&", "a=1"),
                tc("escaped unreserved decoded", "a=%7e%7E~%41", "a=~~~A"),
                tc("lower-case escape upper-cased", "a=%2f", "a=%2F"),
                tc("raw space encoded", "a=b c", "a=b%20c"),
                tc("plus is a literal plus", "a=b+c", "a=b%2Bc"),
                tc("reserved characters encoded", "a=x/y:z", "a=x%2Fy%3Az"),
                tc("second equals sign belongs to the value", "a=b=c", "a=b%3Dc"),
                tc("invalid escape kept literally", "a=%zz&b=%4", "a=%25zz&b=%254"),
                tc("raw UTF-8 encoded", "\u1234=bar", "%E1%88%B4=bar"),
                tc("escaped non-UTF-8 byte survives", "a=%FF", "a=%FF"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("queries")
    void canonicalQueryString(String name, String rawQuery, String expected) {
        assertThat(CanonicalQueryString.of(QueryParameters.parse(rawQuery), Set.of())).as(name).isEqualTo(expected);
    }

    static Stream<Arguments> headerValues() {
        return Stream.of(
                tc("already canonical", List.of("value"), "value"),
                tc("outer whitespace trimmed", List.of("  value \t"), "value"),
                tc("inner space runs collapsed", List.of("a   b  c"), "a b c"),
                tc("quotes do not protect spaces", List.of("\"a   b   c\""), "\"a b c\""),
                tc("tabs and folded lines collapse too", List.of("a\t\tb\r\n   c"), "a b c"),
                tc("repeats joined by bare comma in arrival order", List.of("v2", " v1 ", "v3"), "v2,v1,v3"),
                tc("empty value stays empty", List.of(""), ""),
                tc("whitespace-only value becomes empty", List.of("   "), ""));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("headerValues")
    void canonicalHeaderValue(String name, List<String> values, String expected) {
        assertThat(CanonicalHeaders.canonicalValue(values)).as(name).isEqualTo(expected);
    }

    static Stream<Arguments> excludedQueryParameters() {
        return Stream.of(
                tc("signature left out", "X-Amz-Signature=abc&a=1", "a=1"),
                tc("only exact names left out", "x-amz-signature=abc&a=1", "a=1&x-amz-signature=abc"),
                tc("encoded name matched after decoding", "X-Amz-%53ignature=abc&a=1", "a=1"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("excludedQueryParameters")
    void canonicalQueryStringLeavesOutTheSignature(String name, String rawQuery, String expected) {
        assertThat(CanonicalQueryString.of(QueryParameters.parse(rawQuery), Set.of("X-Amz-Signature")))
                .as(name).isEqualTo(expected);
    }
}
