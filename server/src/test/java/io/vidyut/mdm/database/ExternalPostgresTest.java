package io.vidyut.mdm.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.MdmApplication;
import io.vidyut.mdm.testing.ApiClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With MDM_DB_URL the server uses an external PostgreSQL (the one on this machine, 127.0.0.1:5432,
 * which .ci/run starts): it migrates a fresh database and serves as the RLS-bound application role.
 */
class ExternalPostgresTest {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    String database = "mdm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ConfigurableApplicationContext context;

    @BeforeEach
    void createDatabase() throws SQLException {
        execute("postgres", "create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (context != null) context.close();
        execute("postgres", "drop database if exists " + database + " with (force)");
    }

    @Test
    void runs_on_an_external_postgresql_as_the_application_role() {
        context = new SpringApplicationBuilder(MdmApplication.class).run(
                "--mdm.db.url=" + SERVER + database,
                "--mdm.db.user=postgres",
                "--mdm.db.data-dir=target/test-data/external-" + database,
                "--mdm.security.admin-password=external-platform-pass",
                "--server.port=0");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);

        var health = api.get("/actuator/health/readiness", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        String admin = api.signIn("admin", "external-platform-pass");
        assertThat(api.post("/api/v1/platform/tenants", admin, Map.of("code", "ext", "name", "External")).status())
                .isEqualTo(201);

        JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("mdm_app");
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(database);
        assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(5432);
        assertThat(jdbc.sql("select count(*) from tenant").query(Long.class).single())
                .as("no tenant row is visible outside a tenant or platform scope").isZero();
    }

    private static void execute(String db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + db, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
