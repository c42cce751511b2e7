package dev.gatehouse.core.directory;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.EventSource;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.storage.Transactions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users with their contact details: the directory's create and update, and the addresses and phone numbers beside
 * them, in one transaction so a refused change leaves neither half written. The directory's own checks (unique
 * names, synced users read-only) and audit apply as they do everywhere.
 */
public final class UserContacts {

    private final IdentityStoreService directory;
    private final ContactDetailsRepository details;
    private final Transactions transactions;
    private final AuditLog audit;

    public UserContacts(IdentityStoreService directory, ContactDetailsRepository details, Transactions transactions,
                        AuditLog audit) {
        this.directory = directory;
        this.details = details;
        this.transactions = transactions;
        this.audit = audit;
    }

    public ContactDetails of(String userId) {
        return details.find(userId);
    }

    /** For a page of users, read at once; {@link ContactDetails#NONE} for those who have none. */
    public Map<String, ContactDetails> of(Collection<String> userIds) {
        return details.findAll(userIds);
    }

    public User createUser(NewUser request, ContactDetails contacts, Actor actor, RequestContext context) {
        return transactions.inTransaction(() -> {
            User user = directory.createUser(request, actor, context);
            if (!contacts.isEmpty()) {
                details.replace(user.userId(), contacts);
            }
            return user;
        });
    }

    /**
     * Updates the profile, then the contact details when they differ, audited as a second {@code UpdateUser} that
     * names the attributes changed.
     */
    public User updateUser(String userName, UserChanges changes, ContactDetails contacts, Actor actor,
                           RequestContext context) {
        return transactions.inTransaction(() -> {
            User user = directory.updateUser(userName, changes, actor, context);
            ContactDetails before = details.find(user.userId());
            List<String> changed = contacts.changedSince(before);
            if (!changed.isEmpty()) {
                details.replace(user.userId(), contacts);
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("userName", user.userName());
                parameters.put("changed", changed);
                audit.as(actor, EventSource.IDENTITY_STORE, context).success("UpdateUser", parameters,
                        Map.of("userId", user.userId()));
            }
            return user;
        });
    }
}
