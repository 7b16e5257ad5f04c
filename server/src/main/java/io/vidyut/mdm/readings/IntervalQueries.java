package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.TypedId;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.sql.PreparedStatement;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored intervals of many meters read back in bulk, for the modules that bill, audit and report on them: the
 * day rows themselves, day and period totals per meter, and sums over a set of meters per day or month, each with
 * how complete it is. Every call is one query however many meters it names ({@code = any(?)} arrays), the arithmetic
 * done by the database; it joins the caller's transaction, so it sees the caller's uncommitted writes, under its
 * tenant's row-level security; and it is bounded: a call over {@link #MOST_METERS} meters, {@link #MOST_DAYS} days
 * or too many meter-days is refused with {@link TooLarge}.
 *
 * <p>An interval belongs to a {@link Range} when it <em>ends</em> in {@code (from, to]}, the store's own convention:
 * the tenant-local day D is the intervals ending from D 00:15 to D+1 00:00. Days and months are the tenant's (its
 * time zone); an interval lies in the day it starts in, as the store files it.
 */
@Component
public class IntervalQueries {
    /** Meters one call may name. */
    public static final int MOST_METERS = 10_000;
    /** Tenant-local days one call may span (a year and a month: a yearly report in months, a long billing cycle). */
    public static final int MOST_DAYS = 400;
    /** Day rows {@link #days} may return: meters × channels × days (a month of 1,000 meters' energy and voltage). */
    public static final long MOST_DAY_ROWS = 62_000;
    /** Meter-channel-days a total or a sum may add up (365 days of 2,700 meters, a month of 32,000 meter channels). */
    public static final long MOST_TALLIED_DAYS = 1_000_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TenantDirectory tenants;

    IntervalQueries(JdbcClient jdbc, JdbcTemplate template, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.template = template;
        this.tenants = tenants;
    }

    /** The intervals ending in {@code (from, to]}. */
    public record Range(Instant from, Instant to) {
        public Range {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) throw FieldErrorsException.of("to", "must be after 'from'");
        }

        /** Whole tenant-local days, {@code first} to {@code last} inclusive. */
        public static Range ofDays(LocalDate first, LocalDate last, ZoneId zone) {
            return new Range(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
        }

        /** Whether the interval ending at {@code end} belongs to the range. */
        public boolean holds(Instant end) {
            return end.isAfter(from) && !end.isAfter(to);
        }
    }

    /**
     * How complete a total is. Of the {@code expected} intervals (the range at the meter's interval length),
     * {@code present} are stored, {@code estimated} and {@code edited} of those carry that flag (a re-estimate by a
     * person carries both), and {@code missing} are not stored. A day with no stored row counts whole as missing, at
     * the meter's interval length (the shortest of its day rows in the query, 15 minutes when it has none).
     */
    public record Coverage(long expected, long present, long estimated, long edited, long missing) {
        public boolean complete() {
            return missing == 0;
        }
    }

    /**
     * One meter channel's tenant-local day: the sum of its intervals present in the range, in the channel's unit
     * (null when none is), and how complete it is.
     */
    public record DayTotal(MeterId meterId, Channel channel, LocalDate day, BigDecimal value, Coverage coverage) {}

    /** One meter channel's total over the whole range (a billing cycle, say). */
    public record PeriodTotal(MeterId meterId, Channel channel, BigDecimal value, Coverage coverage) {}

    /**
     * The energy of a set of meters on one channel in one day or month ({@code start}: its first day), clipped to
     * the query's range: the intervals ending in {@code (from, to]}; null value when no interval is present.
     */
    public record Sum(Channel channel, LocalDate start, Instant from, Instant to, BigDecimal value, Coverage coverage) {}

    /** A meter's channel. */
    public record MeterChannel(MeterId meterId, Channel channel) {}

    /** A query refused for its size: too many meters, too long a range, or too much of both. */
    public static final class TooLarge extends FieldErrorsException {
        TooLarge(String field, String message) {
            super(List.of(new FieldError(field, message)));
        }
    }

