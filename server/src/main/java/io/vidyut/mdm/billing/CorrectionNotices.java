package io.vidyut.mdm.billing;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingsStored;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns any change of data billing already took into a "corrected data" notice, in the changing transaction, so
 * billing can re-bill: a person's edit ({@link IntervalsCorrected}), and every stored value a write replaced
 * ({@link ReadingsStored}: a late actual over an estimate, a changed re-send, a new estimate). Each notice is also
 * published as {@link CorrectionAnnounced}, which webhooks and the feed send on. Data billing never took needs no notice.
 */
@Component
class CorrectionNotices {
    private static final Logger log = LoggerFactory.getLogger(CorrectionNotices.class);
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CorrectionNotices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(IntervalsCorrected corrected) {
        CorrectionNotice notice = new CorrectionNotice(UUID.randomUUID(), corrected.meterId(), corrected.channel().name(),
                corrected.firstAt(), corrected.lastAt(), CorrectionNotice.Cause.EDIT, null, null, null,
                corrected.channel().unit(), corrected.editId(), corrected.correctedBy(), clock.instant());
        taken(List.of(notice)).forEach(taken -> announce(corrected.tenantId(), taken));
    }

    /**
     * Most writes only fill missing intervals and store new register reads, and cost nothing here; a write that
     * changed values costs one query for all of them, whatever their number (a re-sent month of a feeder).
     */
    @EventListener
    void on(ReadingsStored stored) {
        List<CorrectionNotice> candidates = new ArrayList<>();
        for (ChangedSpans.Span span : ChangedSpans.of(stored)) {
            candidates.add(new CorrectionNotice(UUID.randomUUID(), span.meterId(), span.channel().name(),
                    span.firstAt(), span.lastAt(), span.cause(), span.intervals(), span.channel().fromUnits(span.previous()),
                    span.channel().fromUnits(span.value()), span.channel().unit(), null, stored.source(), clock.instant()));
        }
        if (!stored.replacedRegisters().isEmpty()) {
            Map<Reading.Key, Reading> after = new HashMap<>();
            stored.registers().forEach(read -> after.put(read.key(), read));
            for (Reading before : stored.replacedRegisters()) {
                Reading now = after.get(before.key());
                if (now == null) continue;
                candidates.add(new CorrectionNotice(UUID.randomUUID(), before.meterId(), before.channel().name(), before.at(),
                        before.at(), CorrectionNotice.Cause.RESEND, null, before.channel().fromUnits(before.value()),
                        now.channel().fromUnits(now.value()), before.channel().unit(), null, stored.source(), clock.instant()));
            }
        }
        taken(candidates).forEach(notice -> announce(stored.tenantId(), notice));
    }

    /** The notices whose meter and span billing took data of, in one query. */
    private List<CorrectionNotice> taken(List<CorrectionNotice> candidates) {
        if (candidates.isEmpty()) return List.of();
        UUID[] meters = new UUID[candidates.size()];
        String[] firsts = new String[candidates.size()], lasts = new String[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            meters[i] = candidates.get(i).meterId();
            firsts[i] = candidates.get(i).firstAt().toString();
            lasts[i] = candidates.get(i).lastAt().toString();
        }
        List<Integer> taken = jdbc.sql("""
                        select k.n::int from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) with ordinality
                                             as k(meter_id, first_at, last_at, n)
                         where exists (select 1 from billing_data_taken t
                                        where t.meter_id = k.meter_id and t.first_at <= k.last_at and t.last_at >= k.first_at)
                         order by k.n""")
                .params(meters, firsts, lasts)
                .query(Integer.class).list();
        return taken.stream().map(n -> candidates.get(n - 1)).toList();
    }

    private void announce(UUID tenantId, CorrectionNotice notice) {
        jdbc.sql("""
                insert into billing_correction (id, tenant_id, meter_id, channel, first_at, last_at, cause, intervals,
                                                previous_value, value, edit_id, corrected_by, announced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(notice.id(), tenantId, notice.meterId(), Channel.valueOf(notice.channel()).code(),
                        Timestamp.from(notice.firstAt()), Timestamp.from(notice.lastAt()), notice.cause().name(),
                        notice.intervals(), notice.previousValue(), notice.value(), notice.editId(), notice.correctedBy(),
                        Timestamp.from(notice.announcedAt()))
                .update();
        events.publishEvent(new CorrectionAnnounced(tenantId, notice));
        log.info("Corrected data announced to billing ({}): meter {} {} {}..{}", notice.cause(), notice.meterId(),
                notice.channel(), notice.firstAt(), notice.lastAt());
    }

    @Transactional(readOnly = true)
    List<CorrectionNotice> since(Instant since) {
        return jdbc.sql("""
                        select id, meter_id, channel, first_at, last_at, cause, intervals, previous_value, value, edit_id,
                               corrected_by, announced_at
                          from billing_correction where announced_at >= ? order by announced_at, id limit 10000""")
                .param(Timestamp.from(since))
                .query((rs, n) -> {
                    Channel channel = Channel.ofCode(rs.getInt("channel"));
                    return new CorrectionNotice(rs.getObject("id", UUID.class), rs.getObject("meter_id", UUID.class),
                            channel.name(), rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(),
                            CorrectionNotice.Cause.valueOf(rs.getString("cause")), (Integer) rs.getObject("intervals"),
                            stripped(rs.getBigDecimal("previous_value")), stripped(rs.getBigDecimal("value")), channel.unit(),
                            rs.getObject("edit_id", UUID.class), rs.getString("corrected_by"),
                            rs.getTimestamp("announced_at").toInstant());
                })
                .list();
    }


    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
