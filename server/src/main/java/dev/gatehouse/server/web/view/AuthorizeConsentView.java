package dev.gatehouse.server.web.view;

import java.util.List;

/**
 * The page that asks a person whether an application may sign in as them (the PKCE browser login).
 *
 * @param returnsTo where the browser goes after the answer, e.g. {@code http://127.0.0.1:53219}
 * @param fields    the authorization request, carried through the form to the decision
 */
public record AuthorizeConsentView(String signedInAs, String csrf, String clientName, List<String> scopes,
                                   String returnsTo, List<Field> fields) {

    public AuthorizeConsentView {
        scopes = List.copyOf(scopes);
        fields = List.copyOf(fields);
    }

    /** One hidden form field. */
    public record Field(String name, String value) { }
}
