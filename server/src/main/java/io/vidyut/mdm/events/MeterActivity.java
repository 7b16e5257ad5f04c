package io.vidyut.mdm.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each meter was last heard from (readings or events), for the communication-loss report (in {@code reports}).
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
}
