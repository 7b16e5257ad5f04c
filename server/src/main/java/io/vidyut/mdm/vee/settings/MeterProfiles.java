package io.vidyut.mdm.vee.settings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.tenancy.TenantContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Meter profiles by id, cached: validation asks for one per stored day row. */
@Component
public class MeterProfiles {
    private final MeterService meters;
    private final ConsumerService consumers;
    private final Cache<Key, MeterProfile> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(1_000_000).build();

    MeterProfiles(MeterService meters, ConsumerService consumers) {
        this.meters = meters;
        this.consumers = consumers;
    }

    /** Keyed by tenant too: a meter id from another tenant must miss and fail in the load, never hit. */
    private record Key(UUID tenantId, UUID meterId) {}

    /** The meter of the current tenant; NotFoundException when it has no such meter. */
    public MeterProfile of(UUID meterId) {
        return find(meterId).orElseThrow(() -> new io.vidyut.mdm.common.NotFoundException("Meter", meterId));
    }

    /**
     * The meter of the current tenant, or empty when it has none by that id (validation then has nothing to go by).
     * A miss is not an exception thrown through the meter service's transaction, which would doom the caller's:
     * validation runs inside the transaction that stores the readings.
     */
    public java.util.Optional<MeterProfile> find(UUID meterId) {
        return java.util.Optional.ofNullable(cache.get(new Key(TenantContext.requireTenantId(), meterId), key -> load(key.meterId())));
    }

    /**
     * Loads the profiles of the meters not yet cached in two queries, instead of two per meter when
     * each is first asked for: the first hour after a start meets every meter once.
     */
    public void preload(java.util.Collection<UUID> meterIds) {
        UUID tenant = TenantContext.requireTenantId();
        List<UUID> missing = meterIds.stream().distinct().filter(id -> cache.getIfPresent(new Key(tenant, id)) == null).toList();
        if (missing.isEmpty()) return;
        List<Meter> found = meters.getAll(missing);
        Map<UUID, ConsumerAccount> accounts = new HashMap<>();
        consumers.getAll(found.stream().map(Meter::consumerId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(account -> accounts.put(account.id(), account));
        for (Meter meter : found) {
            cache.put(new Key(tenant, meter.id()), profile(meter, meter.consumerId() == null ? null : accounts.get(meter.consumerId())));
        }
    }

    public void forget(UUID meterId) {
        cache.invalidate(new Key(TenantContext.requireTenantId(), meterId));
    }

    /** Null when the tenant has no such meter (the cache then keeps nothing). */
    private MeterProfile load(UUID meterId) {
        List<Meter> found = meters.getAll(List.of(meterId));
        if (found.isEmpty()) return null;
        Meter meter = found.get(0);
        return profile(meter, meter.consumerId() == null ? null : consumers.get(meter.consumerId()));
    }

    private static MeterProfile profile(Meter meter, ConsumerAccount consumer) {
        UUID dt = consumer != null && consumer.dtId() != null ? consumer.dtId() : meter.networkNodeId();
        return new MeterProfile(meter.id(), meter.serial(), meter.category(), meter.multiplier(), meter.hesVendorId(),
                consumer == null ? null : consumer.sanctionedLoadKw(), consumer != null && consumer.netMetered(), dt);
    }
}
