package io.vidyut.mdm.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own in the test server's PostgreSQL cluster, for a migration test: migrated to a chosen version,
 * filled the way that version stored things, migrated on, and dropped on close. Reached as its owner.
 */
public final class ScratchDatabase implements AutoCloseable {
    private final String clusterUrl;
    private final String name = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final DataSource owner;

    /** In the cluster {@code application} (the application pool) is connected to. */
    public ScratchDatabase(DataSource application) throws SQLException {
        String url = ((HikariDataSource) application).getJdbcUrl();
        this.clusterUrl = url.substring(0, url.lastIndexOf('/') + 1);
        admin("create database " + name);
        this.owner = new DriverManagerDataSource(clusterUrl + name, "postgres", "postgres");
    }

    /** Applies the migrations up to and including {@code version}. */
    public void migrateTo(String version) {
        Flyway.configure().dataSource(owner).placeholders(Map.of("appRole", "mdm_app", "schema", "public"))
                .target(version).load().migrate();
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(owner);
    }

    @Override
    public void close() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(clusterUrl + "postgres", "postgres", "postgres")) {
            connection.createStatement().execute(sql);
        }
    }
}
