package dev.gatehouse.core.directory;

import java.util.Collection;
import java.util.Map;

/** The contact details of each user; a user's go with the user. */
public interface ContactDetailsRepository {

    /** {@link ContactDetails#NONE} when the user has none. */
    ContactDetails find(String userId);

    /** The contact details of these users, by user id; those who have none are left out. */
    Map<String, ContactDetails> findAll(Collection<String> userIds);

    /** Replaces the user's contact details; NotFound when there is no such user. */
    void replace(String userId, ContactDetails details);
}
