package dev.gatehouse.server.web.view.admin;

import java.util.List;

/**
 * The SCIM tokens page: the tokens (never their values), the endpoint identity providers call, and, once, right
 * after it was created, a new token's value.
 *
 * @param created  the token just created, shown on this answer only; null on the list
 * @param error    why core refused to create one (e.g. two are live already); null for none
 */
public record ScimTokensView(AdminFrame frame, String scimUrl, List<Row> tokens, int maxLive, Created created,
                             String error) {

    public record Row(String tokenId, String createdAt, String expiresAt, String deletePath) { }

    public record Created(String tokenId, String expiresAt, String value) { }
}
