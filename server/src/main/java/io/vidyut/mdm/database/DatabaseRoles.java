package io.vidyut.mdm.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the application role exists as a plain login role: not a superuser, owning nothing,
 * so that row-level security applies to every query the application makes.
 */
final class DatabaseRoles {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private DatabaseRoles() {}

    /**
     * Creates the role when missing. An existing role must not be a superuser or bypass RLS; its
     * password is only reset when none is configured (then one is generated per start).
     */
    static void ensureApplicationRole(DataSource owner, String role, String password, boolean passwordConfigured) {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Application role name must be a lower-case identifier: " + role);
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery(
                    "select rolsuper, rolbypassrls from pg_roles where rolname = '" + role + "'");
            if (!existing.next()) {
                statement.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole noinherit"
                        + " nobypassrls password " + quotedPassword);
            } else if (existing.getBoolean(1) || existing.getBoolean(2)) {
                throw new IllegalStateException("Role " + role + " is a superuser or bypasses row-level security;"
                        + " the application must connect as a plain role");
            } else if (!passwordConfigured) {
                statement.execute("alter role " + role + " password " + quotedPassword);
            }
            statement.execute("grant connect on database \"" + connection.getCatalog() + "\" to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare application role " + role
                    + " (the database user needs CREATEROLE, or create the role and set MDM_DB_APP_PASSWORD)", e);
        }
        log.info("Application connects as role {} (row-level security applies)", role);
    }
}
