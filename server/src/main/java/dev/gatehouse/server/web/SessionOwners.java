package dev.gatehouse.server.web;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.SessionOwner;

/** The directory's user as the session package knows it: sessions do not depend on the directory. */
public final class SessionOwners {

    private SessionOwners() {
    }

    public static SessionOwner of(User user) {
        return new SessionOwner(user.userId(), user.userName());
    }
}
