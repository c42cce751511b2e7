package dev.gatehouse.server.http;

import dev.gatehouse.core.error.DomainError;
import io.javalin.http.Context;

/**
 * Writes errors in one protocol's wire format. Each protocol's writer holds its one exhaustive switch over
 * {@link DomainError}, so a new error does not compile until every protocol says how it looks.
 */
public interface ErrorWriter {

    /** What the client reads when the failure is a bug: the detail stays in the log, under the request id. */
    String INTERNAL_MESSAGE = "An internal error occurred. Try again later.";

    /** What the client reads when its body is larger than the server reads. */
    String TOO_LARGE_MESSAGE = "The request body is larger than the " + BodyLimit.BYTES + " bytes accepted.";

    void write(Context ctx, DomainError error);

    void writeInternal(Context ctx);

    /** Answers 413: the body exceeds {@link BodyLimit#BYTES}. */
    void writeTooLarge(Context ctx);

    /** What the client reads when the database cannot be reached: nothing was done, and trying later may work. */
    String UNAVAILABLE_MESSAGE = "Gatehouse cannot reach its database. Nothing was changed; try again shortly.";

    /** Answers 503 with {@code Retry-After}: the database cannot be reached ({@link StorageOutage}). */
    void writeUnavailable(Context ctx);
}
