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

    static void ensureApplicationRole(DataSource owner, String role, String password) {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Application role name must be a lower-case identifier: " + role);
        }
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password %2$s;
                      else
                        alter role %1$s login nosuperuser nobypassrls password %2$s;
                      end if;
                    end $$""".formatted(role, quotedPassword));
            statement.execute("grant connect on database \"" + connection.getCatalog() + "\" to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare application role " + role
                    + " (the database user needs CREATEROLE, or create the role beforehand)", e);
        }
        log.info("Application connects as role {} (row-level security applies)", role);
    }
}
