package io.vidyut.mdm.billing;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingsStored;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        if (!taken(corrected.meterId(), corrected.firstAt(), corrected.lastAt())) return;
        announce(corrected.tenantId(), new CorrectionNotice(UUID.randomUUID(), corrected.meterId(), corrected.channel().name(),
                corrected.firstAt(), corrected.lastAt(), CorrectionNotice.Cause.EDIT, null, null, null,
                corrected.channel().unit(), corrected.editId(), corrected.correctedBy(), clock.instant()));
    }

    /**
     * Most writes only fill missing intervals and store new register reads, and cost nothing here; changed values
     * cost one query per day row or register read.
     */
    @EventListener
    void on(ReadingsStored stored) {
        for (ChangedSpans.Span span : ChangedSpans.of(stored)) {
            if (!taken(span.meterId(), span.firstAt(), span.lastAt())) continue;
            announce(stored.tenantId(), new CorrectionNotice(UUID.randomUUID(), span.meterId(), span.channel().name(),
                    span.firstAt(), span.lastAt(), span.cause(), span.intervals(), value(span.channel(), span.previous()),
                    value(span.channel(), span.value()), span.channel().unit(), null, stored.source(), clock.instant()));
        }
        for (Reading before : stored.replacedRegisters()) {
            if (!taken(before.meterId(), before.at(), before.at())) continue;
            stored.registers().stream()
                    .filter(after -> after.meterId().equals(before.meterId()) && after.channel() == before.channel()
                            && after.at().equals(before.at()))
                    .findFirst()
                    .ifPresent(after -> announce(stored.tenantId(), new CorrectionNotice(UUID.randomUUID(), before.meterId(),
                            before.channel().name(), before.at(), before.at(), CorrectionNotice.Cause.RESEND, null,
                            value(before.channel(), before.value()), value(after.channel(), after.value()),
                            before.channel().unit(), null, stored.source(), clock.instant())));
        }
    }

    private boolean taken(UUID meterId, Instant firstAt, Instant lastAt) {
        return jdbc.sql("""
                        select exists (select 1 from billing_data_taken where meter_id = ? and first_at <= ? and last_at >= ?)""")
                .params(meterId, Timestamp.from(lastAt), Timestamp.from(firstAt))
                .query(Boolean.class).single();
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

    private static BigDecimal value(Channel channel, long fixedPoint) {
        return channel.resolution().multiply(BigDecimal.valueOf(fixedPoint)).stripTrailingZeros();
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
