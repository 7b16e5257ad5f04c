package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's tariff versions as the rest of billing asks them: which ToD zones a category has on a day. */
@Component
public class TariffBook {
    private final TariffStore store;
    private final Tariffs tariffs;

    TariffBook(TariffStore store, Tariffs tariffs) {
        this.store = store;
        this.tariffs = tariffs;
    }

    /**
     * The charges a category's consumer would be billed for these determinants under the version in force on
     * {@code on}; field errors (422) for zones the category has not, a missing sanctioned load it charges by, no version.
     */
    public Tariffs.Preview preview(String category, LocalDate on, Determinants determinants) {
        return tariffs.preview(new Tariffs.PreviewRequest(null, on, category, determinants));
    }

    /** Every version of the current tenant, read once: for a billing run over many consumers and days. */
    @Transactional(readOnly = true)
    public Schedule schedule() {
        return new Schedule(TenantContext.requireTenantId(), store.list());
    }

    /** The tenant's versions at one moment, for one run or request. */
    public static final class Schedule {
        private final UUID tenantId;
        private final List<TariffStore.TariffVersion> latestFirst;
        private final Map<CategoryOfVersion, Optional<TodZones>> zones = new ConcurrentHashMap<>();

        private Schedule(UUID tenantId, List<TariffStore.TariffVersion> latestFirst) {
            this.tenantId = tenantId;
            this.latestFirst = latestFirst;
        }

        /** A category of one of a tenant's versions: the tenant is part of the key, as of every cache of tenant data. */
        private record CategoryOfVersion(UUID tenantId, UUID versionId, String category) {}

        /** The zones of a category in the version in force on {@code day}; empty when none is or it lacks the category. */
        public Optional<TodZones> zones(String category, LocalDate day) {
            Optional<TariffStore.TariffVersion> version = inForceOn(day);
            if (version.isEmpty()) return Optional.empty();
            return zones.computeIfAbsent(new CategoryOfVersion(tenantId, version.get().id(), category),
                    key -> version.get().tariff().category(category).map(TodZones::of));
        }

        /**
         * The charges for determinants of the category under the version in force on {@code day}, from these versions
         * (no query per call); empty when none is or it lacks the category. The determinants are the caller's own
         * calculation, in the category's zones.
         */
        public Optional<Tariffs.Preview> price(String category, LocalDate day, Determinants determinants) {
            return inForceOn(day).flatMap(version -> version.tariff().category(category).map(tariff -> new Tariffs.Preview(
                    new Tariffs.TariffRef(version.id(), version.version(), version.effectiveFrom(), version.name()),
                    ChargeCalculator.calculate(tariff, version.tariff().rounding(), determinants))));
        }

        private Optional<TariffStore.TariffVersion> inForceOn(LocalDate day) {
            return latestFirst.stream().filter(v -> !v.effectiveFrom().isAfter(day)).findFirst();
        }
    }
}
