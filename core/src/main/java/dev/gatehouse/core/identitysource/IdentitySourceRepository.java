package dev.gatehouse.core.identitysource;

import java.util.Optional;

/** The one identity source row; none stored means the built-in directory. */
public interface IdentitySourceRepository {

    Optional<IdentitySource> find();

    /** Replaces the stored source. */
    void put(IdentitySource source);
}
