package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * Editing a user's attributes for access control (docs/authorization.md): one field per attribute, and which of
 * them become principal tags under the instance's mapping.
 *
 * @param names   every attribute a user can have, in display order
 * @param values  the user's values (or what was typed), by attribute name
 * @param tagKeys for each mapped attribute, the tag keys it becomes
 * @param errors  messages by attribute name
 */
public record UserAttributesView(AdminFrame frame, String userName, List<String> names, Map<String, String> values,
                                 Map<String, String> tagKeys, Map<String, String> errors) {

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String hint(String name) {
        String keys = tagKeys.get(name);
        return keys == null ? "Not a principal tag under the current mapping." : "Principal tag " + keys + ".";
    }
}
