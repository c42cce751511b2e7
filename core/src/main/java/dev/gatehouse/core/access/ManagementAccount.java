package dev.gatehouse.core.access;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.InstanceRepository;
import dev.gatehouse.core.storage.Transactions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which account is the management account: role credentials for a permission set assigned there may call the
 * administration APIs, as in AWS only the organization's management account (or a delegated administrator)
 * administers IAM Identity Center. An administrator chooses it; until then, and once the chosen account is closed,
 * it is the first account created.
 */
public final class ManagementAccount {

    private final InstanceRepository instance;
    private final AccountRepository accounts;
    private final Transactions transactions;
    private final AuditLog audit;

    public ManagementAccount(InstanceRepository instance, AccountRepository accounts, Transactions transactions,
                             AuditLog audit) {
        this.instance = instance;
        this.accounts = accounts;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The management account, or empty while there is no account at all. */
    public Optional<Account> account() {
        return instance.managementAccountId()
                .flatMap(accounts::findById)
                .or(accounts::firstCreated);
    }

    /** True when an administrator chose it, false when it is the default (the first account created). */
    public boolean chosen() {
        return instance.managementAccountId().flatMap(accounts::findById).isPresent();
    }

    /**
     * Chooses the management account by id or name; null goes back to the default.
     *
     * @throws DomainException NotFound when there is no such account
     */
    public void choose(String accountIdOrName, Actor actor, RequestContext context) {
        String accountId = accountIdOrName == null ? null : accounts.findById(accountIdOrName)
                .or(() -> accounts.findByName(accountIdOrName))
                .orElseThrow(() -> DomainException.notFound("Account", accountIdOrName))
                .accountId();
        transactions.run(() -> {
            instance.setManagementAccountId(accountId);
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("managementAccountId", accountId == null ? "first account created" : accountId);
            audit.as(actor, EventSource.ORGANIZATIONS, context).success("SetManagementAccount", parameters);
        });
    }
}
