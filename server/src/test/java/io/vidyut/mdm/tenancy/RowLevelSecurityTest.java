package io.vidyut.mdm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants are isolated by PostgreSQL itself: a query that forgets its tenant filter still sees one tenant. */
class RowLevelSecurityTest extends IntegrationTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    TestTenant a;
    TestTenant b;

    @BeforeEach
    void twoTenantsWithData() {
        a = newTenant();
        b = newTenant();
        for (TestTenant tenant : List.of(a, b)) {
            Registry registry = new Registry(api, tenant.admin());
            String vendorId = registry.vendor("V1").get("vendor").get("id").asString();
            String dtId = registry.branch("N").get("id").asString();
            String consumerId = registry.consumer("ACC-1", dtId).get("id").asString();
            registry.meter("SER-1", vendorId, consumerId);
        }
    }

    @Test
    void an_unfiltered_select_in_tenant_a_returns_no_row_of_tenant_b_in_any_tenant_owned_table() {
        List<String> tables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                  join information_schema.tables t using (table_schema, table_name)
                 where c.column_name = 'tenant_id' and c.table_schema = 'public' and t.table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("meter", "consumer", "network_node", "hes_vendor", "hes_api_key", "app_user");

        inTenant(a, () -> {
            for (String table : tables) {
                List<UUID> owners = jdbc.sql("select distinct tenant_id from " + table).query(UUID.class).list();
                assertThat(owners).as(table).isSubsetOf(a.id());
            }
            assertThat(jdbc.sql("select serial from meter").query(String.class).list()).containsExactly("SER-1");
        });
    }

    @Test
    void every_tenant_owned_table_has_row_level_security_enabled() {
        List<String> unprotected = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity
                   and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')""")
                .query(String.class).list();
        assertThat(unprotected).isEmpty();
    }

    @Test
    void inserting_a_row_for_tenant_b_from_tenant_a_context_is_refused() {
        assertThatThrownBy(() -> inTenant(a, () -> jdbc.sql("""
                        insert into consumer (id, tenant_id, account_no, name, tariff_category, sanctioned_load_kw, supply_mode)
                        values (?, ?, 'SMUGGLED', 'x', 'LT-1', 1, 'PREPAID')""")
                .params(UUID.randomUUID(), b.id()).update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("new row violates row-level security policy");
    }

    @Test
    void updates_and_deletes_from_tenant_a_cannot_touch_tenant_b() {
        inTenant(a, () -> {
            assertThat(jdbc.sql("update meter set make = 'HACKED' where tenant_id = ?").param(b.id()).update()).isZero();
            assertThat(jdbc.sql("delete from meter where tenant_id = ?").param(b.id()).update()).isZero();
        });
        inTenant(b, () -> assertThat(jdbc.sql("select make from meter").query(String.class).list()).containsExactly("HPL"));
    }

    @Test
    void work_outside_any_tenant_sees_no_tenant_owned_row() {
        assertThat(jdbc.sql("select count(*) from meter").query(Long.class).single()).isZero();
        Long inTransaction = transactions.execute(s -> jdbc.sql("select count(*) from consumer").query(Long.class).single());
        assertThat(inTransaction).isZero();
    }

    @Test
    void the_application_connects_as_a_role_that_row_level_security_applies_to() {
        var role = jdbc.sql("""
                select r.rolname, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user""")
                .query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single();
        assertThat(role).containsExactly("mdm_app", false, false);
        List<String> ownedByApp = jdbc.sql("select tablename from pg_tables where tableowner = current_user")
                .query(String.class).list();
        assertThat(ownedByApp).isEmpty();
    }

    private void inTenant(TestTenant tenant, Runnable work) {
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s -> work.run()));
    }
}
