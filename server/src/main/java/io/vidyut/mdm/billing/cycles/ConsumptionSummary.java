package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumption summary: determinants per consumer, from billing runs (the latest version of each consumer-period)
 * or computed on the fly for any period (nothing stored, nothing exported).
 */
@Service
class ConsumptionSummary {
    /** A computed page: each consumer's whole period is loaded and computed while the caller waits. */
    static final int MOST_COMPUTED = CycleInputs.MOST_CONSUMERS;
    /** Consumers under the node of a computed summary: its ids are listed (and filtered by category) per request. */
    static final int MOST_COMPUTED_SCOPE = 20_000;

    private final DeterminantStore store;
    private final DeterminantComputer computer;
    private final NetworkTopology network;
    private final ConsumerService consumers;
    private final TenantDirectory tenants;

    ConsumptionSummary(DeterminantStore store, DeterminantComputer computer, NetworkTopology network, ConsumerService consumers,
                       TenantDirectory tenants) {
        this.store = store;
        this.computer = computer;
        this.network = network;
        this.consumers = consumers;
        this.tenants = tenants;
    }

    enum Source { STORED, COMPUTED }

    /** A summary line: the stored version's id, number and status (absent when computed), and the determinants. */
    record SummaryLine(UUID determinantsId, Integer version, String status, UUID runId, UUID dtId, DeterminantStore.Billed billed,
                       CycleDeterminants determinants) {}

    record Query(Source source, UUID runId, LocalDate firstDay, LocalDate lastDay, UUID nodeId, String category,
                 String accountNo, DeterminantStore.Status status) {}

    @Transactional(readOnly = true)
    Page<SummaryLine> find(Query query, PageRequest page) {
        return query.source() == Source.COMPUTED ? computed(query, page) : stored(query, page);
    }

    private Page<SummaryLine> stored(Query query, PageRequest page) {
        Set<UUID> dts = query.nodeId() == null ? null : network.dtsUnder(List.of(new NodeId(query.nodeId()))).stream()
                .map(NodeId::value).collect(java.util.stream.Collectors.toSet());
        var filter = new DeterminantStore.Filter(query.runId(), query.firstDay(), query.lastDay(), dts, query.category(),
                query.accountNo(), query.status());
        List<SummaryLine> lines = store.find(filter, page.offset(), page.size()).stream()
                .map(s -> new SummaryLine(s.id(), s.version(), s.status().name(), s.runId(), s.dtId(), s.billed(), s.determinants())).toList();
        return Page.of(lines, page, store.count(filter));
    }

    private Page<SummaryLine> computed(Query query, PageRequest page) {
        List<FieldError> problems = new ArrayList<>();
        if (query.firstDay() == null || query.lastDay() == null) problems.add(new FieldError("first_day", "first_day and last_day are required"));
        else if (query.lastDay().isBefore(query.firstDay()) || query.lastDay().toEpochDay() - query.firstDay().toEpochDay() >= BillingRuns.MOST_DAYS) {
            problems.add(new FieldError("last_day", "not before first_day, at most " + BillingRuns.MOST_DAYS + " days"));
        }
        if (query.nodeId() == null) problems.add(new FieldError("node_id", "required when computing"));
        if (page.size() > MOST_COMPUTED) problems.add(new FieldError("size", "at most " + MOST_COMPUTED + " when computing"));
        if (query.runId() != null || query.status() != null) problems.add(new FieldError("source", "run_id and status are for stored determinants"));
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        List<UUID> ids = network.consumersUnder(List.of(new NodeId(query.nodeId()))).stream().map(c -> c.consumer().value()).sorted().toList();
        if (ids.size() > MOST_COMPUTED_SCOPE) {
            throw FieldErrorsException.of("node_id", ids.size() + " consumers are under it; computing takes a node with at most "
                    + MOST_COMPUTED_SCOPE + " (a feeder or DT), or run the cycle and read the stored summary");
        }
        if (query.category() != null || query.accountNo() != null) {
            ids = consumers.getAll(ids).stream()
                    .filter(c -> query.category() == null || query.category().equals(c.tariffCategory()))
                    .filter(c -> query.accountNo() == null || query.accountNo().equals(c.accountNo()))
                    .map(ConsumerAccount::id).sorted().toList();
        }
        List<UUID> pageIds = ids.stream().skip(page.offset()).limit(page.size()).toList();
        var period = new CycleInput.Period(query.firstDay(), query.lastDay(), tenants.zoneOf(TenantContext.requireTenantId()));
        List<SummaryLine> lines = computer.forPeriod(period).compute(pageIds).stream()
                .map(r -> new SummaryLine(null, null, null, null, r.dtId(), null, r.determinants())).toList();
        return Page.of(lines, page, ids.size());
    }
}
