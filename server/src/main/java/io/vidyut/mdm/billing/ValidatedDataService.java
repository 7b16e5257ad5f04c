package io.vidyut.mdm.billing;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.readings.ConsumptionService;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.readings.Resolution;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.VeeStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds billing-grade data and records that billing took it (so later corrections are announced). */
@Service
class ValidatedDataService {
    static final Duration LONGEST_RANGE = Duration.ofDays(93);
    private static final Set<Channel> CUMULATIVE = EnumSet.of(Channel.KWH_IMPORT_TOTAL, Channel.KWH_EXPORT_TOTAL,
            Channel.KVAH_IMPORT_TOTAL, Channel.KVAH_EXPORT_TOTAL, Channel.MD_KW, Channel.MD_KVA);

    private final ReadingStore store;
    private final ConsumptionService consumption;
    private final MeterService meters;
    private final VeeStatus vee;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;

    ValidatedDataService(ReadingStore store, ConsumptionService consumption, MeterService meters, VeeStatus vee,
                         TenantDirectory tenants, JdbcClient jdbc) {
        this.store = store;
        this.consumption = consumption;
        this.meters = meters;
        this.vee = vee;
        this.tenants = tenants;
        this.jdbc = jdbc;
    }

    @Transactional
    ValidatedData take(UUID meterId, UUID consumerId, Channel channel, Instant from, Instant to, Resolution resolution, String user) {
        if ((meterId == null) == (consumerId == null)) throw FieldErrorsException.of("meter_id", "give meter_id or consumer_id");
        if (channel.kind() != ChannelKind.INTERVAL) throw FieldErrorsException.of("channel", channel + " is not an interval channel");
        if (!from.isBefore(to)) throw FieldErrorsException.of("from", "must be before 'to'");
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw FieldErrorsException.of("to", "range is limited to " + LONGEST_RANGE.toDays() + " days");
        }
        Meter meter = meterId != null ? meters.get(meterId) : meterOf(consumerId);
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        List<IntervalDay> days = store.days(meter.id(), channel, IntervalDay.dayOf(from, zone, 1), IntervalDay.dayOf(to, zone, 1));
        List<VeeStatus.Withheld> withheld = vee.withheld(meter.id(), channel, from, to);
        List<VeeStatus.EstimateRun> estimates = vee.estimates(meter.id(), channel, from, to);
        int minutes = days.isEmpty() ? 15 : days.get(0).intervalMinutes();
        if (!resolution.coarserOrEqual(minutes)) throw FieldErrorsException.of("resolution", "this meter records " + minutes + "-minute intervals");

        List<ValidatedData.ValidatedPoint> points = new ArrayList<>();
        long totalSum = 0, totalCount = 0, held = 0, missing = 0;
        ZonedDateTime bucket = resolution.bucketStart(from.atZone(zone));
        while (bucket.toInstant().isBefore(to)) {
            ZonedDateTime next = resolution.next(bucket);
            long sum = 0;
            int present = 0, expected = 0, worst = 0;
            boolean blocked = false;
            Set<EstimationMethod> methods = EnumSet.noneOf(EstimationMethod.class);
            for (Instant end = bucket.toInstant().plusSeconds(minutes * 60L); !end.isAfter(next.toInstant()) && !end.isAfter(to);
                 end = end.plusSeconds(minutes * 60L)) {
                if (!end.isAfter(from)) continue;
                expected++;
                Instant at = end;
                if (withheld.stream().anyMatch(w -> !at.isBefore(w.firstAt()) && !at.isAfter(w.lastAt()))) {
                    blocked = true;
                    held++;
                    continue;
                }
                IntervalDay day = dayOf(days, IntervalDay.dayOf(end, zone, 1));
                Integer value = day == null ? null : day.values()[day.slotOf(end, zone)];
                if (value == null) {
                    missing++;
                    continue;
                }
                int quality = day.quality()[day.slotOf(end, zone)];
                if (ValidatedData.grade(quality).compareTo(ValidatedData.grade(worst)) > 0) worst = quality;
                if (ValidatedData.grade(quality) == ValidatedData.Grade.ESTIMATED) {
                    estimates.stream().filter(e -> !at.isBefore(e.firstAt()) && !at.isAfter(e.lastAt()))
                            .reduce((a, b) -> b).ifPresent(e -> methods.add(e.method()));
                }
                sum += value;
                present++;
            }
            boolean complete = !blocked && present == expected && expected > 0;
            if (expected > 0) {
                points.add(new ValidatedData.ValidatedPoint(bucket.toOffsetDateTime(), next.toOffsetDateTime(),
                        complete ? channel.fromUnits(sum) : null, ValidatedData.grade(worst), methods, present, expected));
            }
            if (!blocked) {
                totalSum += sum;
                totalCount += present;
            }
            bucket = next;
        }
        List<ConsumptionService.RegisterRead> registers = consumption.registers(meter.id(), null, from, to.plusSeconds(1)).stream()
                .filter(r -> CUMULATIVE.contains(r.channel()))
                .filter(r -> vee.withheld(meter.id(), r.channel(), r.readAt().toInstant().minusSeconds(1), r.readAt().toInstant()).isEmpty())
                .toList();
        jdbc.sql("insert into billing_data_taken (tenant_id, meter_id, first_at, last_at, taken_by) values (?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenantId(), meter.id(), Timestamp.from(from), Timestamp.from(to), user).update();
        return new ValidatedData(meter.id(), channel, channel.unit(), resolution.code(), from.atZone(zone).toOffsetDateTime(),
                to.atZone(zone).toOffsetDateTime(), points,
                withheld.stream().map(w -> new ValidatedData.Withheld(w.exceptionId(), w.rule().name(),
                        w.firstAt().atZone(zone).toOffsetDateTime(), w.lastAt().atZone(zone).toOffsetDateTime())).toList(),
                registers, new ValidatedData.Totals(channel.fromUnits(totalSum), totalCount, held, missing));
    }

    private Meter meterOf(UUID consumerId) {
        return meters.list(new MeterService.MeterFilter(null, null, null, null, null, consumerId, null, null), new PageRequest(0, 1))
                .items().stream().findFirst().orElseThrow(() -> new NotFoundException("Meter of consumer", consumerId));
    }

    private static IntervalDay dayOf(List<IntervalDay> days, java.time.LocalDate day) {
        for (IntervalDay d : days) if (d.day().equals(day)) return d;
        return null;
    }

}
