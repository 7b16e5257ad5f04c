package io.vidyut.mdm.tenancy;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Tenant records. Creating and listing tenants is platform work; a tenant may read itself. */
@Service
class TenantService implements TenantDirectory {
    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<UUID, ZoneId> zones = new java.util.concurrent.ConcurrentHashMap<>();

    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;

    TenantService(JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Tenant> list() {
        return jdbc.sql("select * from tenant order by code").query(this::map).list();
    }

    /** Any tenant by code, whatever the caller's scope (sign-in, tenant switching, seeding). */
    @Override
    public Optional<Tenant> findByCode(String code) {
        return TenantContext.callAs(TenantScope.platformScope(), () -> transactions.execute(status -> find(code)));
    }

    /** A tenant by code as the current scope sees it (a tenant sees only itself). */
    @Transactional(readOnly = true)
    public Tenant get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Tenant", code));
    }

    private Optional<Tenant> find(String code) {
        return jdbc.sql("select * from tenant where code = ?").param(code).query(this::map).optional();
    }

    @Override
    @Transactional
    public Tenant create(NewTenant tenant) {
        ZoneId zone = zone(tenant.timeZone());
        String state = tenant.state() == null ? null : state(tenant.state());
        if (find(tenant.code()).isPresent()) {
            throw new ConflictException("Tenant code " + tenant.code() + " is taken");
        }
        jdbc.sql("insert into tenant (id, code, name, time_zone, state) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenant.code(), tenant.name(), zone.getId(), state).update();
        Tenant created = get(tenant.code());
        audit.record(AuditedAction.of("tenant.created", "tenant", created.id(), null, created));
        return created;
    }

    @Override
    public List<Tenant> all() {
        return TenantContext.callAs(TenantScope.platformScope(), () -> transactions.execute(status -> list()));
    }

    @Override
    public Optional<Tenant> findById(UUID tenantId) {
        return TenantContext.callAs(TenantScope.platformScope(), () -> transactions.execute(status ->
                jdbc.sql("select * from tenant where id = ?").param(tenantId).query(this::map).optional()));
    }

    @Override
    public ZoneId zoneOf(UUID tenantId) {
        return zones.computeIfAbsent(tenantId, id -> TenantContext.callAs(TenantScope.platformScope(), () ->
                transactions.execute(status -> jdbc.sql("select time_zone from tenant where id = ?").param(id)
                        .query(String.class).optional()))
                .map(ZoneId::of).orElseThrow(() -> new NotFoundException("Tenant", id)));
    }

    @Override
    public Tenant mergeSettings(String code, Map<String, Object> settings) {
        return TenantContext.callAs(TenantScope.platformScope(), () -> transactions.execute(status -> {
            Map<String, Object> merged = new java.util.LinkedHashMap<>(get(code).settings());
            merged.putAll(settings);
            return update(code, new Changes(null, null, null, merged));
        }));
    }

    /** What an update changes; a null field is left as it is. */
    record Changes(String name, String timeZone, String state, Map<String, Object> settings) {}

    @Transactional
    public Tenant update(String code, Changes changes) {
        Tenant existing = get(code);
        String name = changes.name();
        String timeZone = changes.timeZone();
        Map<String, Object> settings = changes.settings();
        if (settings != null) {
            RetentionPolicy.of(settings);
            PushRates.of(settings);
            HesNetworks.of(settings);
            DirectorySettings.of(settings);
        }
        jdbc.sql("update tenant set name = ?, time_zone = ?, state = ?, settings = ?::jsonb where id = ?")
                .params(name == null ? existing.name() : name,
                        timeZone == null ? existing.timeZone().getId() : zone(timeZone).getId(),
                        changes.state() == null ? existing.state() : state(changes.state()),
                        json.writeValueAsString(settings == null ? existing.settings() : settings),
                        existing.id())
                .update();
        zones.remove(existing.id());
        Tenant updated = get(code);
        audit.record(AuditedAction.of("tenant.updated", "tenant", existing.id(), existing, updated));
        return updated;
    }

    /**
     * A tenant's day boundaries follow its zone, and the interval store lays out a day as 24 hours: a zone that will
     * still change its clocks (daylight saving) would lose or fold an hour on those days, so it is refused until the
     * store lays days out by their real length. India's zone has not changed since 1945.
     */
    private ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) return ZoneId.of("Asia/Kolkata");
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw FieldErrorsException.of("time_zone", "unknown time zone " + timeZone);
        }
        if (zone.getRules().nextTransition(clock.instant()) != null) {
            throw FieldErrorsException.of("time_zone", timeZone + " still changes its clocks (daylight saving), which the "
                    + "interval store's 24-hour days do not support yet; choose a zone with a fixed offset");
        }
        return zone;
    }

    /** The state's name as the list spells it, so "haryana" and "Haryana " are stored as "Haryana". */
    private static String state(String name) {
        return IndianState.named(name).map(IndianState::name).orElseThrow(() -> FieldErrorsException.of("state",
                "not a state or union territory of India: " + name + " (see GET /api/v1/platform/states)"));
    }

    private Tenant map(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("state"), ZoneId.of(rs.getString("time_zone")), json.readValue(rs.getString("settings"), SETTINGS),
                rs.getTimestamp("created_at").toInstant());
    }
}
