package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.ExitCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The failures every call to the server can have, as the person should read them: the server did not answer
 * (said once, with the endpoint), or it answered with an error the caller did not handle itself (said as the AWS
 * CLI says it: {@code An error occurred (Code) when calling the Op operation: message}).
 */
public final class ServerCalls {

    private ServerCalls() {
    }

    public static <T> T call(String operation, Optional<URI> endpoint, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw serviceError(operation, e);
        } catch (SdkClientException e) {
            throw clientError(operation, endpoint, e);
        }
    }

    public static CliException serviceError(String operation, AwsServiceException e) {
        String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : String.valueOf(e.statusCode());
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : e.getMessage();
        return new CliException(ExitCode.SERVICE_ERROR, "An error occurred (" + code + ") when calling the "
                + operation + " operation: " + message, e);
    }

    public static CliException clientError(String operation, Optional<URI> endpoint, SdkClientException e) {
        String where = endpoint.map(URI::toString).orElse("the AWS endpoint of the region");
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return new CliException(ExitCode.SERVER_UNREACHABLE, "cannot reach the server at " + where + " ("
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "). Is Gatehouse running,"
                        + " and is the endpoint_url of the profile's services section right?", e);
            }
        }
        return new CliException(ExitCode.SERVICE_ERROR, "calling " + operation + " at " + where + " failed: "
                + e.getMessage(), e);
    }
}
