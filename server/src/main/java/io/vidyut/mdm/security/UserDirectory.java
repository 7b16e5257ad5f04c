package io.vidyut.mdm.security;

import java.util.Set;

/** Creates users in the current tenant (used by tenant onboarding and the demo seed). */
public interface UserDirectory {
    UserAccount create(NewUser user);

    boolean exists(String username);

    /** Whether this is the user's password now (e.g. whether a configured password is still the one in force). */
    boolean passwordIs(String username, String password);

    /** A password user, or a directory user ({@link AuthSource#DIRECTORY}, no password). */
    record NewUser(String username, String password, String displayName, Set<Role> roles, AuthSource authSource) {
        public NewUser {
            if (authSource == null) authSource = AuthSource.PASSWORD;
        }

        public NewUser(String username, String password, String displayName, Set<Role> roles) {
            this(username, password, displayName, roles, AuthSource.PASSWORD);
        }
    }
}
