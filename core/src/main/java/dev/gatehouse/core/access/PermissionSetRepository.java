package dev.gatehouse.core.access;

import java.util.List;
import java.util.Optional;

public interface PermissionSetRepository {

    /** A duplicate name (case-insensitive) fails with DomainError.AlreadyExists. */
    void insert(PermissionSet permissionSet);

    void update(PermissionSet permissionSet);

    /** Deletes the permission set with its assignments. */
    void delete(String permissionSetArn);

    Optional<PermissionSet> findByArn(String permissionSetArn);

    Optional<PermissionSet> findByName(String name);

    /** Ordered by name, after {@code afterName} (null: from the start). */
    List<PermissionSet> list(String afterName, int limit);
}
