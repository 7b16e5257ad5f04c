package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored determinants, one version per consumer and period each time a run computes it; the latest version is the
 * one that counts, earlier ones are SUPERSEDED and kept. Calls join the caller's transaction.
 */
@Component
class DeterminantStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final Clock clock;

    DeterminantStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
    }

    enum Status { READY, EXCEPTION, ACCEPTED, SUPERSEDED }

    /** A stored version: the determinants and where they stand. */
    record Stored(UUID id, UUID runId, int version, Status status, UUID dtId, String acceptedBy, String acceptedReason,
                  Instant createdAt, Billed billed, CycleDeterminants determinants) {}

    /**
     * The billing system's acknowledgement: the latest bill it posted (billing webhook, BILL_GENERATED) for the
     * consumer and exactly this period; absent until then.
     */
    record Billed(String billNumber, LocalDate billDate, BigDecimal total, Instant receivedAt) {}

    /** A determinants row with the bill acknowledging its consumer-period, if any. */
    private static final String SELECT = """
            select d.*, b.bill_number, b.bill_date, b.total, b.received_at as billed_at from billing_determinant d
              left join lateral (select bill_number, bill_date, total, received_at from billing_bill b
                                  where b.consumer_id = d.consumer_id and b.period_from = d.first_day and b.period_to = d.last_day
                                  order by received_at desc limit 1) b on true""";

    /** Per consumer: cycles of the financial year before this period whose MD stood above the load, and the bank. */
    record YearSoFar(Map<UUID, Integer> exceedances, Map<UUID, BigDecimal> bankedKwh) {}

    /** The financial year (April–March) holding a day: its first day. */
    static LocalDate financialYearStart(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
    }

    /**
     * Earlier cycles of the period's financial year (each period counted once, by its latest version): how many
     * exceeded the sanctioned load, and the bank closed by the period just before (a new year starts with none).
     */
    YearSoFar yearSoFar(Collection<UUID> consumerIds, CycleInput.Period period) {
        UUID[] ids = consumerIds.toArray(UUID[]::new);
        LocalDate yearStart = financialYearStart(period.firstDay());
        Map<UUID, Integer> exceedances = new HashMap<>();
        jdbc.sql("""
                        select consumer_id, count(distinct (first_day, last_day)) from billing_determinant
                         where consumer_id = any(?) and status <> 'SUPERSEDED' and md_exceeds and last_day >= ? and last_day < ?
                         group by consumer_id""")
                .params(ids, yearStart, period.firstDay())
                .query(rs -> {
                    exceedances.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        Map<UUID, BigDecimal> banked = new HashMap<>();
        jdbc.sql("""
                        select consumer_id, banked_closing from billing_determinant
                         where consumer_id = any(?) and status <> 'SUPERSEDED' and last_day = ? and last_day >= ?
                           and banked_closing is not null""")
                .params(ids, period.firstDay().minusDays(1), yearStart)
                .query(rs -> {
                    banked.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                });
        return new YearSoFar(exceedances, banked);
    }

    /** Stores a run's results as each consumer-period's next version, superseding the one before. */
    void save(UUID runId, List<DeterminantComputer.Result> results) {
        if (results.isEmpty()) return;
        CycleDeterminants first = results.get(0).determinants();
        UUID[] ids = results.stream().map(r -> r.determinants().consumerId()).toArray(UUID[]::new);
        Map<UUID, Integer> latest = new HashMap<>();
        jdbc.sql("""
                        update billing_determinant set status = 'SUPERSEDED'
                         where consumer_id = any(?) and first_day = ? and last_day = ? and status <> 'SUPERSEDED'""")
                .params(ids, first.firstDay(), first.lastDay()).update();
        jdbc.sql("select consumer_id, max(version) from billing_determinant where consumer_id = any(?) and first_day = ? and last_day = ? group by consumer_id")
                .params(ids, first.firstDay(), first.lastDay())
                .query(rs -> {
                    latest.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        UUID tenant = TenantContext.requireTenantId();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(results.size());
        for (DeterminantComputer.Result result : results) {
            CycleDeterminants d = result.determinants();
            rows.add(new Object[] {UUID.randomUUID(), tenant, runId, d.consumerId(), d.accountNo(), d.category(), result.dtId(),
                    d.firstDay(), d.lastDay(), latest.getOrDefault(d.consumerId(), 0) + 1,
                    (d.held() ? Status.EXCEPTION : Status.READY).name(), d.energy().kwhImport(), d.energy().kwhExport(),
                    d.demand().mdKw(), d.demand().exceedsLoad(),
                    d.netMetering() == null ? null : d.netMetering().bankedClosingKwh(), d.coverage().estimatedShare(),
                    d.dataVersion(), json.writeValueAsString(d), now});
        }
        template.batchUpdate("""
                insert into billing_determinant (id, tenant_id, run_id, consumer_id, account_no, category, dt_id, first_day, last_day,
                       version, status, kwh_import, kwh_export, md_kw, md_exceeds, banked_closing, estimated_share, data_version,
                       body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", rows);
    }

    /** Consumers of a run already stored (a resumed run skips them). */
    List<UUID> consumersOf(UUID runId) {
        return jdbc.sql("select consumer_id from billing_determinant where run_id = ?").param(runId).query(UUID.class).list();
    }

    Stored get(UUID id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("Billing determinants", id));
    }

    /** Every version of a consumer's period, the latest first. */
    List<Stored> history(UUID consumerId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql(SELECT + " where d.consumer_id = ? and d.first_day = ? and d.last_day = ? order by d.version desc")
                .params(consumerId, firstDay, lastDay).query(this::map).list();
    }

    /** A person accepts an exception's determinants for billing as they stand. */
    boolean accept(UUID id, String user, String reason) {
        return jdbc.sql("update billing_determinant set status = 'ACCEPTED', accepted_by = ?, accepted_reason = ? where id = ? and status = 'EXCEPTION'")
                .params(user, reason, id).update() == 1;
    }

    /** Query of the latest versions, for the summary and the exception queue. */
    record Filter(UUID runId, LocalDate firstDay, LocalDate lastDay, Collection<UUID> dtIds, String category, String accountNo,
                  Status status) {}

    List<Stored> find(Filter filter, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by d.last_day desc, d.account_no offset :offset limit :limit")
                .params(params).query(this::map).list();
    }

    long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) from billing_determinant d" + where).params(params).query(Long.class).single();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where d.status <> 'SUPERSEDED'");
        condition(where, params, "d.run_id = :run", "run", filter.runId());
        condition(where, params, "d.last_day >= :first", "first", filter.firstDay());
        condition(where, params, "d.last_day <= :last", "last", filter.lastDay());
        condition(where, params, "d.dt_id = any(:dts)", "dts", filter.dtIds() == null ? null : filter.dtIds().toArray(UUID[]::new));
        condition(where, params, "d.category = :category", "category", filter.category());
        condition(where, params, "d.account_no = :account", "account", filter.accountNo());
        condition(where, params, "d.status = :status", "status", filter.status() == null ? null : filter.status().name());
        return where.toString();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String sql, String name, Object value) {
        if (value == null) return;
        where.append(" and ").append(sql);
        params.put(name, value);
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), rs.getInt("version"),
                Status.valueOf(rs.getString("status")), rs.getObject("dt_id", UUID.class), rs.getString("accepted_by"),
                rs.getString("accepted_reason"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("bill_number") == null ? null : new Billed(rs.getString("bill_number"),
                        rs.getObject("bill_date", LocalDate.class), rs.getBigDecimal("total"), rs.getTimestamp("billed_at").toInstant()),
                json.readValue(rs.getString("body"), CycleDeterminants.class));
    }
}
