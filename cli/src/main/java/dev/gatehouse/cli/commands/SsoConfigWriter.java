package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.config.AwsConfig;
import dev.gatehouse.cli.config.SectionHeader;
import dev.gatehouse.cli.sso.ServiceId;
import dev.gatehouse.cli.sso.SsoSession;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what {@code configure sso} decided: the profile (keys in the AWS CLI's order), the session, and, when
 * the server is not AWS's own, a {@code [services]} section naming it for every service Gatehouse serves, with
 * {@code services =} in the profile, so current AWS CLIs and SDKs find it with no environment variables.
 */
final class SsoConfigWriter {

    static final String SERVICES_NAME = "gatehouse";

    private final CommandContext context;

    SsoConfigWriter(CommandContext context) {
        this.context = context;
    }

    void write(String profileName, SsoSession session, boolean writeSession, AccountAndRole choice, String region,
               String output, Optional<URI> endpoint) {
        Map<String, Object> profile = new LinkedHashMap<>();
        if (session.name() != null) {
            profile.put("sso_session", session.name());
        } else {
            profile.put("sso_start_url", session.startUrl());
            profile.put("sso_region", session.region());
        }
        if (choice.configured()) {
            profile.put("sso_account_id", choice.accountId());
            profile.put("sso_role_name", choice.roleName());
        }
        putIfPresent(profile, "region", region);
        putIfPresent(profile, "output", output);
        Optional<String> servicesName = endpoint.map(url -> servicesName(url, session, profileName));
        servicesName.ifPresent(name -> profile.put("services", name));
        // New sections are appended in this order: profile, session, services, as a person would read them.
        Map<SectionHeader, Map<String, ?>> updates = new LinkedHashMap<>();
        updates.put(SectionHeader.profile(profileName), profile);
        if (writeSession && session.name() != null) {
            Map<String, Object> sessionValues = new LinkedHashMap<>();
            sessionValues.put("sso_start_url", session.startUrl());
            sessionValues.put("sso_region", session.region());
            if (session.scopes() != null) {
                sessionValues.put("sso_registration_scopes", String.join(",", session.scopes()));
            }
            updates.put(SectionHeader.ssoSession(session.name()), sessionValues);
        }
        servicesName.ifPresent(name -> updates.put(SectionHeader.services(name), servicesSection(endpoint.get())));
        context.configFiles().update(updates);
    }

    /**
     * {@code gatehouse}, unless that section already sends sso-oidc to another server (a second Gatehouse): then
     * a section of the profile's own, so configuring one server never redirects the profiles of another.
     */
    private String servicesName(URI endpoint, SsoSession session, String profileName) {
        AwsConfig config = context.config();
        Optional<String> existing = config.services(SERVICES_NAME)
                .map(section -> section.nested(ServiceId.SSO_OIDC.configKey()).get("endpoint_url"));
        if (existing.isEmpty() || existing.get().equals(endpoint.toString())) {
            return SERVICES_NAME;
        }
        return SERVICES_NAME + "-" + (session.name() != null ? session.name() : profileName);
    }

    private static Map<String, Object> servicesSection(URI endpoint) {
        Map<String, Object> services = new LinkedHashMap<>();
        for (ServiceId service : ServiceId.values()) {
            services.put(service.configKey(), Map.of("endpoint_url", endpoint.toString()));
        }
        return services;
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
