package dev.gatehouse.server.web.view.admin;

import java.util.List;

/**
 * The instance at a glance, and what a developer types into {@code configure sso}.
 *
 * @param startUrl        the access portal URL, the "SSO start URL"
 * @param startUrlAliases other start URLs accepted as this instance's
 * @param endpointUrl     where the AWS CLI and SDKs send their sso-oidc, portal and STS calls
 * @param managementAccount the account whose role credentials may call the administration APIs ("id (name)"), or
 *                          null while there is no account
 * @param managementChosen  whether an administrator chose it (else it is the first account created)
 * @param undeliveredMail   mail the mail server has not taken yet on this node (see /admin/mail)
 */
public record DashboardView(AdminFrame frame, String startUrl, List<String> startUrlAliases, String region,
                            String identityStoreId, String instanceArn, String endpointUrl, long userCount,
                            String managementAccount, boolean managementChosen, int undeliveredMail) { }
