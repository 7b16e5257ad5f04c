package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.billing.DayCharges.DayCharge;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which days of which accounts were charged, from which data version, for how much. */
@Component
class DayChargeStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DayChargeStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A day as charged. */
    record Charged(UUID accountId, LocalDate day, long dataVersion, BigDecimal kwh, BigDecimal total) {}

    /**
     * Records the days as charged, each only if it was not already (another sweep, another instance): returns the
     * accounts whose day this call recorded, the only ones to post.
     */
    Set<UUID> claim(Map<UUID, DayCharge> byAccount, Instant now) {
        if (byAccount.isEmpty()) return Set.of();
        int n = byAccount.size();
        UUID[] accounts = new UUID[n], tariffs = new UUID[n];
        Long[] versions = new Long[n], intervals = new Long[n], expected = new Long[n];
        String[] kwh = new String[n], totals = new String[n]; // numeric as text: exact, and cast in the statement
        LocalDate day = null;
        int i = 0;
        for (Map.Entry<UUID, DayCharge> e : byAccount.entrySet()) {
            DayCharge charge = e.getValue();
            day = charge.day();
            accounts[i] = e.getKey();
            tariffs[i] = charge.tariffId();
            versions[i] = charge.dataVersion();
            intervals[i] = charge.intervals();
            expected[i] = charge.expected();
            kwh[i] = charge.kwhImport().toPlainString();
            totals[i++] = DailyCharging.total(charge).toPlainString();
        }
        // one statement for the chunk: a day another sweep recorded first is skipped, and not returned
        return new HashSet<>(jdbc.sql("""
                        insert into prepaid_day_charge (tenant_id, account_id, day, data_version, tariff_id, kwh, total, intervals,
                                                        expected, charged_at)
                        select ?, a, ?, v, t, k, s, i, x, ? from unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::numeric[], ?::numeric[],
                                                                   ?::bigint[], ?::bigint[]) as u(a, v, t, k, s, i, x)
                        on conflict (account_id, day) do nothing returning account_id""")
                .params(TenantContext.requireTenantId(), day, Timestamp.from(now), accounts, versions, tariffs, kwh, totals, intervals,
                        expected)
                .query(UUID.class).list());
    }

    List<Charged> charged(Collection<UUID> accountIds, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select account_id, day, data_version, kwh, total from prepaid_day_charge
                         where account_id = any(?) and day between ? and ?""")
                .params(accountIds.toArray(UUID[]::new), first, last)
                .query((rs, n) -> new Charged(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    /** The latest charged days of an account, the latest first. */
    List<Charged> latest(UUID accountId, int days) {
        return jdbc.sql("select account_id, day, data_version, kwh, total from prepaid_day_charge where account_id = ? order by day desc limit ?")
                .params(accountId, days)
                .query((rs, n) -> new Charged(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    void repriced(List<Charged> days, Instant now) {
        List<Object[]> rows = days.stream().map(d -> new Object[] {d.dataVersion(), d.kwh(), d.total(), Timestamp.from(now), d.accountId(),
                Date.valueOf(d.day())}).toList();
        template.batchUpdate("update prepaid_day_charge set data_version = ?, kwh = ?, total = ?, charged_at = ? where account_id = ? and day = ?",
                rows, new int[] {Types.BIGINT, Types.NUMERIC, Types.NUMERIC, Types.TIMESTAMP, Types.OTHER, Types.DATE});
    }
}
