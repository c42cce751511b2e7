package dev.gatehouse.core.authz;

import java.util.List;
import java.util.Optional;

public interface ServiceCredentialRepository {

    /** Inserts; a duplicate name (case-insensitive) fails with DomainError.AlreadyExists. */
    void insert(ServiceCredential credential);

    Optional<ServiceCredential> findByAccessKeyId(String accessKeyId);

    /** Ordered by name. */
    List<ServiceCredential> list();

    /** @return whether a credential was deleted */
    boolean delete(String accessKeyId);
}
