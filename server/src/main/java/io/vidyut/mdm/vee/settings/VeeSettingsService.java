package io.vidyut.mdm.vee.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * VEE settings per tenant and meter class, versioned: a save makes a new version, each exception
 * records the version it was found under. A class without its own settings uses the tenant's
 * DEFAULT, and a tenant without any uses the built-in defaults (version 0).
 */
@Service
public class VeeSettingsService {
    static final String DEFAULT_CLASS = "DEFAULT";
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cache<Key, Versioned> effective = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    private final AuditTrail audit;

    VeeSettingsService(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Versioned(String meterClass, int version, VeeSettings settings, Instant createdAt, String createdBy) {}

    private record Key(UUID tenantId, String meterClass) {}

    /** The settings in force for a class of meter in the current tenant. */
    @Transactional(readOnly = true)
    public Versioned effective(MeterCategory category) {
        UUID tenant = TenantContext.requireTenantId();
        return effective.get(new Key(tenant, category.name()), key -> latest(key.meterClass())
                .or(() -> latest(DEFAULT_CLASS))
                .orElseGet(() -> new Versioned(DEFAULT_CLASS, 0, VeeSettings.defaults(), null, "built-in")));
    }

    /** The tenant's DEFAULT settings (what tenant-wide jobs such as the gap scan go by). */
    @Transactional(readOnly = true)
    public Versioned tenantDefault() {
        UUID tenant = TenantContext.requireTenantId();
        return effective.get(new Key(tenant, DEFAULT_CLASS), key -> latest(DEFAULT_CLASS)
                .orElseGet(() -> new Versioned(DEFAULT_CLASS, 0, VeeSettings.defaults(), null, "built-in")));
    }

    @Transactional
    Versioned save(String meterClass, VeeSettings settings, String user) {
        String cls = checkedClass(meterClass);
        List<FieldErrorsException.FieldError> problems = settings.problems();
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        UUID tenant = TenantContext.requireTenantId();
        Versioned previous = latest(cls).orElse(null);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from vee_settings where meter_class = ?")
                .param(cls).query(Integer.class).single();
        jdbc.sql("insert into vee_settings (tenant_id, meter_class, version, config, created_by) values (?, ?, ?, ?::jsonb, ?)")
                .params(tenant, cls, version, json.writeValueAsString(settings), user).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                effective.asMap().keySet().removeIf(key -> key.tenantId().equals(tenant));
            }
        });
        Versioned saved = latest(cls).orElseThrow();
        audit.record(AuditedAction.of("vee_settings.saved", "vee_settings", cls, previous, saved));
        return saved;
    }

    @Transactional(readOnly = true)
    List<Versioned> current() {
        List<Versioned> all = new ArrayList<>();
        all.add(latest(DEFAULT_CLASS).orElseGet(() -> new Versioned(DEFAULT_CLASS, 0, VeeSettings.defaults(), null, "built-in")));
        for (MeterCategory category : MeterCategory.values()) latest(category.name()).ifPresent(all::add);
        return all;
    }

    @Transactional(readOnly = true)
    List<Versioned> versions(String meterClass) {
        return jdbc.sql("select * from vee_settings where meter_class = ? order by version desc")
                .param(checkedClass(meterClass)).query(this::map).list();
    }

    private java.util.Optional<Versioned> latest(String meterClass) {
        return jdbc.sql("select * from vee_settings where meter_class = ? order by version desc limit 1")
                .param(meterClass).query(this::map).optional();
    }

    private Versioned map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Versioned(rs.getString("meter_class"), rs.getInt("version"),
                json.readValue(rs.getString("config"), VeeSettings.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static String checkedClass(String meterClass) {
        String cls = meterClass.toUpperCase(java.util.Locale.ROOT);
        if (cls.equals(DEFAULT_CLASS)) return cls;
        try {
            return MeterCategory.valueOf(cls).name();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Meter class", meterClass);
        }
    }
}