    /**
     * The stored day rows holding the intervals of the range, whole (a day only partly in the range comes with all
     * its slots: {@link Range#holds} with {@link IntervalDay#slotEnd} picks them), ordered by meter, channel and day.
     * Days the store has no row for are absent.
     */
    @Transactional(readOnly = true)
    public List<IntervalDay> days(Collection<MeterId> meterIds, Collection<Channel> channels, Range range) {
        Query query = query(meterIds, channels, range, false, MOST_DAY_ROWS);
        if (query.meters.length == 0) return List.of();
        // forced binary transfer: each day's values come as 4-byte ints, neither side writing or parsing them as text
        // (which is where a bulk read of day rows, a billing run's, spent most of its time)
        return template.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select meter_id, channel, day, interval_minutes, vals, quality, version from interval_day
                     where meter_id = any(?) and channel = any(?) and day between ? and ?
                     order by meter_id, channel, day""");
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setObject(1, query.meters);
            statement.setObject(2, query.channels);
            statement.setObject(3, query.first);
            statement.setObject(4, query.last);
            return statement;
        }, IntervalQueries::dayRow);
    }

    /**
     * Per meter, its latest stored day row of the channel between the two days: how far its data has come. One row
     * per meter whatever the span (an index scan backwards from {@code last}).
     */
    @Transactional(readOnly = true)
    public List<IntervalDay> latestDays(Collection<MeterId> meterIds, Channel channel, LocalDate first, LocalDate last) {
        UUID[] meters = TypedId.uuids(new LinkedHashSet<>(meterIds));
        if (meters.length > MOST_METERS) throw new TooLarge("meter_ids", "at most " + MOST_METERS + " meters per query, not " + meters.length);
        if (meters.length == 0) return List.of();
        return template.query("""
                        select distinct on (meter_id) meter_id, channel, day, interval_minutes, vals, quality, version from interval_day
                         where meter_id = any(?) and channel = ? and day between ? and ? order by meter_id, day desc""",
                IntervalQueries::dayRow, meters, channel.code(), first, last);
    }

    private static IntervalDay dayRow(ResultSet rs, int n) throws SQLException {
        Integer[] values = (Integer[]) rs.getArray(5).getArray();
        return new IntervalDay(rs.getObject(1, UUID.class), Channel.ofCode(rs.getInt(2)), rs.getObject(3, LocalDate.class), rs.getInt(4),
                values, DayRow.quality(rs.getBytes(6), values), rs.getInt(7));
    }

    /** The sum of the versions of a meter's day rows of some channels for one tenant-local day. */
    public record DayVersion(UUID meterId, LocalDate day, long versions) {}

    /**
     * Per meter and tenant-local day from {@code first} to {@code last}: the sum of the versions of its stored day rows
     * of these channels. It moves whenever one of those rows is added or changed, and reads no value.
     */
    @Transactional(readOnly = true)
    public List<DayVersion> dayVersions(Collection<MeterId> meterIds, Collection<Channel> channels, LocalDate first, LocalDate last) {
        UUID[] meters = TypedId.uuids(new LinkedHashSet<>(meterIds));
        if (meters.length > MOST_METERS) throw new TooLarge("meter_ids", "at most " + MOST_METERS + " meters per query, not " + meters.length);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MOST_DAYS) throw new TooLarge("to", "a query spans at most " + MOST_DAYS + " days, not " + days);
        if (meters.length == 0) return List.of();
        return jdbc.sql("""
                        select meter_id, day, sum(version) from interval_day
                         where meter_id = any(?) and channel = any(?) and day between ? and ? group by meter_id, day""")
                .params(meters, codes(channels, false), first, last)
                .query((rs, n) -> new DayVersion(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list();
    }

    /**
     * Per meter, channel and tenant-local day of the range: the sum of the intervals present and how complete it is.
     * Every named meter gets every day, with nothing present where it has no data. Energy channels only.
     */
    @Transactional(readOnly = true)
    public List<DayTotal> dayTotals(Collection<MeterId> meterIds, Collection<Channel> channels, Range range) {
        Query query = query(meterIds, channels, range, true, MOST_TALLIED_DAYS);
        if (query.meters.length == 0) return List.of();
        return jdbc.sql(TALLY + """
                        select meter_id, channel, day, total, expected, present, estimated, edited from tally
                         where expected > 0 order by meter_id, channel, day""")
                .params(query.tallyParameters())
                .query((rs, n) -> {
                    Channel channel = Channel.ofCode(rs.getInt(2));
                    Coverage coverage = coverage(rs, 5);
                    return new DayTotal(MeterId.of(rs.getObject(1, UUID.class)), channel, rs.getObject(3, LocalDate.class),
                            value(channel, rs.getLong(4), coverage), coverage);
                })
                .list();
    }

    /** Per meter and channel: the sum of the intervals present in the whole range, and how complete it is. Energy channels only. */
    @Transactional(readOnly = true)
    public List<PeriodTotal> periodTotals(Collection<MeterId> meterIds, Collection<Channel> channels, Range period) {
        Query query = query(meterIds, channels, period, true, MOST_TALLIED_DAYS);
        if (query.meters.length == 0) return List.of();
        return jdbc.sql(TALLY + """
                        select meter_id, channel, sum(total), sum(expected), sum(present), sum(estimated), sum(edited) from tally
                         group by meter_id, channel order by meter_id, channel""")
                .params(query.tallyParameters())
                .query((rs, n) -> {
                    Channel channel = Channel.ofCode(rs.getInt(2));
                    Coverage coverage = coverage(rs, 4);
                    return new PeriodTotal(MeterId.of(rs.getObject(1, UUID.class)), channel, value(channel, rs.getLong(3), coverage),
                            coverage);
                })
                .list();
    }

    /**
     * The energy of the meters together, per channel and tenant-local {@link Resolution#DAY day} or
     * {@link Resolution#MONTH month} of the range, oldest first, with how many of their intervals were present,
     * estimated and missing: a meter that sent nothing makes the sum incomplete, not smaller without a word.
     */
    @Transactional(readOnly = true)
    public List<Sum> sums(Collection<MeterId> meterIds, Collection<Channel> channels, Range range, Resolution per) {
        if (per != Resolution.DAY && per != Resolution.MONTH) {
            throw FieldErrorsException.of("resolution", "sums are per day (1d) or month (1mo), not " + per.code());
        }
        Query query = query(meterIds, channels, range, true, MOST_TALLIED_DAYS);
        if (query.meters.length == 0) return List.of();
        String start = per == Resolution.DAY ? "day" : "date_trunc('month', day)::date";
        return jdbc.sql(TALLY + "select channel, " + start + " as start, sum(total), sum(expected), sum(present), sum(estimated),"
                        + " sum(edited) from tally group by 1, 2 having sum(expected) > 0 order by 2, 1")
                .params(query.tallyParameters())
                .query((rs, n) -> {
                    Channel channel = Channel.ofCode(rs.getInt(1));
                    LocalDate first = rs.getObject(2, LocalDate.class);
                    LocalDate next = per == Resolution.DAY ? first.plusDays(1) : first.plusMonths(1);
                    Instant from = max(range.from(), first.atStartOfDay(query.zone).toInstant());
                    Instant to = min(range.to(), next.atStartOfDay(query.zone).toInstant());
                    Coverage coverage = coverage(rs, 4);
                    return new Sum(channel, first, from, to, value(channel, rs.getLong(3), coverage), coverage);
                })
                .list();
    }

    /**
     * The tenant's meter channels with stored data from the day before {@code firstDay} on that miss an interval
     * of a day from {@code firstDay} that ended by {@code edge}: a missing slot in a stored day, or a day without a
     * row after the channel's first stored one (and before the edge's own day). One query over the tenant's data
     * of those days (what a gap scan looks at), at most {@link #MOST_DAYS} of them.
     */
    @Transactional(readOnly = true)
    public List<MeterChannel> withMissingIntervals(Collection<Channel> channels, LocalDate firstDay, Instant edge) {
        ZoneId zone = zone();
        LocalDate edgeDay = edge.atZone(zone).toLocalDate();
        if (ChronoUnit.DAYS.between(firstDay, edgeDay) + 1 > MOST_DAYS) {
            throw new TooLarge("from", "at most " + MOST_DAYS + " days");
        }
        if (channels.isEmpty() || firstDay.isAfter(edgeDay)) return List.of();
        Integer[] codes = codes(channels, false);
        return jdbc.sql("""
                        select distinct meter_id, channel from interval_day
                         where day between ? and ? and channel = any(?)
                           and array_position(vals[1:least(cardinality(vals),
                                 floor(extract(epoch from (?::timestamptz - (day::timestamp at time zone ?))) / 60
                                       / interval_minutes)::int)], null) is not null
                        union
                        select k.meter_id, k.channel from
                          (select meter_id, channel, min(day) as first_day from interval_day
                            where day between ? and ? and channel = any(?) group by meter_id, channel) k
                          cross join generate_series(k.first_day, ?::date, interval '1 day') as g(day)
                         where not exists (select 1 from interval_day d
                                            where d.meter_id = k.meter_id and d.channel = k.channel and d.day = g.day::date)""")
                .params(firstDay, edgeDay, codes, Timestamp.from(edge), zone.getId(), firstDay.minusDays(1), edgeDay, codes,
                        edgeDay.minusDays(1))
                .query((rs, n) -> new MeterChannel(MeterId.of(rs.getObject(1, UUID.class)), Channel.ofCode(rs.getInt(2))))
                .list();
    }

    /**
     * Every (meter, channel, day) of the query, with the day's stored row if any, tallied over the slots that end in
     * the range: {@code lo} and {@code hi} are the first and last such slot (1-based, as PostgreSQL counts), found
     * by arithmetic on the day's local midnight instead of a time stamp per slot. The caller selects from {@code tally}.
     */
    private static final String TALLY = """
            with stored as (
                   select meter_id, channel, day, interval_minutes, vals, quality from interval_day
                    where meter_id = any(?) and channel = any(?) and day between ? and ?),
                 usual as (
                   select meter_id, min(interval_minutes) as minutes from stored group by meter_id),
                 cell as (
                   select m.meter_id, c.channel, g.day::date as day, s.vals, s.quality,
                          coalesce(s.interval_minutes, u.minutes, 15) as minutes,
                          g.day::date::timestamp at time zone ? as midnight
                     from unnest(?::uuid[]) as m(meter_id)
                    cross join unnest(?::smallint[]) as c(channel)
                    cross join generate_series(?::date, ?::date, interval '1 day') as g(day)
                     left join stored s on s.meter_id = m.meter_id and s.channel = c.channel and s.day = g.day::date
                     left join usual u on u.meter_id = m.meter_id),
                 framed as (
                   select cell.*,
                          greatest(1, floor(extract(epoch from ?::timestamptz - midnight) / 60 / minutes)::int + 1) as lo,
                          least(coalesce(cardinality(vals), 1440 / minutes),
                                floor(extract(epoch from ?::timestamptz - midnight) / 60 / minutes)::int) as hi
                     from cell),
                 tally as (
                   select f.meter_id, f.channel, f.day, greatest(0, f.hi - f.lo + 1) as expected,
                          t.total, t.present, t.estimated, t.edited
                     from framed f cross join lateral (
                            select coalesce(sum(x.v), 0) as total, count(x.v) as present,
                                   count(x.v) filter (where get_byte(f.quality, f.lo + x.k::int - 2) & 2 <> 0) as estimated,
                                   count(x.v) filter (where get_byte(f.quality, f.lo + x.k::int - 2) & 4 <> 0) as edited
                              from unnest(f.vals[f.lo:f.hi]) with ordinality as x(v, k)) t)
            """;

    /** A checked query: the distinct meters and channel codes as SQL arrays, the days the range touches, the zone. */
    private record Query(UUID[] meters, Integer[] channels, LocalDate first, LocalDate last, Range range, ZoneId zone) {
        Object[] tallyParameters() {
            return new Object[] {meters, channels, first, last, zone.getId(), meters, channels, first, last,
                    Timestamp.from(range.from()), Timestamp.from(range.to())};
        }
    }

    private Query query(Collection<MeterId> meterIds, Collection<Channel> channels, Range range, boolean totals, long mostCells) {
        Objects.requireNonNull(range, "range");
        UUID[] meters = TypedId.uuids(new LinkedHashSet<>(meterIds));
        Integer[] codes = codes(channels, totals);
        if (meters.length > MOST_METERS) {
            throw new TooLarge("meter_ids", "at most " + MOST_METERS + " meters per query, not " + meters.length);
        }
        ZoneId zone = zone();
        // the first interval ending after 'from' starts on from's day at the earliest; the last one ending by 'to'
        // starts before 'to' (intervals are at least a minute long)
        LocalDate first = range.from().atZone(zone).toLocalDate();
        LocalDate last = range.to().minusSeconds(1).atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MOST_DAYS) throw new TooLarge("to", "a query spans at most " + MOST_DAYS + " days, not " + days);
        long cells = meters.length * (long) codes.length * days;
        if (cells > mostCells) {
            throw new TooLarge("meter_ids", meters.length + " meters × " + codes.length + " channels × " + days + " days is "
                    + cells + " meter-days; at most " + mostCells + " per query: ask for fewer meters or a shorter range");
        }
        return new Query(meters, codes, first, last, range, zone);
    }

    private static Integer[] codes(Collection<Channel> channels, boolean totals) {
        if (channels.isEmpty()) throw FieldErrorsException.of("channels", "name at least one channel");
        for (Channel channel : channels) {
            if (channel.kind() != ChannelKind.INTERVAL) throw FieldErrorsException.of("channels", channel + " is a register channel");
            if (totals && !channel.additive()) {
                throw FieldErrorsException.of("channels", channel + " is an average, not an energy: it has no total");
            }
        }
        return channels.stream().distinct().map(Channel::code).toArray(Integer[]::new);
    }

    private static Coverage coverage(ResultSet rs, int first) throws SQLException {
        long expected = rs.getLong(first), present = rs.getLong(first + 1);
        return new Coverage(expected, present, rs.getLong(first + 2), rs.getLong(first + 3), Math.max(0, expected - present));
    }

    private static BigDecimal value(Channel channel, long sum, Coverage coverage) {
        return ConsumptionService.value(channel, sum, (int) Math.min(coverage.present(), Integer.MAX_VALUE));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }
}
