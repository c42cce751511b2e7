package dev.gatehouse.core.simulation;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.EffectivePolicies;
import dev.gatehouse.core.access.InlinePolicies;
import dev.gatehouse.core.access.ManagedPolicyNames;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.credentials.PrincipalTagSource;
import dev.gatehouse.core.credentials.RoleIds;
import dev.gatehouse.core.credentials.SessionContextKeys;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.policy.AccessRequest;
import dev.gatehouse.policy.ContextKeys;
import dev.gatehouse.policy.Decision;
import dev.gatehouse.policy.Policy;
import dev.gatehouse.policy.PolicyEvaluator;
import dev.gatehouse.policy.PolicySet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Answers "would this be allowed?" without anyone signing a request: for a user holding a permission set in an
 * account (with the context keys their credentials would carry), or for policies given directly. The admin
 * command and the console page both ask here, so they agree with each other and with the evaluator that decides
 * real requests.
 */
public final class AccessSimulator {

    private final UserRepository users;
    private final AccountRepository accounts;
    private final PermissionSetRepository permissionSets;
    private final AssignmentRepository assignments;
    private final Clock clock;
    private final PrincipalTagSource principalTags;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    /** @param principalTags the tags the user's credentials would carry, as the credential minter adds them */
    public AccessSimulator(UserRepository users, AccountRepository accounts, PermissionSetRepository permissionSets,
                           AssignmentRepository assignments, Clock clock, PrincipalTagSource principalTags) {
        this.users = users;
        this.accounts = accounts;
        this.permissionSets = permissionSets;
        this.assignments = assignments;
        this.clock = clock;
        this.principalTags = principalTags;
    }

    /** Who asks: a user, as the role a permission set provisions in an account. */
    public record AsUser(String userName, String account, String permissionSet) { }

    /** Policies given directly, by AWS managed policy name or ARN and as an inline document; any may be empty. */
    public record WithPolicies(List<String> managedPolicies, String inlinePolicy, String permissionsBoundary) {

        public WithPolicies {
            managedPolicies = managedPolicies == null ? List.of() : List.copyOf(managedPolicies);
        }
    }

    /**
     * The decision with the context keys it was made with, so people can see what a condition was compared with.
     */
    public record Simulation(Decision decision, Map<String, List<String>> context) {

        /** {@code allow}, {@code deny (explicit)} or {@code deny (implicit)}: one wording for every door. */
        public String verdict() {
            return switch (decision.outcome()) {
                case ALLOW -> "allow";
                case EXPLICIT_DENY -> "deny (explicit)";
                case IMPLICIT_DENY -> "deny (implicit)";
            };
        }

        /** The statement that decided, e.g. {@code inline Statement[0] (Sid DenyProd)}, or {@code none}. */
        public String decidingStatement() {
            return decision.statement().map(Object::toString).orElse("none");
        }
    }

    public Simulation simulate(AsUser who, SimulatedRequest request) {
        User user = users.findByUserName(required("user", who.userName()))
                .orElseThrow(() -> DomainException.notFound("User", who.userName()));
        String accountName = required("account", who.account());
        Account account = accounts.findById(accountName).or(() -> accounts.findByName(accountName))
                .orElseThrow(() -> DomainException.notFound("Account", accountName));
        String setName = required("permissionSet", who.permissionSet());
        PermissionSet set = permissionSets.findByName(setName)
                .or(() -> permissionSets.findByArn(setName))
                .orElseThrow(() -> DomainException.notFound("Permission set", setName));
        if (!assignments.userHolds(user.userId(), account.accountId(), set.permissionSetArn())) {
            throw DomainException.invalid("permissionSet", set.name() + " is not assigned to " + user.userName()
                    + " in account " + account.accountId() + " (" + account.name() + "), neither directly nor "
                    + "through a group, so " + user.userName() + " cannot get its credentials there");
        }
        Map<String, List<String>> context = SessionContextKeys.of(user.userName(),
                RoleIds.roleId(account.accountId(), set.roleName()) + ":" + user.userName(), account.accountId(),
                RoleIds.roleArn(account.accountId(), set.roleName()),
                principalTags.tagsFor(user), clock.instant());
        return decide(EffectivePolicies.of(set), request, context);
    }

    public Simulation simulate(WithPolicies policies, SimulatedRequest request) {
        List<Policy> identityPolicies = new ArrayList<>();
        for (String name : policies.managedPolicies()) {
            identityPolicies.add(ManagedPolicyNames.policy("managedPolicies", name));
        }
        if (policies.inlinePolicy() != null && !policies.inlinePolicy().isBlank()) {
            identityPolicies.add(InlinePolicies.parse(InlinePolicies.FIELD, policies.inlinePolicy()));
        }
        if (identityPolicies.isEmpty()) {
            throw DomainException.invalid("managedPolicies",
                    "Give at least one managed policy or an inline policy to simulate");
        }
        Optional<Policy> boundary = policies.permissionsBoundary() == null || policies.permissionsBoundary().isBlank()
                ? Optional.empty()
                : Optional.of(ManagedPolicyNames.policy("permissionsBoundary", policies.permissionsBoundary()));
        Map<String, List<String>> context = SessionContextKeys.timeOf(clock.instant());
        return decide(new PolicySet(identityPolicies, boundary), request, context);
    }

    /** Keys given with the request replace those the simulator filled in, e.g. to try another time. */
    private Simulation decide(PolicySet policies, SimulatedRequest request, Map<String, List<String>> context) {
        context.putAll(request.context());
        Decision decision = evaluator.evaluate(policies,
                new AccessRequest(request.action(), request.resource(), ContextKeys.of(context)));
        return new Simulation(decision, Collections.unmodifiableSortedMap(new TreeMap<>(context)));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value.strip();
    }
}
