package io.vidyut.mdm.meters;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serial → meter in O(1) for ingestion: a hash map in front of the (tenant, serial) unique index.
 * Entries are dropped when a meter changes on this instance; other instances refresh within the
 * expiry (a meter's vendor or multiplier rarely changes, and never mid-interval).
 */
@Component
public class MeterDirectory {
    private record Key(UUID tenantId, String serial) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Cache<Key, MeterRef> cache;

    MeterDirectory(JdbcClient jdbc, TransactionTemplate transactions,
                   MetersProperties properties) {
        long cacheSize = properties.directoryCacheSize();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize)
                .expireAfterWrite(java.time.Duration.ofMinutes(10)).build();
    }

    /** Finds a meter of the current tenant by serial. */
    public Optional<MeterRef> findBySerial(String serial) {
        Key key = new Key(TenantContext.requireTenantId(), serial);
        MeterRef cached = cache.getIfPresent(key);
        if (cached != null) return Optional.of(cached);
        Optional<MeterRef> loaded = transactions.execute(status -> jdbc.sql("""
                        select id, tenant_id, serial, hes_vendor_id, category, ct_ratio * pt_ratio as multiplier,
                               lifecycle_stage from meter where serial = ?""")
                .param(serial)
                .query((rs, n) -> new MeterRef(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("serial"), rs.getObject("hes_vendor_id", UUID.class),
                        MeterCategory.valueOf(rs.getString("category")), rs.getBigDecimal("multiplier"),
                        LifecycleStage.valueOf(rs.getString("lifecycle_stage"))))
                .optional());
        loaded.ifPresent(ref -> cache.put(key, ref));
        return loaded;
    }

    void forget(UUID tenantId, String serial) {
        cache.invalidate(new Key(tenantId, serial));
    }
}
