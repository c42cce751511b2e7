package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.cache.RoleCredentials;
import dev.gatehouse.cli.sso.SdkClients;
import dev.gatehouse.cli.sso.ServerCalls;
import dev.gatehouse.cli.sso.ServiceId;
import dev.gatehouse.cli.sso.SsoConnection;
import dev.gatehouse.cli.sso.SsoProfile;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

@Command(name = "get-caller-identity", description = "Show who the profile's credentials belong to.")
final class GetCallerIdentityCommand implements Callable<Integer> {

    /** STS answers that mean these credentials are over, while new ones for the same role may still be had. */
    private static final List<String> STALE_CREDENTIALS = List.of("ExpiredToken", "InvalidClientTokenId");

    private final CommandContext context;

    GetCallerIdentityCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SsoProfile profile = context.profiles().ssoProfile(context.profileName());
        Optional<URI> endpoint = context.endpoints().resolve(ServiceId.STS, Optional.of(profile.settings()));
        String region = Regions.clientRegion(context, profile);
        try (SsoConnection connection = context.connect(profile)) {
            GetCallerIdentityResponse identity;
            try {
                identity = callerIdentity(connection.roleCredentials().credentials(profile), endpoint, region);
            } catch (StsException e) {
                if (e.awsErrorDetails() == null || !STALE_CREDENTIALS.contains(e.awsErrorDetails().errorCode())) {
                    throw ServerCalls.serviceError("GetCallerIdentity", e);
                }
                // The cached credentials ended early (the server's clock or a new login): get new ones, once.
                context.roleCredentialsCache().delete(profile.roleCredentialsKey());
                try {
                    identity = callerIdentity(connection.roleCredentials().credentials(profile), endpoint, region);
                } catch (StsException again) {
                    throw ServerCalls.serviceError("GetCallerIdentity", again);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("UserId", identity.userId());
            result.put("Account", identity.account());
            result.put("Arn", identity.arn());
            context.print(context.outputFormat(Optional.of(profile.settings())), "GetCallerIdentity", result);
        }
        return 0;
    }

    /** Lets StsException through, for the caller to decide whether new credentials would help. */
    private static GetCallerIdentityResponse callerIdentity(RoleCredentials credentials, Optional<URI> endpoint,
                                                            String region) {
        StaticCredentialsProvider provider = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
        try (StsClient sts = SdkClients.sts(endpoint, region, provider)) {
            return sts.getCallerIdentity();
        } catch (SdkClientException e) {
            throw ServerCalls.clientError("GetCallerIdentity", endpoint, e);
        }
    }
}
