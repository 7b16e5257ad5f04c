package io.vidyut.mdm.common;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;

/** Turns a PostgreSQL constraint failure into a sentence an API caller can act on. */
public final class DatabaseErrors {
    private DatabaseErrors() {}

    public static String describe(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof SQLException sql) {
            String state = sql.getSQLState();
            String constraint = constraintName(sql);
            if ("23505".equals(state)) return "Duplicate value violates " + constraint;
            if ("23503".equals(state)) return "Still referenced, or referring to a missing record (" + constraint + ")";
            if ("23514".equals(state)) return "Value not allowed (" + constraint + ")";
            if ("42501".equals(state)) return "Row is outside your tenant";
        }
        return "The data violates a constraint";
    }

    private static String constraintName(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getConstraint() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return "a constraint";
    }
}
