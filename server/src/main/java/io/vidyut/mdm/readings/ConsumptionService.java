package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a meter's stored intervals back as a bucketed series, and its register reads. */
@Service
public class ConsumptionService {
    static final Duration MAX_RANGE = Duration.ofDays(800);
    private final JdbcClient jdbc;
    private final MeterService meters;
    private final TenantDirectory tenants;

    ConsumptionService(JdbcClient jdbc, MeterService meters, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.tenants = tenants;
    }

    public record RegisterRead(Channel channel, OffsetDateTime readAt, BigDecimal value, String unit,
                               java.util.Set<Quality> quality, int version) {}

    private record StoredDay(LocalDate day, int intervalMinutes, Integer[] values, byte[] quality) {}

    @Transactional(readOnly = true)
    public ConsumptionSeries series(UUID meterId, Channel channel, Instant from, Instant to, Resolution resolution) {
        if (channel.kind() != ChannelKind.INTERVAL) {
            throw FieldErrorsException.of("channel", channel + " is a register channel; read it from /registers");
        }
        if (!from.isBefore(to)) throw FieldErrorsException.of("from", "must be before 'to'");
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw FieldErrorsException.of("to", "range is limited to " + MAX_RANGE.toDays() + " days");
        }
        meters.get(meterId);
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        List<StoredDay> days = jdbc.sql("""
                        select day, interval_minutes, vals, quality from interval_day
                         where meter_id = ? and channel = ? and day between ? and ? order by day""")
                .params(meterId, channel.code(), start.toLocalDate().minusDays(1), end.toLocalDate())
                .query((rs, n) -> {
                    Integer[] values = (Integer[]) rs.getArray(3).getArray();
                    return new StoredDay(rs.getObject(1, LocalDate.class), rs.getInt(2), values,
                            DayRow.quality(rs.getBytes(4), values));
                })
                .list();
        int interval = days.isEmpty() ? 15 : days.get(0).intervalMinutes();
        if (!resolution.coarserOrEqual(interval)) {
            throw FieldErrorsException.of("resolution", "this meter records " + interval + "-minute intervals; "
                    + "choose " + interval + "m or coarser");
        }
        // bucket boundaries once, as epoch seconds; slots arrive in time order, so one forward walk assigns them
        List<ZonedDateTime> starts = new ArrayList<>();
        for (ZonedDateTime b = resolution.bucketStart(start); b.isBefore(end); b = resolution.next(b)) starts.add(b);
        long[] boundaries = new long[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) boundaries[i] = starts.get(i).toEpochSecond();
        boundaries[starts.size()] = starts.isEmpty() ? 0 : resolution.next(starts.get(starts.size() - 1)).toEpochSecond();
        long[] sums = new long[starts.size()];
        int[] counts = new int[starts.size()];
        int[] masks = new int[starts.size()];
        long from0 = start.toEpochSecond();
        long to0 = end.toEpochSecond();
        int bucket = 0;
        for (StoredDay day : days) {
            long midnight = day.day().atStartOfDay(zone).toEpochSecond();
            long length = day.intervalMinutes() * 60L;
            for (int slot = 0; slot < day.values().length; slot++) {
                if (day.values()[slot] == null) continue;
                long slotStart = midnight + slot * length;
                if (slotStart < from0 || slotStart + length > to0) continue;
                while (bucket + 1 < boundaries.length && slotStart >= boundaries[bucket + 1]) bucket++;
                sums[bucket] += day.values()[slot];
                counts[bucket]++;
                masks[bucket] |= day.quality()[slot];
            }
        }
        List<ConsumptionSeries.Point> points = new ArrayList<>(starts.size());
        long totalSum = 0, totalCount = 0, totalExpected = 0;
        for (int i = 0; i < starts.size(); i++) {
            long clippedFrom = Math.max(boundaries[i], from0);
            long clippedTo = Math.min(boundaries[i + 1], to0);
            int expected = (int) ((clippedTo - clippedFrom) / 60 / interval);
            points.add(new ConsumptionSeries.Point(starts.get(i).toOffsetDateTime(),
                    Instant.ofEpochSecond(boundaries[i + 1]).atZone(zone).toOffsetDateTime(),
                    value(channel, sums[i], counts[i]), Quality.of(masks[i]), counts[i], expected));
            totalSum += sums[i];
            totalCount += counts[i];
            totalExpected += expected;
        }
        BigDecimal completeness = totalExpected == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(totalCount).divide(BigDecimal.valueOf(totalExpected), 4, RoundingMode.HALF_UP);
        return new ConsumptionSeries(meterId, channel, channel.unit(), resolution, start.toOffsetDateTime(),
                end.toOffsetDateTime(), points,
                new ConsumptionSeries.Total(value(channel, totalSum, Math.toIntExact(totalCount)), totalCount, totalExpected, completeness));
    }

    /** Every version of the interval ending at {@code end}, collapsing day-row versions that left it alone. */
    @Transactional(readOnly = true)
    public IntervalHistory history(UUID meterId, Channel channel, Instant end) {
        if (channel.kind() != ChannelKind.INTERVAL) throw FieldErrorsException.of("channel", channel + " is a register channel");
        meters.get(meterId);
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        record Row(int minutes, Integer[] values, byte[] quality, Instant from, Instant to, String supersededBy) {}
        List<Row> rows = jdbc.sql("""
                        select interval_minutes, vals, quality, valid_from, superseded_at, superseded_by, version
                          from interval_day_history where meter_id = ? and channel = ? and day = ?
                        union all
                        select interval_minutes, vals, quality, updated_at, null, null, version
                          from interval_day where meter_id = ? and channel = ? and day = ?
                        order by 4, 7""")
                .params(meterId, channel.code(), DayKey.day(end, zone, 1), meterId, channel.code(), DayKey.day(end, zone, 1))
                .query((rs, n) -> {
                    Integer[] values = (Integer[]) rs.getArray(2).getArray();
                    return new Row(rs.getInt(1), values, DayRow.quality(rs.getBytes(3), values),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                            rs.getString(6));
                })
                .list();
        List<IntervalHistory.Version> versions = new ArrayList<>();
        String writtenBy = null;
        Integer lastValue = null;
        int lastQuality = -1;
        for (Row row : rows) {
            int slot = DayKey.slot(end, zone, row.minutes());
            Integer value = row.values()[slot];
            int quality = row.quality()[slot];
            boolean differs = versions.isEmpty() || !java.util.Objects.equals(value, lastValue) || quality != lastQuality;
            if (differs) {
                if (!versions.isEmpty()) {
                    IntervalHistory.Version previous = versions.remove(versions.size() - 1);
                    versions.add(new IntervalHistory.Version(previous.value(), previous.quality(), previous.validFrom(),
                            row.from().atZone(zone).toOffsetDateTime(), previous.writtenBy(), false));
                }
                versions.add(new IntervalHistory.Version(value == null ? null : value(channel, value, 1), Quality.of(quality),
                        row.from().atZone(zone).toOffsetDateTime(), null, writtenBy, row.to() == null));
                lastValue = value;
                lastQuality = quality;
            } else if (row.to() == null) {
                IntervalHistory.Version previous = versions.remove(versions.size() - 1);
                versions.add(new IntervalHistory.Version(previous.value(), previous.quality(), previous.validFrom(), null,
                        previous.writtenBy(), true));
            }
            writtenBy = row.supersededBy();
        }
        return new IntervalHistory(meterId, channel, end.atZone(zone).toOffsetDateTime(), channel.unit(), versions);
    }

    @Transactional(readOnly = true)
    public List<RegisterRead> registers(UUID meterId, Channel channel, Instant from, Instant to) {
        meters.get(meterId);
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        StringBuilder sql = new StringBuilder(
                "select channel, read_at, value, quality, version from register_read where meter_id = ? and read_at >= ? and read_at < ?");
        List<Object> params = new ArrayList<>(List.of(meterId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to)));
        if (channel != null) {
            sql.append(" and channel = ?");
            params.add(channel.code());
        }
        return jdbc.sql(sql + " order by read_at, channel limit 10000").params(params)
                .query((rs, n) -> {
                    Channel c = Channel.ofCode(rs.getInt(1));
                    return new RegisterRead(c, rs.getTimestamp(2).toInstant().atZone(zone).toOffsetDateTime(),
                            c.fromUnits(rs.getLong(3)), c.unit(),
                            Quality.of(rs.getInt(4)), rs.getInt(5));
                })
                .list();
    }

    /** A sum of fixed-point values in the channel's unit (the mean for an average channel); null when nothing was summed. */
    static BigDecimal value(Channel channel, long sum, int count) {
        if (count == 0) return null;
        BigDecimal total = channel.resolution().multiply(BigDecimal.valueOf(sum));
        BigDecimal value = channel.additive() ? total
                : total.divide(BigDecimal.valueOf(count), channel.resolution().scale() + 2, RoundingMode.HALF_UP);
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

}
