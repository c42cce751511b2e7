package dev.gatehouse.core.directory;

import java.util.Map;

/** The attributes for access control a user has (department, cost centre, ...), by attribute name. */
public interface UserAttributeRepository {

    /** Empty when the user has none. */
    Map<String, String> find(String userId);

    /** Replaces all of the user's attributes with {@code attributes}. */
    void replace(String userId, Map<String, String> attributes);
}
