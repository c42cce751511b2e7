package dev.gatehouse.core.instance;

import java.time.Instant;
import java.util.List;

/**
 * One Gatehouse deployment, created on first start.
 *
 * @param portalUrl       the access portal URL (the "SSO start URL") of this deployment
 * @param startUrlAliases other start URLs accepted as this instance, e.g. an {@code https://<name>.awsapps.com/start}
 *                        alias for AWS CLIs that only accept AWS-owned start URLs
 */
public record Instance(String instanceArn, String identityStoreId, String region, String portalUrl,
                       List<String> startUrlAliases, Instant createdAt) {

    public Instance {
        startUrlAliases = List.copyOf(startUrlAliases);
    }

    public String instanceId() {
        return instanceArn.substring(instanceArn.lastIndexOf('/') + 1);
    }

    public boolean acceptsStartUrl(String startUrl) {
        String normalized = StartUrls.normalize(startUrl);
        return StartUrls.normalize(portalUrl).equals(normalized)
                || startUrlAliases.stream().map(StartUrls::normalize).anyMatch(normalized::equals);
    }
}
