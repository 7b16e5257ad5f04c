package io.vidyut.mdm.events;

import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records events of the current tenant in unified codes, de-duplicated by meter, time and code,
 * inside the caller's transaction; announces the new ones ({@link MeterEventsRecorded}) in it too.
 */
@Component
public class EventRecorder {
    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionTemplate partitionTransactions;
    private final ApplicationEventPublisher publisher;
    private final Set<YearMonth> knownPartitions = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    EventRecorder(JdbcTemplate template, JdbcClient jdbc, PlatformTransactionManager transactions,
                  ApplicationEventPublisher publisher, Clock clock) {
        this.template = template;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.partitionTransactions = new TransactionTemplate(transactions);
        this.partitionTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** How many events were new and how many repeated ones already recorded. */
    public record Recorded(int stored, int duplicates) {}

    /**
     * Creates the month partitions these events need, each in a short transaction of its own. Call it before the
     * transaction that records them: creating a partition from inside that transaction takes a second pooled
     * connection while holding the first, and a burst of concurrent batches then waits on the pool for good.
     */
    public void preparePartitions(List<NewEvent> events) {
        events.stream().map(e -> YearMonth.from(e.occurredAt().atOffset(ZoneOffset.UTC))).distinct()
                .forEach(this::ensurePartition);
    }

    /** Records the events (whose partitions {@link #preparePartitions} made) inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recorded record(List<NewEvent> events) {
        if (events.isEmpty()) return new Recorded(0, 0);
        UUID tenantId = TenantContext.requireTenantId();
        preparePartitions(events); // a no-op when prepared; else the nested transaction as a last resort
        Map<String, NewEvent> byKey = new HashMap<>();
        for (NewEvent event : events) byKey.putIfAbsent(identity(event.meterId(), event.occurredAt(), key(event)), event);
        List<MeterEvent> stored = template.execute((ConnectionCallback<List<MeterEvent>>) connection ->
                insert(connection, tenantId, events, byKey));
        if (!stored.isEmpty()) publisher.publishEvent(new MeterEventsRecorded(tenantId, stored));
        return new Recorded(stored.size(), events.size() - stored.size());
    }

    private List<MeterEvent> insert(Connection connection, UUID tenantId, List<NewEvent> events, Map<String, NewEvent> byKey)
            throws java.sql.SQLException {
        int n = events.size();
        Object[] meters = new Object[n], times = new Object[n], keys = new Object[n], codes = new Object[n],
                raws = new Object[n], categories = new Object[n], severities = new Object[n], known = new Object[n],
                vendors = new Object[n], batches = new Object[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            MeterEvent unified = EventRows.unified(event.meterId(), event.occurredAt(), event.code(), event.rawCode(), null);
            meters[i] = event.meterId();
            times[i] = Timestamp.from(event.occurredAt());
            keys[i] = key(event);
            codes[i] = event.code();
            raws[i] = event.rawCode();
            categories[i] = unified.category().name();
            severities[i] = unified.severity().name();
            known[i] = unified.known();
            vendors[i] = event.vendorId();
            batches[i] = event.batchId();
        }
        List<MeterEvent> stored = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into meter_event (tenant_id, received_at, meter_id, occurred_at, event_key, code, raw_code, category,
                                         severity, known, vendor_id, batch_id)
                select ?, ?, * from unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                        ?::boolean[], ?::uuid[], ?::uuid[])
                on conflict do nothing
                returning meter_id, occurred_at, event_key, received_at""")) {
            statement.setObject(1, tenantId);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            Object[][] columns = {meters, times, keys, codes, raws, categories, severities, known, vendors, batches};
            String[] types = {"uuid", "timestamptz", "text", "int4", "text", "text", "text", "bool", "uuid", "uuid"};
            for (int c = 0; c < columns.length; c++) {
                Array array = connection.createArrayOf(types[c], columns[c]);
                statement.setArray(c + 3, array);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(2).toInstant();
                    NewEvent event = byKey.get(identity(rs.getObject(1, UUID.class), at, rs.getString(3)));
                    stored.add(EventRows.unified(event.meterId(), at, event.code(), event.rawCode(),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return stored;
    }

    /** The de-duplication key: the IS 15959 code, or the vendor's code when it has none. */
    private static String key(NewEvent event) {
        return event.code() != null ? event.code().toString() : "raw:" + event.rawCode();
    }

    private static String identity(UUID meterId, Instant at, String key) {
        return meterId + "|" + at + "|" + key;
    }

    /** In its own transaction, so a rolled-back batch cannot leave the cache believing in a missing partition. */
    private void ensurePartition(YearMonth month) {
        if (knownPartitions.contains(month)) return;
        Instant first = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        partitionTransactions.executeWithoutResult(status -> jdbc.sql("select mdm_ensure_event_partition(?)")
                .param(Timestamp.from(first)).query(Object.class).optional());
        knownPartitions.add(month);
    }
}
