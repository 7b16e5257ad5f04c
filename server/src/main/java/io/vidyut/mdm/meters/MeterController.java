package io.vidyut.mdm.meters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.CsvImport;
import io.vidyut.mdm.common.CsvUpload;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.hes.HesVendor;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkNode;
import io.vidyut.mdm.network.NetworkService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/meters")
@Tag(name = "Meters", description = "The meter registry")
class MeterController {
    private static final Set<String> CSV_REQUIRED = Set.of("serial", "make", "phase", "category");
    private final MeterService meters;
    private final HesVendorService vendors;
    private final ConsumerService consumers;
    private final NetworkService network;
    private final TransactionTemplate transactions;

    MeterController(MeterService meters, HesVendorService vendors, ConsumerService consumers, NetworkService network,
                    TransactionTemplate transactions) {
        this.meters = meters;
        this.vendors = vendors;
        this.consumers = consumers;
        this.network = network;
        this.transactions = transactions;
    }

    record CreateMeter(@NotBlank String serial, @NotBlank String make, String model, @NotNull Phase phase,
                       @NotNull MeterCategory category, @Positive BigDecimal ctRatio, @Positive BigDecimal ptRatio,
                       UUID hesVendorId, UUID consumerId, UUID networkNodeId, LifecycleStage lifecycleStage) {}

    record UpdateMeter(String make, String model, Phase phase, @Positive BigDecimal ctRatio,
                       @Positive BigDecimal ptRatio, UUID hesVendorId, UUID consumerId, UUID networkNodeId) {}

    @GetMapping
    @Roles.Staff
    @Operation(summary = "List meters by serial prefix, category, vendor, stage, phase, consumer, node or DT",
            description = "sort: serial (default), category, phase, "
                    + "make, lifecycle_stage or stage_changed_at, with a leading '-' for descending; ties by serial.")
    Page<Meter> list(@RequestParam(required = false) String serial,
                     @RequestParam(required = false) MeterCategory category,
                     @RequestParam(name = "hes_vendor_id", required = false) UUID hesVendorId,
                     @RequestParam(required = false) LifecycleStage stage,
                     @RequestParam(required = false) String phase,
                     @RequestParam(name = "consumer_id", required = false) UUID consumerId,
                     @RequestParam(name = "network_node_id", required = false) UUID networkNodeId,
                     @RequestParam(name = "dt_id", required = false) UUID dtId,
                     @RequestParam(required = false) String sort,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        return meters.list(new MeterService.MeterFilter(serial, category, hesVendorId, stage,
                phase == null ? null : Phase.ofCode(phase), consumerId,
                networkNodeId, dtId), new PageRequest(page, size), MeterSort.parse(sort));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.Operators
    @Operation(summary = "Register a meter")
    Meter create(@Valid @RequestBody CreateMeter r) {
        return meters.create(new MeterService.MeterDetails(r.serial(), r.make(), r.model(), r.phase(), r.category(),
                r.ctRatio(), r.ptRatio(), r.hesVendorId(), r.consumerId(), r.networkNodeId(), r.lifecycleStage()));
    }

    @GetMapping("/{id}")
    @Roles.Staff
    @Operation(summary = "Get a meter")
    Meter get(@PathVariable UUID id) {
        return meters.get(id);
    }

    @GetMapping("/by-serial/{serial}")
    @Roles.Staff
    @Operation(summary = "Get a meter by its serial number")
    Meter bySerial(@PathVariable String serial) {
        return meters.getBySerial(serial);
    }

    @PutMapping("/{id}")
    @Roles.Operators
    @Operation(summary = "Change a meter's registry attributes (not its serial, category or stage)")
    Meter update(@PathVariable UUID id, @Valid @RequestBody UpdateMeter r) {
        return meters.update(id, new MeterService.MeterDetails(null, r.make(), r.model(), r.phase(), null, r.ctRatio(),
                r.ptRatio(), r.hesVendorId(), r.consumerId(), r.networkNodeId(), null));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Delete a meter still in inventory")
    void delete(@PathVariable UUID id) {
        meters.delete(id);
    }

    @PostMapping(value = "/import", consumes = "text/csv")
    @CsvUpload
    @Roles.TenantAdmin
    @Operation(summary = "Bulk import meters from CSV (serial,make,model,phase,category,ct_ratio,pt_ratio,"
            + "hes_vendor_code,account_no,node_code,lifecycle_stage)",
            description = "mode=ALL_OR_NOTHING (default) or PARTIAL; the report lists each bad row.")
    ResponseEntity<?> importCsv(@RequestParam(defaultValue = "ALL_OR_NOTHING") CsvImport.Mode mode,
                                HttpServletRequest request) throws IOException {
        Map<String, UUID> vendorIds = new HashMap<>();
        Map<String, UUID> nodeIds = new HashMap<>();
        return CsvImport.run(request.getReader(), CSV_REQUIRED, mode, transactions, row -> {
            String vendorCode = row.get("hes_vendor_code");
            String accountNo = row.get("account_no");
            String nodeCode = row.get("node_code");
            UUID vendor = vendorCode == null ? null : vendorIds.computeIfAbsent(vendorCode, c -> vendors.findByCode(c)
                    .map(HesVendor::id).orElseThrow(() -> FieldErrorsException.of("hes_vendor_code", "no HES vendor " + c)));
            UUID consumer = accountNo == null ? null : consumers.findByAccountNo(accountNo).map(ConsumerAccount::id)
                    .orElseThrow(() -> FieldErrorsException.of("account_no", "no consumer " + accountNo));
            UUID node = nodeCode == null ? null : nodeIds.computeIfAbsent(nodeCode, c -> network.findByCode(c)
                    .map(NetworkNode::id).orElseThrow(() -> FieldErrorsException.of("node_code", "no network node " + c)));
            meters.create(new MeterService.MeterDetails(row.require("serial"), row.require("make"), row.get("model"),
                    Phase.ofCode(row.require("phase")), row.enumValue("category", MeterCategory.class), row.decimal("ct_ratio"),
                    row.decimal("pt_ratio"), vendor, consumer, node, row.enumValue("lifecycle_stage", LifecycleStage.class)));
        }).toResponse();
    }
}
