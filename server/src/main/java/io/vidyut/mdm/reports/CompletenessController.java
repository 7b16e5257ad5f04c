package io.vidyut.mdm.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data completeness of a tenant-local day and the recent ingest rate, per HES vendor: what the overview shows. Reads
 * the registry, the interval store, open VEE exceptions and the batch inbox with plain SQL inside the caller's tenant
 * (row-level security keeps it to that tenant); the path stays under {@code /ingest}, where clients know it.
 */
@RestController
@Tag(name = "Reports", description = "Reports across modules: data completeness, storage")
class CompletenessController {
    /** The interval length assumed for a meter that has sent nothing that day. */
    static final int DEFAULT_INTERVAL_MINUTES = 15;
    private static final Channel CHANNEL = Channel.KWH_IMPORT;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantDirectory tenants;
    private final Clock clock;

    CompletenessController(JdbcClient jdbc, TransactionTemplate transactions, TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.clock = clock;
    }

    record VendorCompleteness(UUID vendorId, String vendorCode, long meters, long expectedIntervals,
                              long receivedIntervals, long estimatedIntervals, long validatedIntervals,
                              BigDecimal receivedShare, BigDecimal validatedShare,
                              long batches, long rowsAccepted, BigDecimal rowsPerMinute) {}

    record Completeness(LocalDate day, String channel, Instant asOf, Instant rateSince, int rateWindowMinutes,
                        List<VendorCompleteness> vendors) {}

    @GetMapping("/api/v1/ingest/completeness")
    @Roles.Readers
    @Operation(summary = "Per HES vendor: share of expected intervals received and validated on a day, and the ingest rate",
            description = """
                    `day` is a tenant-local date (default today). \
                    Expected: for each COMMISSIONED or IN_SERVICE meter of the vendor, the KWH_IMPORT intervals of \
                    the day that have ended (at the meter's interval length that day, 15 minutes if it sent \
                    nothing). Received: those holding a value that is not an estimate. Validated: those holding \
                    a value (received or estimated) outside every open blocking VEE exception. The rate counts \
                    reading batches and rows accepted in the last `window_minutes` (default 60, 1-1440).""")
    Completeness completeness(@RequestParam(required = false) LocalDate day,
                              @RequestParam(name = "window_minutes", defaultValue = "60") int windowMinutes) {
        if (windowMinutes < 1 || windowMinutes > 1440) {
            throw FieldErrorsException.of("window_minutes", "must be between 1 and 1440");
        }
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        Instant now = clock.instant();
        LocalDate theDay = day != null ? day : LocalDate.now(clock.withZone(zone));
        Instant dayStart = theDay.atStartOfDay(zone).toInstant();
        Instant dayEnd = theDay.plusDays(1).atStartOfDay(zone).toInstant();
        Instant until = now.isBefore(dayEnd) ? now : dayEnd;
        long elapsedMinutes = Math.max(0, Duration.between(dayStart, until).toMinutes());
        Instant rateSince = now.minus(Duration.ofMinutes(windowMinutes));

        return transactions.execute(tx -> {
            Map<UUID, long[]> rates = new HashMap<>();
            jdbc.sql("""
                            select vendor_id, count(*), coalesce(sum(rows_accepted), 0) from ingest_batch
                             where received_at > ? and batch_key not like 'events:%' group by vendor_id""")
                    .params(Timestamp.from(rateSince))
                    .query(rs -> { rates.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)}); });
            List<VendorCompleteness> vendors = jdbc.sql("""
                            with expected as (
                              select m.id as meter_id, m.hes_vendor_id as vendor_id,
                                     coalesce(d.interval_minutes, :default_minutes) as minutes, d.vals, d.quality
                                from meter m
                                left join interval_day d on d.meter_id = m.id and d.channel = :channel and d.day = :day
                               where m.lifecycle_stage in ('COMMISSIONED', 'IN_SERVICE') and m.hes_vendor_id is not null
                            ), per_meter as (
                              select e.meter_id, e.vendor_id,
                                     least(1440 / e.minutes, :elapsed / e.minutes) as expected, s.received, s.estimated
                                from expected e
                                cross join lateral (
                                  select count(*) filter (where e.quality is null or get_byte(e.quality, i - 1) & 2 = 0) as received,
                                         count(*) filter (where e.quality is not null and get_byte(e.quality, i - 1) & 2 <> 0) as estimated
                                    from generate_series(1, least(cardinality(e.vals), :elapsed / e.minutes)) i
                                   where e.vals[i] is not null) s
                            ), withheld as (
                              select x.meter_id, count(distinct s.i) as held
                                from vee_exception x
                                join interval_day d on d.meter_id = x.meter_id and d.channel = x.channel and d.day = :day
                                cross join lateral generate_series(1, least(cardinality(d.vals), :elapsed / d.interval_minutes)) s(i)
                               where x.status = 'OPEN' and x.blocking and x.channel = :channel
                                 and x.first_at < :day_end and x.last_at > :day_start and d.vals[s.i] is not null
                                 and cast(:day_start as timestamptz) + make_interval(mins => s.i * d.interval_minutes) between x.first_at and x.last_at
                               group by x.meter_id
                            )
                            select v.id, v.code, count(p.meter_id) as meters, coalesce(sum(p.expected), 0) as expected,
                                   coalesce(sum(p.received), 0) as received, coalesce(sum(p.estimated), 0) as estimated,
                                   coalesce(sum(p.received + p.estimated - coalesce(w.held, 0)), 0) as validated
                              from hes_vendor v
                              left join per_meter p on p.vendor_id = v.id
                              left join withheld w on w.meter_id = p.meter_id
                             group by v.id, v.code
                             order by v.code""")
                    .param("default_minutes", DEFAULT_INTERVAL_MINUTES)
                    .param("channel", CHANNEL.code())
                    .param("day", theDay)
                    .param("elapsed", (int) elapsedMinutes)
                    .param("day_start", Timestamp.from(dayStart))
                    .param("day_end", Timestamp.from(dayEnd))
                    .query((rs, n) -> {
                        UUID vendorId = rs.getObject(1, UUID.class);
                        long expected = rs.getLong("expected"), received = rs.getLong("received");
                        long validated = rs.getLong("validated");
                        long[] rate = rates.getOrDefault(vendorId, new long[2]);
                        return new VendorCompleteness(vendorId, rs.getString(2), rs.getLong("meters"), expected, received,
                                rs.getLong("estimated"), validated, ratio(received, expected), ratio(validated, expected),
                                rate[0], rate[1], BigDecimal.valueOf(rate[1]).divide(BigDecimal.valueOf(windowMinutes), 2,
                                        RoundingMode.HALF_UP));
                    })
                    .list();
            return new Completeness(theDay, CHANNEL.name(), now, rateSince, windowMinutes, vendors);
        });
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(Math.min(part, whole))
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
