package dev.gatehouse.cli.commands;

import dev.gatehouse.cli.cache.CacheKeys;
import dev.gatehouse.cli.cache.CacheTimestamps;
import dev.gatehouse.cli.cache.SsoCache;
import dev.gatehouse.cli.config.AwsConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Every token in the shared cache, whichever tool wrote it, named by the configured session (or legacy profile)
 * whose cache key it carries: when it expires and whether it can be refreshed without a new login.
 */
@Command(name = "sessions", description = "List cached SSO sessions: start URL, expiry, and whether they can refresh.")
final class SsoSessionsCommand implements Callable<Integer> {

    private final CommandContext context;

    SsoSessionsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> names = namesByKey(context.config());
        Instant now = context.environment().clock().instant();
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (SsoCache.CachedToken cached : context.ssoCache().tokens()) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("SessionName", names.get(cached.key()));
            session.put("StartUrl", cached.token().startUrl());
            session.put("Region", cached.token().region());
            session.put("ExpiresAt", CacheTimestamps.format(cached.token().expiresAt()));
            session.put("Expired", cached.token().expired(now));
            session.put("CanRefresh", cached.token().refreshable(now));
            sessions.add(session);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Sessions", sessions);
        context.print(context.outputFormat(context.explicitProfile().flatMap(context.config()::profile)),
                "Sessions", result);
        return 0;
    }

    /** Cache key → the name people know it by: the sso-session, or the legacy profile's start URL. */
    private static Map<String, String> namesByKey(AwsConfig config) {
        Map<String, String> names = new HashMap<>();
        for (String profileName : config.profileNames()) {
            config.profile(profileName).flatMap(p -> p.value("sso_start_url"))
                    .ifPresent(url -> names.put(CacheKeys.token(null, url), url));
        }
        for (String session : config.ssoSessionNames()) {
            names.put(CacheKeys.token(session, null), session);
        }
        return names;
    }
}
