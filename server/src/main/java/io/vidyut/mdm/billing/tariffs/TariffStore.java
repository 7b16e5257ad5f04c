package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's tariff versions (row-level security keeps them to it). Versions are only ever added: the
 * one in force on a day is the latest effective on or before it, the higher version of two effective the same day.
 */
@Component
class TariffStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    TariffStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A stored version: its number, who made it and when, the tariff and the warnings it was accepted with. */
    record TariffVersion(UUID id, int version, LocalDate effectiveFrom, String name, List<String> warnings, String createdBy,
                   Instant createdAt, Tariff tariff) {}

    /** Call in the caller's transaction: the version number is the tenant's next, two adds at once wait in turn. */
    TariffVersion add(Tariff tariff, List<String> warnings, String user) {
        UUID id = UUID.randomUUID();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('billing_tariff:' || ?, 0))")
                .param(TenantContext.requireTenantId().toString()).query(Object.class).optional();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from billing_tariff").query(Integer.class).single();
        jdbc.sql("""
                        insert into billing_tariff (id, tenant_id, version, effective_from, name, body, warnings, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), version, tariff.effectiveFrom(), tariff.name(),
                        json.writeValueAsString(tariff), json.writeValueAsString(warnings), user, Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    /** Every version, the latest effective first. */
    List<TariffVersion> list() {
        return jdbc.sql("select * from billing_tariff order by effective_from desc, version desc").query(this::version).list();
    }

    Optional<TariffVersion> find(UUID id) {
        return jdbc.sql("select * from billing_tariff where id = ?").param(id).query(this::version).optional();
    }

    Optional<TariffVersion> inForceOn(LocalDate day) {
        return jdbc.sql("select * from billing_tariff where effective_from <= ? order by effective_from desc, version desc limit 1")
                .param(day).query(this::version).optional();
    }

    private TariffVersion version(ResultSet rs, int row) throws SQLException {
        return new TariffVersion(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                rs.getString("name"), json.readValue(rs.getString("warnings"), STRINGS), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), json.readValue(rs.getString("body"), Tariff.class));
    }
}
