package dev.gatehouse.store;

import dev.gatehouse.core.directory.UserAttributeRepository;
import dev.gatehouse.core.error.DomainException;
import java.util.Map;
import java.util.TreeMap;

/** One row per attribute; rows go with their user, by foreign key. */
final class JdbiUserAttributeRepository implements UserAttributeRepository {

    private final Handles handles;

    JdbiUserAttributeRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Map<String, String> find(String userId) {
        return handles.call(h -> {
            Map<String, String> attributes = new TreeMap<>();
            h.createQuery("SELECT attribute_name, attribute_value FROM user_attributes WHERE user_id = :userId")
                    .bind("userId", userId)
                    .map((row, context) -> attributes.put(row.getString("attribute_name"),
                            row.getString("attribute_value")))
                    .list();
            return attributes;
        });
    }

    @Override
    public void replace(String userId, Map<String, String> attributes) {
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM user_attributes WHERE user_id = :userId").bind("userId", userId).execute();
            attributes.forEach((name, value) -> Constraints.guarded(h, () -> h.createUpdate("""
                            INSERT INTO user_attributes (user_id, attribute_name, attribute_value)
                            VALUES (:userId, :name, :value)""")
                            .bind("userId", userId)
                            .bind("name", name)
                            .bind("value", value)
                            .execute(),
                    violation -> violation.duplicate() ? null : DomainException.notFound("User", userId)));
            return null;
        });
    }
}
