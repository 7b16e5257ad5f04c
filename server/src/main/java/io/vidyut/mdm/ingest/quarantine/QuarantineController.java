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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final IngestService ingest;
    private final HesVendorService vendors;
    private final Clock clock;

    QuarantineController(JdbcClient jdbc, TransactionTemplate transactions, IngestService ingest, HesVendorService vendors, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ingest = ingest;
        this.vendors = vendors;
        this.clock = clock;
    }

    record QuarantinedRow(UUID id, UUID vendorId, UUID batchId, int rowNo, String field, String reason, String raw,
                          Instant receivedAt, String status, Instant resolvedAt, String resolvedBy) {}

    record Redrive(@NotNull UUID vendorId) {}

    record Discard(@NotEmpty List<UUID> ids) {}

    @GetMapping
    @Roles.Operators
    @Operation(summary = "Rows HES systems sent that could not be stored, with the reason and the raw row",
            description = "Filter by vendor_id and status (OPEN, REDRIVEN, DISCARDED).")
    Page<QuarantinedRow> list(@RequestParam(name = "vendor_id", required = false) UUID vendorId,
                              @RequestParam(defaultValue = "OPEN") String status,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        String where = " where status = :status" + (vendorId == null ? "" : " and vendor_id = :vendor");
        if (vendorId != null) params.put("vendor", vendorId);
        return transactions.execute(tx -> {
            List<QuarantinedRow> rows = jdbc.sql("select * from quarantine_row" + where
                            + " order by received_at desc, row_no limit :limit offset :offset")
                    .params(params).param("limit", request.size()).param("offset", request.offset())
                    .query((rs, n) -> new QuarantinedRow(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                            rs.getObject("batch_id", UUID.class), rs.getInt("row_no"), rs.getString("field"),
                            rs.getString("reason"), rs.getString("raw"), rs.getTimestamp("received_at").toInstant(),
                            rs.getString("status"), rs.getTimestamp("resolved_at") == null ? null
                            : rs.getTimestamp("resolved_at").toInstant(), rs.getString("resolved_by")))
                    .list();
            long total = jdbc.sql("select count(*) from quarantine_row" + where).params(params).query(Long.class).single();
            return Page.of(rows, request, total);
        });
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
    Map<String, Integer> discard(@Valid @RequestBody Discard request, Authentication caller) {
        int discarded = transactions.execute(tx -> jdbc.sql("""
                        update quarantine_row set status = 'DISCARDED', resolved_at = ?, resolved_by = ?
                         where id = any(?) and status = 'OPEN'""")
                .params(java.sql.Timestamp.from(clock.instant()), caller.getName(), request.ids().toArray(UUID[]::new)).update());
        return Map.of("discarded", discarded);
    }
}
