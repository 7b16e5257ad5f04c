package io.vidyut.mdm.ingest.quarantine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.ingest.pipeline.IngestService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Ingestion")
class QuarantineController {
    private final Quarantine quarantine;
    private final TransactionTemplate transactions;
    private final IngestService ingest;
    private final HesVendorService vendors;
    private final Clock clock;

    QuarantineController(Quarantine quarantine, TransactionTemplate transactions, IngestService ingest,
                         HesVendorService vendors, Clock clock) {
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.ingest = ingest;
        this.vendors = vendors;
        this.clock = clock;
    }

    record Redrive(@NotNull UUID vendorId) {}

    record QuarantineDiscard(@NotEmpty List<UUID> ids) {}

    @GetMapping
    @Roles.Operators
    @Operation(summary = "Rows HES systems sent that could not be stored, with the reason and the raw row",
            description = "Filter by vendor_id and status (OPEN, REDRIVEN, DISCARDED).")
    Page<Quarantine.QuarantinedRow> list(@RequestParam(name = "vendor_id", required = false) UUID vendorId,
                                         @RequestParam(defaultValue = "OPEN") String status,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return transactions.execute(tx -> quarantine.list(vendorId, status, request));
    }

    @PostMapping("/redrive")
    @Roles.Operators
    @Operation(summary = "Re-read a vendor's open quarantined rows with its current mapping and registry",
            description = "Rows that now pass go to the store; the others keep their place.")
    IngestService.RedriveResult redrive(@Valid @RequestBody Redrive request) {
        vendors.get(request.vendorId());
        return ingest.redriveQuarantine(request.vendorId());
    }

    @PostMapping("/discard")
    @Roles.Operators
    @Operation(summary = "Mark quarantined rows as discarded (kept, no longer open)")
    Map<String, Integer> discard(@Valid @RequestBody QuarantineDiscard request, Authentication caller) {
        int discarded = transactions.execute(tx -> quarantine.discard(request.ids(), clock.instant(), caller.getName()));
        return Map.of("discarded", discarded);
    }
}
