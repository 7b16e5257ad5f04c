package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's tariff versions: adding a checked one, finding them, and the bill preview from one. */
@Service
public class Tariffs {
    private final TariffStore store;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final AuditTrail audit;

    Tariffs(TariffStore store, TenantDirectory tenants, Clock clock, AuditTrail audit) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
        this.audit = audit;
    }

    /** A version as listed: what it is without its body. */
    record Summary(UUID id, int version, LocalDate effectiveFrom, String name, List<String> categories, String createdBy,
                   Instant createdAt) {
        static Summary of(TariffStore.TariffVersion v) {
            return new Summary(v.id(), v.version(), v.effectiveFrom(), v.name(),
                    v.tariff().categories().stream().map(CategoryTariff::code).toList(), v.createdBy(), v.createdAt());
        }
    }

    /** What to preview: a version by id, else the one in force on {@code on} (default the tenant's today). */
    record PreviewRequest(UUID tariffId, LocalDate on, String category, Determinants determinants) {}

    public record TariffRef(UUID id, int version, LocalDate effectiveFrom, String name) {}

    public record Preview(TariffRef tariff, BillPreview bill) {}

    @Transactional
    TariffStore.TariffVersion create(Tariff tariff, String user) {
        TariffValidator.Check check = TariffValidator.check(tariff, today());
        if (!check.errors().isEmpty()) throw new FieldErrorsException(check.errors());
        TariffStore.TariffVersion version = store.add(tariff, check.warnings(), user);
        audit.record(AuditedAction.of("billing_tariff.created", "billing_tariff", version.id(), null, version));
        return version;
    }

    @Transactional(readOnly = true)
    List<Summary> list(LocalDate on) {
        List<TariffStore.TariffVersion> versions = on == null ? store.list() : store.inForceOn(on).map(List::of).orElse(List.of());
        return versions.stream().map(Summary::of).toList();
    }

    @Transactional(readOnly = true)
    TariffStore.TariffVersion get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Tariff", id));
    }

    @Transactional(readOnly = true)
    Preview preview(PreviewRequest request) {
        List<FieldError> problems = new ArrayList<>();
        if (request.category() == null || request.category().isBlank() || request.category().length() > TariffValidator.MAX_CODE) {
            problems.add(new FieldError("category", "required, at most " + TariffValidator.MAX_CODE + " characters"));
        }
        if (request.determinants() == null) problems.add(new FieldError("determinants", "required"));
        if (request.tariffId() != null && request.on() != null) problems.add(new FieldError("on", "either tariff_id or on"));
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);

        LocalDate on = request.on() == null ? today() : request.on();
        TariffStore.TariffVersion version = request.tariffId() != null ? get(request.tariffId())
                : store.inForceOn(on).orElseThrow(() -> FieldErrorsException.of("on", "no tariff version is in force on " + on));
        Tariff tariff = version.tariff();
        CategoryTariff category = tariff.category(request.category()).orElseThrow(() -> FieldErrorsException.of("category",
                "not a category of tariff version " + version.version() + ": one of "
                        + tariff.categories().stream().map(CategoryTariff::code).collect(Collectors.joining(", "))));
        problems.addAll(DeterminantsValidator.problems(category, request.determinants()));
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        return new Preview(new TariffRef(version.id(), version.version(), version.effectiveFrom(), version.name()),
                ChargeCalculator.calculate(category, tariff.rounding(), request.determinants()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(tenants.zoneOf(TenantContext.requireTenantId())));
    }
}
