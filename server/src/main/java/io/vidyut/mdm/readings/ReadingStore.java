package io.vidyut.mdm.readings;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes normalized readings into the day layout and the register table. Idempotent: the same value
 * again changes nothing; a value arriving for an empty slot fills it; a different value for a
 * stored slot makes a new version of the day row, the old one moving to history (a changed re-send of an actual
 * value may instead be held for review, see {@link ResendPolicy}); the same slot twice in one write with different
 * values keeps the last, the row as the first left it going to history too. Callers keep all
 * writes for one meter on one thread (the pipeline partitions by meter); rows are also locked.
 */
@Component
public class ReadingStore {
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DayRowWriter rowWriter;
    private final WriteSteps steps;
    private final Set<LocalDate> knownPartitions = ConcurrentHashMap.newKeySet();

    private final TransactionTemplate partitionTransactions;
    private final ApplicationEventPublisher events;
    /** Holds a changed re-send when any implementation does (none: every re-send replaces). */
    private final ResendPolicy resendPolicy;

    ReadingStore(JdbcClient jdbc, DayRowWriter rowWriter, DataSource dataSource, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, MeterRegistry metrics, List<ResendPolicy> resendPolicies) {
        this.resendPolicy = (meterId, channel, stored, resent) -> resendPolicies.stream()
                .anyMatch(policy -> policy.holds(meterId, channel, stored, resent));
        this.jdbc = jdbc;
        this.steps = new WriteSteps(metrics);
        this.events = events;
        this.rowWriter = rowWriter;
        this.dataSource = dataSource;
        this.partitionTransactions = new TransactionTemplate(transactions);
        this.partitionTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Time spent in each step of writing day rows, for operators and the ingest benchmark. */
    private record WriteSteps(Timer load, Timer insert, Timer archive, Timer update) {
        WriteSteps(MeterRegistry metrics) {
            this(step(metrics, "load"), step(metrics, "insert"), step(metrics, "archive"), step(metrics, "update"));
        }

        private static Timer step(MeterRegistry metrics, String step) {
            return Timer.builder("mdm.readings.write").tag("step", step)
                    .description("Writing interval day rows: reading the stored rows, copying new ones in, archiving and updating changed ones")
                    .register(metrics);
        }
    }

    /** What a write did, counted per value. */
    public record WriteResult(int filled, int unchanged, int changed, List<Refused> refused) {
        /**
         * Values not stored because the stored value outranks them (an edit, or actual data over an estimate) or
         * because a changed re-send is held for review ({@link ResendPolicy}) count as unchanged.
         */
        public int stored() {
            return filled + changed;
        }

        WriteResult plus(WriteResult other) {
            List<Refused> all = new ArrayList<>(refused);
            all.addAll(other.refused);
            return new WriteResult(filled + other.filled, unchanged + other.unchanged, changed + other.changed, all);
        }
    }

    /** Stores readings of the current tenant; {@code source} names the batch or user for history. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WriteResult write(Collection<Reading> readings, ZoneId zone, String source) {
        UUID tenant = TenantContext.requireTenantId();
        List<Reading> intervals = new ArrayList<>();
        List<Reading> registers = new ArrayList<>();
        for (Reading reading : readings) {
            (reading.channel().kind() == ChannelKind.INTERVAL ? intervals : registers).add(reading);
        }
        List<ReadingsStored.Change> changes = new ArrayList<>();
        List<Reading> writtenRegisters = new ArrayList<>();
        List<Reading> replacedRegisters = new ArrayList<>();
        WriteResult result = writeIntervals(tenant, intervals, zone, source, changes)
                .plus(writeRegisters(tenant, registers, source, writtenRegisters, replacedRegisters));
        if (!changes.isEmpty() || !writtenRegisters.isEmpty()) {
            events.publishEvent(new ReadingsStored(tenant, zone, source, changes, writtenRegisters, replacedRegisters));
        }
        return result;
    }

    private WriteResult writeIntervals(UUID tenant, List<Reading> readings, ZoneId zone, String source,
                                       List<ReadingsStored.Change> changes) {
        if (readings.isEmpty()) return new WriteResult(0, 0, 0, List.of());
        Map<DayKey, List<Reading>> byDay = new LinkedHashMap<>();
        for (Reading reading : readings) {
            DayKey key = new DayKey(reading.meterId(), reading.channel(),
                    DayKey.day(reading.at(), zone, reading.intervalMinutes()));
            byDay.computeIfAbsent(key, k -> new ArrayList<>()).add(reading);
        }
        byDay.keySet().stream().map(k -> k.day().withDayOfMonth(1)).distinct().forEach(this::ensurePartition);
        Map<DayKey, DayRow> existing = steps.load().record(() -> load(byDay.keySet()));
        Map<DayKey, MergedDay> merged = new LinkedHashMap<>();
        byDay.forEach((key, dayReadings) -> merged.put(key, mergeDay(key, dayReadings, existing.get(key), zone)));
        List<DayRow> inserts = merged.values().stream().filter(m -> m.merge().stored == null).map(m -> m.merge().row).toList();
        Set<DayKey> taken = steps.insert().record(() -> rowWriter.insert(tenant, inserts));
        if (!taken.isEmpty()) {
            // another writer (VEE filling a gap, a person's edit) created these rows since they were read: merged onto its
            Map<DayKey, DayRow> theirs = load(taken);
            for (DayKey key : taken) {
                DayRow stored = theirs.get(key);
                if (stored == null) throw new IllegalStateException("Day row " + key + " was taken and is gone; the batch is re-driven");
                merged.put(key, mergeDay(key, byDay.get(key), stored, zone));
            }
        }

        int filled = 0, unchanged = 0, changed = 0;
        List<Refused> refused = new ArrayList<>();
        List<DayRow> updates = new ArrayList<>();
        List<DayRow> superseded = new ArrayList<>();
        List<DayRow> interims = new ArrayList<>();
        for (MergedDay day : merged.values()) {
            DayMerge merge = day.merge();
            DayRow stored = merge.stored;
            refused.addAll(day.refused());
            filled += merge.filled;
            unchanged += merge.unchanged;
            changed += merge.changed;
            if (day.change() != null) changes.add(day.change());
            interims.addAll(merge.interims);
            if (stored == null) {
                continue; // inserted above
            } else if (merge.changedValues()) {
                superseded.add(merge.before);
                updates.add(merge.row);
            } else if (!merge.written.isEmpty()) {
                updates.add(merge.row);
            }
        }
        steps.archive().record(() -> {
            rowWriter.archive(tenant, superseded, source);
            rowWriter.archiveInterim(tenant, interims, source);
        });
        steps.update().record(() -> rowWriter.update(updates));
        return new WriteResult(filled, unchanged, changed, refused);
    }

    /** One day's merge, ready to write (versions numbered), what listeners hear of it, and the readings it refused. */
    private record MergedDay(DayMerge merge, ReadingsStored.Change change, List<Refused> refused) {}

    private MergedDay mergeDay(DayKey key, List<Reading> readings, DayRow stored, ZoneId zone) {
        int minutes = stored != null ? stored.intervalMinutes : readings.get(0).intervalMinutes();
        DayMerge merge = new DayMerge(key, stored, minutes);
        List<Refused> refused = new ArrayList<>(0);
        for (Reading reading : readings) {
            if (reading.intervalMinutes() != minutes) {
                // a day keeps one interval length; a meter reconfigured mid-day is for people to look at
                refused.add(new Refused(reading, key.channel() + " of " + key.day() + " is stored at " + minutes
                        + "-minute intervals, not " + reading.intervalMinutes()));
                continue;
            }
            merge.merge(DayKey.slot(reading.at(), zone, minutes), reading, resendPolicy);
        }
        ReadingsStored.Change change = merge.change();
        merge.numberVersions();
        return new MergedDay(merge, change, refused);
    }

    private Map<DayKey, DayRow> load(Set<DayKey> keys) {
        List<UUID> meters = new ArrayList<>(keys.size());
        List<Integer> channels = new ArrayList<>(keys.size());
        List<LocalDate> days = new ArrayList<>(keys.size());
        for (DayKey key : keys) {
            meters.add(key.meterId());
            channels.add(key.channel().code());
            days.add(key.day());
        }
        Map<DayKey, DayRow> rows = new HashMap<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Array meterArray = connection.createArrayOf("uuid", meters.toArray());
            Array channelArray = connection.createArrayOf("int4", channels.toArray());
            Array dayArray = connection.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray());
            jdbc.sql("""
                    select d.meter_id, d.channel, d.day, d.interval_minutes, d.vals, d.quality, d.version
                      from interval_day d
                      join unnest(?::uuid[], ?::int[], ?::date[]) as k(meter_id, channel, day)
                        on d.meter_id = k.meter_id and d.channel = k.channel and d.day = k.day
                       for update of d""")
                    .params(meterArray, channelArray, dayArray)
                    .query(rs -> {
                        DayKey key = new DayKey(rs.getObject(1, UUID.class), Channel.ofCode(rs.getInt(2)),
                                rs.getObject(3, LocalDate.class));
                        Integer[] values = (Integer[]) rs.getArray(5).getArray();
                        rows.put(key, new DayRow(key, rs.getInt(4), values, DayRow.quality(rs.getBytes(6), values),
                                rs.getInt(7)));
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load day rows", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows;
    }

    /** {@code replaced} receives the stored reads the write changed, as they were. */
    private WriteResult writeRegisters(UUID tenant, List<Reading> readings, String source, List<Reading> written,
                                       List<Reading> replaced) {
        if (readings.isEmpty()) return new WriteResult(0, 0, 0, List.of());
        int filled = 0, unchanged = 0, changed = 0;
        for (Reading reading : readings) {
            var stored = jdbc.sql("""
                    select value, quality, version from register_read
                     where meter_id = ? and channel = ? and read_at = ? for update""")
                    .params(reading.meterId(), reading.channel().code(), java.sql.Timestamp.from(reading.at()))
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)}).optional();
            if (stored.isEmpty()) {
                jdbc.sql("""
                        insert into register_read (tenant_id, meter_id, channel, read_at, value, quality)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(tenant, reading.meterId(), reading.channel().code(), java.sql.Timestamp.from(reading.at()),
                                reading.value(), reading.quality())
                        .update();
                filled++;
                written.add(reading);
            } else if (stored.get()[0] == reading.value() && stored.get()[1] == reading.quality()) {
                unchanged++;
            } else {
                jdbc.sql("""
                        insert into register_read_history (tenant_id, meter_id, channel, read_at, value, quality, version,
                                                           valid_from, superseded_by)
                        select tenant_id, meter_id, channel, read_at, value, quality, version, updated_at, ?
                          from register_read where meter_id = ? and channel = ? and read_at = ?""")
                        .params(source, reading.meterId(), reading.channel().code(), java.sql.Timestamp.from(reading.at()))
                        .update();
                jdbc.sql("""
                        update register_read set value = ?, quality = ?, version = version + 1, updated_at = now()
                         where meter_id = ? and channel = ? and read_at = ?""")
                        .params(reading.value(), reading.quality(), reading.meterId(), reading.channel().code(),
                                java.sql.Timestamp.from(reading.at()))
                        .update();
                changed++;
                written.add(reading);
                replaced.add(new Reading(reading.meterId(), reading.channel(), reading.at(), reading.intervalMinutes(),
                        stored.get()[0], (int) stored.get()[1]));
            }
        }
        return new WriteResult(filled, unchanged, changed, List.of());
    }

    /** Stored day rows of a meter's channel, oldest first (current tenant). */
    @Transactional(readOnly = true)
    public List<IntervalDay> days(UUID meterId, Channel channel, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select day, interval_minutes, vals, quality from interval_day
                         where meter_id = ? and channel = ? and day between ? and ? order by day""")
                .params(meterId, channel.code(), first, last)
                .query((rs, n) -> {
                    Integer[] values = (Integer[]) rs.getArray(3).getArray();
                    return new IntervalDay(meterId, channel, rs.getObject(1, LocalDate.class), rs.getInt(2), values,
                            DayRow.quality(rs.getBytes(4), values));
                })
                .list();
    }

    /** A register value at an instant. */
    public record RegisterValue(java.time.Instant at, long value, int quality) {}

    /** The latest register read of a channel strictly before {@code at} (current tenant). */
    @Transactional(readOnly = true)
    public java.util.Optional<RegisterValue> registerBefore(UUID meterId, Channel channel, java.time.Instant at) {
        return jdbc.sql("""
                        select read_at, value, quality from register_read
                         where meter_id = ? and channel = ? and read_at < ? order by read_at desc limit 1""")
                .params(meterId, channel.code(), java.sql.Timestamp.from(at))
                .query((rs, n) -> new RegisterValue(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getInt(3)))
                .optional();
    }

    /** A meter's register channel, and the instant before which its latest read is asked for. */
    public record RegisterQuery(UUID meterId, Channel channel, java.time.Instant before) {}

    /**
     * {@link #registerBefore} for many registers in one query (current tenant): the answers by
     * query, absent where the register has no read before the instant.
     */
    @Transactional(readOnly = true)
    public Map<RegisterQuery, RegisterValue> registersBefore(List<RegisterQuery> queries) {
        return registers(queries, "read_at < k.at order by read_at desc");
    }

    /**
     * {@link #registerFrom} for many registers in one query (current tenant): each query's earliest read at or after
     * its instant ({@link RegisterQuery#before} read as "from"), absent where there is none.
     */
    @Transactional(readOnly = true)
    public Map<RegisterQuery, RegisterValue> registersFrom(List<RegisterQuery> queries) {
        return registers(queries, "read_at >= k.at order by read_at");
    }

    private Map<RegisterQuery, RegisterValue> registers(List<RegisterQuery> queries, String whereAndOrder) {
        Map<RegisterQuery, RegisterValue> found = new HashMap<>();
        if (queries.isEmpty()) return found;
        jdbc.sql("""
                        select k.ordinality, r.read_at, r.value, r.quality
                          from unnest(?::uuid[], ?::smallint[], ?::timestamptz[]) with ordinality as k(meter_id, channel, at, ordinality)
                          cross join lateral (select read_at, value, quality from register_read
                                               where meter_id = k.meter_id and channel = k.channel and %s limit 1) r"""
                        .formatted(whereAndOrder))
                .params(queries.stream().map(RegisterQuery::meterId).toArray(UUID[]::new),
                        queries.stream().map(q -> (short) q.channel().code()).toArray(Short[]::new),
                        queries.stream().map(q -> java.sql.Timestamp.from(q.before())).toArray(java.sql.Timestamp[]::new))
                .query(rs -> {
                    found.put(queries.get(rs.getInt(1) - 1), new RegisterValue(rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getInt(4)));
                });
        return found;
    }

    /** The earliest register read of a channel at or after {@code at} (current tenant). */
    @Transactional(readOnly = true)
    public java.util.Optional<RegisterValue> registerFrom(UUID meterId, Channel channel, java.time.Instant at) {
        return jdbc.sql("""
                        select read_at, value, quality from register_read
                         where meter_id = ? and channel = ? and read_at >= ? order by read_at limit 1""")
                .params(meterId, channel.code(), java.sql.Timestamp.from(at))
                .query((rs, n) -> new RegisterValue(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getInt(3)))
                .optional();
    }

    /**
     * Makes sure the months holding these days can be written. A caller that reads day rows before
     * it writes, in one transaction, must call this first: creating a month's partition locks the
     * whole table, which the caller's own read would hold against it (a wait across two connections
     * that PostgreSQL cannot see as a deadlock).
     */
    public void prepareDays(LocalDate first, LocalDate last) {
        for (LocalDate month = first.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) ensurePartition(month);
    }

    /**
     * In its own transaction, so a rolled-back write cannot leave the cache believing in a missing
     * partition; with a lock timeout, so a lock it cannot get fails the write (to be retried) rather
     * than hanging it.
     */
    private void ensurePartition(LocalDate month) {
        if (knownPartitions.contains(month)) return;
        partitionTransactions.executeWithoutResult(status -> {
            jdbc.sql("set local lock_timeout = '15s'").update();
            jdbc.sql("select mdm_ensure_interval_partition(?)").param(month).query(Object.class).optional();
        });
        knownPartitions.add(month);
    }

    /** A reading the store would not take, with the reason. */
    public record Refused(Reading reading, String reason) {}
}
