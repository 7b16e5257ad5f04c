package io.vidyut.mdm.vee;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.tenancy.TenantContext;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Meter profiles by id, cached: validation asks for one per stored day row. */
@Component
class MeterProfiles {
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
    MeterProfile of(UUID meterId) {
        return cache.get(new Key(TenantContext.requireTenantId(), meterId), key -> load(key.meterId()));
    }

    /** The meter of the current tenant, or empty when it has none by that id (validation then has nothing to go by). */
    java.util.Optional<MeterProfile> find(UUID meterId) {
        try {
            return java.util.Optional.of(of(meterId));
        } catch (io.vidyut.mdm.common.NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    void forget(UUID meterId) {
        cache.invalidate(new Key(TenantContext.requireTenantId(), meterId));
    }

    private MeterProfile load(UUID meterId) {
        Meter meter = meters.get(meterId);
        ConsumerAccount consumer = meter.consumerId() == null ? null : consumers.get(meter.consumerId());
        return new MeterProfile(meter.id(), meter.category(), meter.multiplier(), meter.hesVendorId(),
                consumer == null ? null : consumer.sanctionedLoadKw(), consumer != null && consumer.netMetered(),
                consumer != null ? consumer.dtId() : meter.networkNodeId());
    }
}
