package io.vidyut.mdm.security;

/** How a user proves who they are at {@code POST /auth/token}. */
public enum AuthSource {
    /** A password kept here (hashed). */
    PASSWORD,
    /** A bind to the tenant's LDAP / Active Directory with the user's directory password; none is kept here. */
    DIRECTORY
}
