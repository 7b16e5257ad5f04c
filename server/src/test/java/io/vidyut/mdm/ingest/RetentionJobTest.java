package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Each tenant keeps meter data and raw payloads as long as its retention settings say, and no longer. */
class RetentionJobTest extends IntegrationTest {
    @Autowired RetentionJob job;
    @Autowired TenantDirectory tenants;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void data_past_the_tenants_retention_is_removed_and_recent_data_kept() throws Exception {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        var vendor = registry.vendor("OLDNEW");
        String vendorId = vendor.get("vendor").get("id").asString();
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), IngestApiTest.VENDOR_A_MAPPING);
        registry.meter("M-RET", vendorId, null);
        Map<String, String> key = Map.of("X-API-Key", vendor.get("api_key").asString());
        for (String payload : new String[] {IngestApiTest.intervals("OLD", "M-RET", "2024-01-10T10:15:00+05:30", 2, 0.5),
                IngestApiTest.intervals("NEW", "M-RET", "2026-11-20T10:15:00+05:30", 2, 0.5)}) {
            assertThat(api.send("POST", "/api/v1/meters/readings", null, payload, "application/json", key).status()).isEqualTo(202);
        }
        awaitCompleted(tenant);

        var refused = api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(),
                Map.of("settings", Map.of("retention", Map.of("interval_days", 10))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(),
                Map.of("settings", Map.of("retention", Map.of("raw_batch_days", 7, "interval_days", 400)))).status())
                .isEqualTo(200);

        var tenantRecord = TenantContext.callAs(TenantScope.platformScope(), () -> tenants.findByCode(tenant.code())).orElseThrow();
        RetentionJob.Purged purged = job.apply(tenantRecord, clock.instant().plus(Duration.ofDays(10)));

        assertThat(purged.dayRows()).isEqualTo(2); // kWh and voltage of 2024-01-10
        assertThat(purged.payloads()).isEqualTo(2);
        assertThat(count(tenant, "select count(*) from interval_day")).isEqualTo(2);
        assertThat(count(tenant, "select count(*) from interval_day where day = '2026-11-20'")).isEqualTo(2);
        assertThat(count(tenant, "select count(*) from ingest_batch where length(payload) = 0")).isEqualTo(2);
    }

    private void awaitCompleted(TestTenant tenant) throws InterruptedException {
        long deadline = System.nanoTime() / 1_000_000 + 15_000;
        while (count(tenant, "select count(*) from ingest_batch where completed_at is null") > 0) {
            if (System.nanoTime() / 1_000_000 > deadline) throw new AssertionError("batches not stored");
            Thread.sleep(100);
        }
    }

    private long count(TestTenant tenant, String sql) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.execute(s -> jdbc.sql(sql).query(Long.class).single()));
    }
}
