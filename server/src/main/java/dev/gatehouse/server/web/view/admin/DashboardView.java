package dev.gatehouse.server.web.view.admin;

import java.util.List;

/**
 * The instance at a glance, and what a developer types into {@code configure sso}.
 *
 * @param startUrl        the access portal URL, the "SSO start URL"
 * @param startUrlAliases other start URLs accepted as this instance's
 * @param endpointUrl     where the AWS CLI and SDKs send their sso-oidc, portal and STS calls
 * @param undeliveredMail mail the mail server has not taken yet on this node (see /admin/mail)
 */
public record DashboardView(AdminFrame frame, String startUrl, List<String> startUrlAliases, String region,
                            String identityStoreId, String instanceArn, String endpointUrl, long userCount,
                            int undeliveredMail) { }
