package dev.gatehouse.server.ssoadmin;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.server.awsjson.AdminApiErrorNames;
import dev.gatehouse.server.awsjson.AwsJsonErrors;
import dev.gatehouse.server.http.ErrorWriter;
import dev.gatehouse.server.http.WireError;

/**
 * How sso-admin refuses, as its model names the errors ({@link AdminApiErrorNames}, shared with identitystore). Its
 * ResourceNotFoundException and ConflictException carry only {@code Message}: their {@code Reason} members name KMS
 * failures, which Gatehouse has none of.
 */
final class SsoAdminErrors implements AwsJsonErrors.Mapping {

    static final ErrorWriter WRITER = new AwsJsonErrors(new SsoAdminErrors());

    private SsoAdminErrors() {
    }

    @Override
    public WireError wireError(DomainError error) {
        return AdminApiErrorNames.of(error);
    }
}
