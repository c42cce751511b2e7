package dev.gatehouse.core.directory;

/** The contact details of each user; a user's go with the user. */
public interface ContactDetailsRepository {

    /** {@link ContactDetails#NONE} when the user has none. */
    ContactDetails find(String userId);

    /** Replaces the user's contact details; NotFound when there is no such user. */
    void replace(String userId, ContactDetails details);
}
