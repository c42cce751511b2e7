package dev.gatehouse.store;

import dev.gatehouse.core.abac.AccessControlAttributeRepository;
import java.util.Map;
import java.util.TreeMap;

final class JdbiAccessControlAttributeRepository implements AccessControlAttributeRepository {

    private final Handles handles;

    JdbiAccessControlAttributeRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Map<String, String> mapping() {
        return handles.call(h -> {
            Map<String, String> mapping = new TreeMap<>();
            h.createQuery("SELECT tag_key, attribute_name FROM access_control_attributes")
                    .map((row, context) -> mapping.put(row.getString("tag_key"), row.getString("attribute_name")))
                    .list();
            return mapping;
        });
    }

    @Override
    public void replaceMapping(Map<String, String> tagKeyToAttribute) {
        handles.atomically(h -> {
            h.createUpdate("DELETE FROM access_control_attributes").execute();
            tagKeyToAttribute.forEach((tagKey, attribute) -> h.createUpdate(
                            "INSERT INTO access_control_attributes (tag_key, attribute_name) VALUES (:tagKey, :name)")
                    .bind("tagKey", tagKey)
                    .bind("name", attribute)
                    .execute());
            return null;
        });
    }
}
