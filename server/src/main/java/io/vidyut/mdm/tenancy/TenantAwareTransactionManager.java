package io.vidyut.mdm.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds every transaction to the current tenant through transaction-local settings that the
 * row-level security policies read. Work outside a tenant sees no tenant-owned row (fails closed).
 */
public class TenantAwareTransactionManager extends JdbcTransactionManager {

    public TenantAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        TenantScope scope = TenantContext.current().orElse(null);
        String tenant = scope == null || scope.tenantId() == null ? "" : scope.tenantId().toString();
        String platform = scope != null && scope.platform() ? "on" : "";
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('mdm.tenant_id', ?, true), set_config('mdm.platform', ?, true)")) {
            statement.setString(1, tenant);
            statement.setString(2, platform);
            statement.execute();
        }
    }
}
