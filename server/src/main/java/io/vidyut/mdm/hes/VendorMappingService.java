package io.vidyut.mdm.hes;

import io.vidyut.mdm.hes.mapping.PayloadMapping;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payload mappings per vendor, versioned: saving makes a new version, earlier ones stay readable
 * (a stored batch is always re-read with the version it arrived under). Takes effect without restart.
 */
@Service
public class VendorMappingService {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final HesVendorService vendors;
    /**
     * Keyed by tenant too: the mapping is read under the caller's row-level security, so the answer (a mapping,
     * or none) holds for that tenant only. Under the vendor id alone another tenant's caller was served the mapping,
     * and another tenant's "none" was served to the vendor's own HES.
     */
    private final Cache<Key, Optional<VersionedMapping>> current = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    private record Key(UUID tenantId, UUID vendorId) {}

    private final org.springframework.context.ApplicationEventPublisher events;
    private final TransactionTemplate reads;
    private final PullTargets targets;
    private final SecretBox box;
    private final AuditTrail audit;

    VendorMappingService(JdbcClient jdbc, JsonMapper json, HesVendorService vendors,
                         org.springframework.context.ApplicationEventPublisher events, PlatformTransactionManager transactions,
                         PullTargets targets, SecretBox box, AuditTrail audit) {
        this.audit = audit;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.jdbc = jdbc;
        this.json = json;
        this.vendors = vendors;
        this.events = events;
        this.targets = targets;
        this.box = box;
    }

    public record VersionedMapping(UUID vendorId, int version, PayloadMapping mapping, Instant createdAt, String createdBy) {}

    public record VersionSummary(int version, Instant createdAt, String createdBy) {}

    @Transactional
    public VersionedMapping save(UUID vendorId, PayloadMapping submitted, String user) {
        vendors.get(vendorId);
        Key key = new Key(TenantContext.requireTenantId(), vendorId);
        Optional<VersionedMapping> previous = current(vendorId);
        PayloadMapping mapping = previous.map(earlier -> submitted.keepingSecretsOf(earlier.mapping())).orElse(submitted);
        List<FieldErrorsException.FieldError> problems = mapping.problems();
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        if (mapping.pull() != null) {
            targets.refusalToSave(key.tenantId(), mapping.pull().baseUrl())
                    .ifPresent(refusal -> { throw FieldErrorsException.of("pull.base_url", refusal); });
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from hes_vendor_mapping where vendor_id = ?")
                .param(vendorId).query(Integer.class).single();
        jdbc.sql("insert into hes_vendor_mapping (tenant_id, vendor_id, version, config, created_by) values (?, ?, ?, ?::jsonb, ?)")
                .params(TenantContext.requireTenantId(), vendorId, version, json.writeValueAsString(mapping.withSecrets(box::seal)),
                        user)
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                current.invalidate(key);
            }
        });
        events.publishEvent(new VendorMappingChanged(TenantContext.requireTenantId(), vendorId, version));
        VersionedMapping saved = version(vendorId, version);
        audit.record(AuditedAction.of("vendor_mapping.saved", "hes_vendor", vendorId, previous.orElse(null), saved));
        return saved;
    }

    /**
     * The vendor's mapping in force, as the current tenant sees it (cached briefly; a save on this instance takes
     * effect at once). Not a transactional method: a cache hit, which is nearly every HES request, needs no
     * connection; a miss reads in a transaction of its own (or the caller's), under the caller's row-level security.
     */
    public Optional<VersionedMapping> current(UUID vendorId) {
        return current.get(new Key(TenantContext.requireTenantId(), vendorId), key -> reads.execute(status -> jdbc.sql("""
                        select * from hes_vendor_mapping where vendor_id = ? order by version desc limit 1""")
                .param(key.vendorId()).query(this::map).optional()));
    }

    @Transactional(readOnly = true)
    public VersionedMapping version(UUID vendorId, int version) {
        return jdbc.sql("select * from hes_vendor_mapping where vendor_id = ? and version = ?")
                .params(vendorId, version).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("Mapping version", version));
    }

    @Transactional(readOnly = true)
    public List<VersionSummary> versions(UUID vendorId) {
        vendors.get(vendorId);
        return jdbc.sql("select version, created_at, created_by from hes_vendor_mapping where vendor_id = ? order by version desc")
                .param(vendorId)
                .query((rs, n) -> new VersionSummary(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** Reads a stored mapping document (e.g. from a cross-tenant listing), its secrets opened. */
    public PayloadMapping parse(String config) {
        return json.readValue(config, PayloadMapping.class).withSecrets(box::open);
    }

    private VersionedMapping map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new VersionedMapping(rs.getObject("vendor_id", UUID.class), rs.getInt("version"), parse(rs.getString("config")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
