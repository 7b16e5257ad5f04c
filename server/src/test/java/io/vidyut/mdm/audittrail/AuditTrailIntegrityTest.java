package io.vidyut.mdm.audittrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The trail holds: a tenant sees and checks only its own chain, the application cannot change or remove a row,
 * a row changed or removed behind its back breaks the chain where it happened, concurrent actions chain without
 * a gap, a rolled-back action leaves nothing, and the export streams what the search finds.
 */
class AuditTrailIntegrityTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditTrail trail;
    @Autowired
    DataSource dataSource;

    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void another_tenant_sees_none_of_the_trail_and_checks_only_its_own_chain() {
        TestTenant other = newTenant();
        JsonNode mine = search(tenant.admin(), "");
        assertThat(mine.get("total").asLong()).isGreaterThanOrEqualTo(5); // four users made, five sign-ins
        JsonNode theirs = search(other.admin(), "size=1000");
        assertThat(theirs.toString()).doesNotContain(tenant.code()).doesNotContain(tenant.id().toString());
        assertThat(search(other.admin(), "actor=" + tenant.code() + ".admin").get("total").asLong()).isZero();
        JsonNode otherCheck = verify(other.admin());
        assertThat(otherCheck.get("intact").asBoolean()).isTrue();
        assertThat(otherCheck.get("rows").asLong()).isEqualTo(search(other.admin(), "").get("total").asLong());
        assertThat(search(platformAdmin(), "actor=" + tenant.code() + ".admin").get("total").asLong())
                .as("the platform scope sees platform rows only").isZero();
        assertThat(api.get("/api/v1/audit-trail", tenant.operator()).status()).as("administrators only").isEqualTo(403);
        assertThat(api.get("/api/v1/audit-trail/verify", tenant.analyst()).status()).isEqualTo(403);
    }

    @Test
    void the_application_role_can_neither_change_nor_remove_a_row() {
        inTenant(() -> assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isPositive());
        for (String sql : List.of("update audit_event set actor = 'someone-else'", "delete from audit_event",
                "truncate audit_event")) {
            assertThatThrownBy(() -> inTenant(() -> jdbc.sql(sql).update())).as(sql)
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        }
        assertThat(verify(tenant.admin()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void even_the_schema_owner_is_refused_by_the_append_only_trigger() throws SQLException {
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set actor = 'x' where tenant_id = '"
                    + tenant.id() + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event where tenant_id = '"
                    + tenant.id() + "'")).hasMessageContaining("append-only");
        }
    }

    @Test
    void a_row_changed_behind_the_applications_back_breaks_the_chain_at_that_row() throws SQLException {
        assertThat(verify(tenant.admin()).get("intact").asBoolean()).isTrue();
        tamper("update audit_event set after = jsonb_set(after, '{roles}', '[\"TENANT_ADMIN\"]') where tenant_id = '"
                + tenant.id() + "' and seq = 3");
        JsonNode check = verify(tenant.admin());
        assertThat(check.get("intact").asBoolean()).isFalse();
        assertThat(check.get("first_break").get("seq").asLong()).isEqualTo(3);
        assertThat(check.get("first_break").get("reason").asString()).contains("changed");
    }

    @Test
    void a_row_removed_or_rehashed_behind_the_applications_back_breaks_the_chain() throws SQLException {
        tamper("delete from audit_event where tenant_id = '" + tenant.id() + "' and seq = 2");
        JsonNode check = verify(tenant.admin());
        assertThat(check.get("first_break").get("seq").asLong()).isEqualTo(3);
        assertThat(check.get("first_break").get("reason").asString()).contains("missing");

        // a forger who recomputes the changed row's own hash still breaks the link to the next row
        TestTenant forged = newTenant();
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.executeUpdate("update audit_event set actor = 'innocent', hash = encode(sha256('forged'::bytea), 'hex')"
                    + " where tenant_id = '" + forged.id() + "' and seq = 1");
        }
        JsonNode forgedCheck = verify(forged.admin());
        assertThat(forgedCheck.get("first_break").get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void concurrent_actions_of_one_tenant_chain_one_after_the_other_without_a_gap() throws Exception {
        long before = search(tenant.admin(), "").get("total").asLong();
        int threads = 6, each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int n = i;
                        inTenant(() -> trail.record(AuditedAction.of("test.concurrent", "test", writer + "/" + n, null, null)));
                    }
                }));
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdownNow();
        }
        JsonNode check = verify(tenant.admin());
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("rows").asLong()).isEqualTo(before + threads * each);
        assertThat(check.get("last_seq").asLong()).isEqualTo(before + threads * each);
    }

    @Test
    void a_rolled_back_action_leaves_no_row_and_no_gap() {
        long before = search(tenant.admin(), "").get("total").asLong();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status -> {
            trail.record(AuditedAction.of("test.rolled_back", "test", "1", null, Map.of("n", 1)));
            status.setRollbackOnly();
        }));
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status ->
                trail.record(AuditedAction.of("test.committed", "test", "2", null, Map.of("password", "hunter2-hunter2")))));
        assertThat(search(tenant.admin(), "action=test.rolled_back").get("total").asLong()).isZero();
        JsonNode committed = search(tenant.admin(), "action=test.committed").get("items").get(0);
        assertThat(committed.get("actor").asString()).as("work outside a request").isEqualTo("system");
        assertThat(committed.get("after").get("password").asString()).isEqualTo(Redaction.REDACTED);
        JsonNode check = verify(tenant.admin());
        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("last_seq").asLong()).isEqualTo(before + 1);
    }

    @Test
    void the_export_streams_the_rows_the_search_finds_as_csv_and_is_itself_recorded() throws Exception {
        String from = clock.instant().minusSeconds(3600).toString();
        String filter = "action=user.&from=" + from;
        JsonNode found = search(tenant.admin(), filter + "&size=1000");
        var export = api.get("/api/v1/audit-trail/export?" + filter, tenant.admin());
        assertThat(export.status()).as(export.raw()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains(".csv");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(export.raw())).getRecords();
        assertThat(records).hasSize(found.get("items").size()).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < records.size(); i++) {
            JsonNode item = found.get("items").get(i);
            assertThat(records.get(i).get("seq")).isEqualTo(item.get("seq").asString());
            assertThat(records.get(i).get("action")).startsWith("user.");
            assertThat(records.get(i).get("hash")).isEqualTo(item.get("hash").asString());
        }
        JsonNode exported = search(tenant.admin(), "action=audit_trail.exported").get("items").get(0);
        assertThat(exported.get("after").get("action_prefix").asString()).isEqualTo("user.");
    }

    @Test
    void csv_cells_a_spreadsheet_would_run_as_formulas_are_defused() {
        var failed = api.post("/api/v1/auth/token", null, Map.of("username", "=HYPERLINK(\"http://evil\")",
                "password", "whatever-it-may-be"));
        assertThat(failed.status()).isEqualTo(401);
        String export = api.get("/api/v1/audit-trail/export?action=sign_in.failed", platformAdmin()).raw();
        assertThat(export).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");
    }

    private JsonNode search(String token, String query) {
        var response = api.get("/api/v1/audit-trail?" + query, token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private JsonNode verify(String token) {
        var response = api.get("/api/v1/audit-trail/verify", token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private void inTenant(Runnable work) {
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s -> work.run()));
    }

    /** Changes rows as a superuser who silences the append-only trigger for the session: what the chain must expose. */
    private void tamper(String sql) throws SQLException {
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
        }
    }

    /** The embedded cluster's superuser, which owns the schema (DatabaseConfiguration). */
    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(((HikariDataSource) dataSource).getJdbcUrl(), "postgres", "postgres");
    }
}
