package dev.gatehouse.core.authz;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.policy.PolicySet;
import java.util.List;
import java.util.Map;

/**
 * Who signed a call to an administration API, with what decides for them: a service credential's policies, or the
 * permission set of a person's role credentials.
 *
 * @param actor       how the audit log names them
 * @param name        how a refusal names them: the credential's name, or the assumed-role session ARN
 * @param policies    the policies their calls are decided on
 * @param contextKeys the condition keys of their calls ({@code aws:PrincipalTag/…} for role credentials)
 * @param refusal     why they may call nothing at all (role credentials of an account other than the management
 *                    account), or null
 */
public record AdminApiCaller(Actor actor, String name, PolicySet policies, Map<String, List<String>> contextKeys,
                             String refusal) {

    public AdminApiCaller {
        contextKeys = Map.copyOf(contextKeys);
    }
}
