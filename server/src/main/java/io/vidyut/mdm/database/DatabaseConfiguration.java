package io.vidyut.mdm.database;

import com.zaxxer.hikari.HikariDataSource;
import io.vidyut.mdm.tenancy.TenantAwareTransactionManager;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The schema owner migrates (Flyway) at start; the application pool connects as the RLS-bound
 * application role. Embedded PostgreSQL when no URL is configured.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    record OwnerConnection(String url, String user, String password) {}

    @Bean
    DataDirectory dataDirectory(DatabaseProperties properties) {
        return new DataDirectory(properties.dataDir().toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties properties) {
        return new EmbeddedPostgresHolder(properties.embedded() ? EmbeddedPostgresServer.start(properties.dataDir()) : null);
    }

    @Bean
    OwnerConnection ownerConnection(DatabaseProperties properties, EmbeddedPostgresHolder embedded) {
        if (!properties.embedded()) {
            return new OwnerConnection(properties.url(), properties.user(), properties.password());
        }
        String url = embedded.server().jdbcUrl("mdm");
        createDatabaseIfMissing(embedded.server().jdbcUrl("postgres"), "mdm");
        return new OwnerConnection(url, "postgres", "postgres");
    }

    /** Marks the schema as migrated; the application pool waits for it. */
    record MigratedSchema(String version) {}

    /** As the owner: make sure the application role exists, then migrate the schema (Flyway). */
    @Bean
    MigratedSchema migratedSchema(OwnerConnection owner, DatabaseProperties properties) {
        try (HikariDataSource dataSource = pool("mdm-owner", owner.url(), owner.user(), owner.password(), 2)) {
            DatabaseRoles.ensureApplicationRole(dataSource, properties.appUser(), applicationPassword(properties),
                    properties.appPassword() != null && !properties.appPassword().isBlank());
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .placeholders(Map.of("appRole", properties.appUser(), "schema", "public"))
                    .load();
            flyway.migrate();
            return new MigratedSchema(String.valueOf(flyway.info().current().getVersion()));
        }
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(OwnerConnection owner, DatabaseProperties properties, MigratedSchema schema) {
        return pool("mdm-app", owner.url(), properties.appUser(), applicationPassword(properties), properties.poolSize());
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new TenantAwareTransactionManager(dataSource);
    }

    private static String applicationPassword(DatabaseProperties properties) {
        return properties.appPassword() != null && !properties.appPassword().isBlank()
                ? properties.appPassword() : GeneratedPassword.VALUE;
    }

    /** Without a configured password, one per process: the role's password is reset at each start. */
    private static final class GeneratedPassword {
        static final String VALUE = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName(name);
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(size);
        dataSource.setMinimumIdle(Math.min(2, size));
        // batched inserts travel as multi-row INSERTs: far fewer round trips for day rows and quarantine rows
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    private static void createDatabaseIfMissing(String adminUrl, String database) {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "postgres");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    /** Wraps the optional embedded server so the bean can exist (and close) either way. */
    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) server.close();
        }
    }
}
