package io.vidyut.mdm.hes;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.CidrList;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** HES vendors of the current tenant and their API keys. */
@Service
public class HesVendorService {
    private final JdbcClient jdbc;
    private final HesApiKeyAuthenticator authenticator;
    private final Clock clock;
    private final AuditTrail audit;

    HesVendorService(JdbcClient jdbc, HesApiKeyAuthenticator authenticator, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.authenticator = authenticator;
        this.clock = clock;
        this.audit = audit;
    }

    public record NewVendor(String code, String name, HesProtocol protocol, List<String> ipAllowlist) {}

    /** A vendor together with a key shown this once. */
    public record VendorWithKey(HesVendor vendor, String apiKey) {}

    @Transactional
    public VendorWithKey create(NewVendor vendor) {
        return createWithKey(vendor, ApiKeys.generate());
    }

    /** Creates the vendor with the given key (the demo seed uses known keys). */
    @Transactional
    public VendorWithKey createWithKey(NewVendor vendor, String apiKey) {
        UUID tenant = TenantContext.requireTenantId();
        List<String> allowlist = CidrList.validate(vendor.ipAllowlist(), "ip_allowlist");
        if (findByCode(vendor.code()).isPresent()) {
            throw new ConflictException("HES vendor code " + vendor.code() + " exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into hes_vendor (id, tenant_id, code, name, protocol, ip_allowlist) values (?, ?, ?, ?, ?, ?::inet[])")
                .params(id, tenant, vendor.code(), vendor.name(), vendor.protocol().name(), arrayLiteral(allowlist))
                .update();
        insertKey(tenant, id, apiKey);
        HesVendor created = get(id);
        audit.record(AuditedAction.of("hes_vendor.created", "hes_vendor", id, null, created));
        return new VendorWithKey(created, apiKey);
    }

    @Transactional
    public HesVendor update(UUID id, String name, HesProtocol protocol, List<String> ipAllowlist) {
        HesVendor existing = get(id);
        jdbc.sql("update hes_vendor set name = ?, protocol = ?, ip_allowlist = ?::inet[] where id = ?")
                .params(name == null ? existing.name() : name,
                        (protocol == null ? existing.protocol() : protocol).name(),
                        arrayLiteral(ipAllowlist == null ? existing.ipAllowlist() : CidrList.validate(ipAllowlist, "ip_allowlist")), id)
                .update();
        forgetAfterCommit(id);
        HesVendor updated = get(id);
        audit.record(AuditedAction.of("hes_vendor.updated", "hes_vendor", id, existing, updated));
        return updated;
    }

    @Transactional
    public String rotateKey(UUID vendorId, boolean revokeOthers) {
        HesVendor before = get(vendorId);
        if (revokeOthers) {
            jdbc.sql("update hes_api_key set revoked_at = ? where vendor_id = ? and revoked_at is null")
                    .params(Timestamp.from(clock.instant()), vendorId).update();
            forgetAfterCommit(vendorId);
        }
        String key = insertKey(TenantContext.requireTenantId(), vendorId, ApiKeys.generate());
        // the vendor's key list (prefixes only) before and after shows the new key and any revoked with it
        audit.record(AuditedAction.of("hes_api_key.created", "hes_vendor", vendorId, before, get(vendorId)));
        return key;
    }

    /** A client certificate registered for the vendor's HES (mutual TLS): what is kept of it. */
    public record RegisteredCertificate(UUID id, String sha256, String subject, Instant notAfter) {}

    @Transactional
    public RegisteredCertificate addClientCertificate(UUID vendorId, String pem) {
        get(vendorId);
        java.security.cert.X509Certificate certificate = ClientCertificates.parse(pem);
        if (certificate.getNotAfter().toInstant().isBefore(clock.instant())) {
            throw FieldErrorsException.of("certificate", "expired on " + certificate.getNotAfter().toInstant());
        }
        byte[] sha256 = ClientCertificates.sha256(certificate);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into hes_api_key (id, tenant_id, vendor_id, key_prefix, key_hash, created_at, kind)
                        values (?, ?, ?, ?, ?, ?, 'CLIENT_CERTIFICATE')""")
                .params(id, TenantContext.requireTenantId(), vendorId,
                        "x509:" + java.util.HexFormat.of().formatHex(sha256).substring(0, 12), sha256, Timestamp.from(clock.instant()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                authenticator.forgetCertificate(sha256);
            }
        });
        return new RegisteredCertificate(id, ClientCertificates.fingerprint(sha256),
                certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant());
    }

    @Transactional
    public void revokeKey(UUID vendorId, UUID keyId) {
        HesVendor before = get(vendorId);
        int updated = jdbc.sql("update hes_api_key set revoked_at = ? where id = ? and vendor_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), keyId, vendorId).update();
        if (updated == 0) throw new NotFoundException("Active API key", keyId);
        forgetAfterCommit(vendorId);
        audit.record(AuditedAction.of("hes_api_key.revoked", "hes_vendor", vendorId, before, get(vendorId)));
    }

    @Transactional
    public void delete(UUID id) {
        HesVendor existing = get(id);
        jdbc.sql("delete from hes_vendor where id = ?").param(id).update();
        forgetAfterCommit(id);
        audit.record(AuditedAction.of("hes_vendor.deleted", "hes_vendor", id, existing, null));
    }

    @Transactional(readOnly = true)
    public HesVendor get(UUID id) {
        return jdbc.sql("select * from hes_vendor where id = ?").param(id).query(this::map).optional()
                .map(this::withKeys).orElseThrow(() -> new NotFoundException("HES vendor", id));
    }

    @Transactional(readOnly = true)
    public Optional<HesVendor> findByCode(String code) {
        return jdbc.sql("select * from hes_vendor where code = ?").param(code).query(this::map).optional()
                .map(this::withKeys);
    }

    @Transactional(readOnly = true)
    public Page<HesVendor> list(String protocol, PageRequest page) {
        String filter = protocol == null ? "" : " where protocol = :protocol";
        Map<String, Object> params = protocol == null ? Map.of() : Map.of("protocol", protocol);
        List<HesVendor> items = jdbc.sql("select * from hes_vendor" + filter + " order by code limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::map).list().stream().map(this::withKeys).toList();
        long total = jdbc.sql("select count(*) from hes_vendor" + filter).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Drops cached keys once the change is committed, so a concurrent request cannot re-cache the old state. */
    private void forgetAfterCommit(UUID vendorId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                authenticator.forgetVendor(vendorId);
            }
        });
    }

    private String insertKey(UUID tenant, UUID vendorId, String key) {
        jdbc.sql("insert into hes_api_key (id, tenant_id, vendor_id, key_prefix, key_hash, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenant, vendorId, ApiKeys.displayPrefix(key), ApiKeys.hash(key),
                        Timestamp.from(clock.instant()))
                .update();
        return key;
    }

    private HesVendor withKeys(HesVendor vendor) {
        List<HesVendor.ApiKeySummary> keys = jdbc.sql(
                        "select id, key_prefix, created_at, revoked_at from hes_api_key where vendor_id = ? order by created_at")
                .param(vendor.id())
                .query((rs, n) -> new HesVendor.ApiKeySummary(rs.getObject("id", UUID.class), rs.getString("key_prefix"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("revoked_at"))))
                .list();
        return new HesVendor(vendor.id(), vendor.code(), vendor.name(), vendor.protocol(), vendor.ipAllowlist(), keys,
                vendor.createdAt());
    }

    private HesVendor map(ResultSet rs, int row) throws SQLException {
        return new HesVendor(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                HesProtocol.valueOf(rs.getString("protocol")), inetList(rs.getArray("ip_allowlist")), List.of(),
                rs.getTimestamp("created_at").toInstant());
    }

    static List<String> inetList(java.sql.Array array) throws SQLException {
        if (array == null) return List.of();
        return Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private static String arrayLiteral(List<String> values) {
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
