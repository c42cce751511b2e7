package dev.gatehouse.it.scim;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

/**
 * UnboundID's SCIM 2 SDK client, set up as its documentation shows: a Jersey JAX-RS client that reads and writes
 * JSON with the SDK's own Jackson mapper, and a filter that puts the bearer token on every request.
 */
final class ScimSdk implements AutoCloseable {

    private final Client client;
    private final ScimService service;

    ScimSdk(String baseUrl, String token) {
        // PATCH through HttpURLConnection needs Jersey's workaround (and java.net opened to it: see it/pom.xml).
        this.client = ClientBuilder.newClient()
                .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true)
                .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        this.service = new ScimService(client.target(baseUrl + "/scim/v2"));
    }

    ScimService service() {
        return service;
    }

    @Override
    public void close() {
        client.close();
    }
}
