package dev.gatehouse.server.awsjson;

import io.javalin.http.Handler;
import java.util.Optional;

/** One awsJson API, found by the prefix of {@code X-Amz-Target} ({@code AWSIdentityStore.ListUsers}). */
public interface AwsJsonService {

    String targetPrefix();

    /** The handler of the operation, or empty when this API has none by that name. */
    Optional<Handler> operation(String name);
}
