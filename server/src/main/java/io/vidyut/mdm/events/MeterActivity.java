package io.vidyut.mdm.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each meter was last heard from (readings or events), for the communication-loss report.
 * Written at most once per meter per {@link #GRANULARITY} on an instance: silence is measured in hours.
 */
@Component
public class MeterActivity {
    static final Duration GRANULARITY = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Keyed by tenant too, as every cache of tenant data is: an entry stands for a row of that tenant's only. */
    private final Cache<Key, Instant> written = Caffeine.newBuilder().expireAfterWrite(GRANULARITY)
            .maximumSize(2_000_000).build();

    private record Key(UUID tenantId, UUID meterId) {}

    MeterActivity(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A meter in service that has not been heard from since a cutoff ({@code lastSeenAt} null: never). */
    public record SilentMeter(UUID meterId, String serial, UUID hesVendorId, Instant lastSeenAt, Instant silentSince) {}

    /** Notes that the current tenant's meters were heard from now. */
    @Transactional
    public void heardFrom(UUID tenantId, Collection<UUID> meterIds) {
        UUID[] due = meterIds.stream().distinct().filter(id -> written.getIfPresent(new Key(tenantId, id)) == null).toArray(UUID[]::new);
        if (due.length == 0) return;
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into meter_last_seen (tenant_id, meter_id, seen_at)
                        select ?, id, ? from unnest(?::uuid[]) as id
                        on conflict (meter_id) do update set seen_at = excluded.seen_at""")
                .params(tenantId, Timestamp.from(now), due).update();
        for (UUID id : due) written.put(new Key(tenantId, id), now);
    }

    /** Commissioned and in-service meters silent since before the cutoff, longest silent first. */
    @Transactional(readOnly = true)
    public Page<SilentMeter> silentSince(Instant cutoff, PageRequest page) {
        String from = """
                 from meter m left join meter_last_seen s on s.meter_id = m.id
                where m.lifecycle_stage in ('COMMISSIONED', 'IN_SERVICE')
                  and coalesce(s.seen_at, m.stage_changed_at) < :cutoff""";
        List<SilentMeter> items = jdbc.sql("select m.id, m.serial, m.hes_vendor_id, s.seen_at, "
                        + "coalesce(s.seen_at, m.stage_changed_at) as silent_since" + from
                        + " order by silent_since, m.serial limit :limit offset :offset")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new SilentMeter(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
        long total = jdbc.sql("select count(*)" + from).param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
        return Page.of(items, page, total);
    }
}
