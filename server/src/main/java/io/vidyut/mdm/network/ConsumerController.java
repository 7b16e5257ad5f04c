package io.vidyut.mdm.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.CsvImport;
import io.vidyut.mdm.common.CsvUpload;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
@RequestMapping("/api/v1/consumers")
@Tag(name = "Consumers", description = "Consumer accounts / service points")
class ConsumerController {
    private static final Set<String> CSV_REQUIRED = Set.of("account_no", "name", "tariff_category",
            "sanctioned_load_kw", "supply_mode");
    private final ConsumerService consumers;
    private final NetworkService network;
    private final TransactionTemplate transactions;

    ConsumerController(ConsumerService consumers, NetworkService network, TransactionTemplate transactions) {
        this.consumers = consumers;
        this.network = network;
        this.transactions = transactions;
    }

    record CreateConsumer(@NotBlank String accountNo, @NotBlank String name, String address,
                          @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                          @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                          @NotBlank String tariffCategory, @NotNull @Positive BigDecimal sanctionedLoadKw,
                          @NotNull SupplyMode supplyMode, Boolean netMetered, UUID dtId) {}

    record UpdateConsumer(String name, String address,
                          @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                          @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
                          String tariffCategory, @Positive BigDecimal sanctionedLoadKw, SupplyMode supplyMode,
                          Boolean netMetered, UUID dtId) {}

    @GetMapping
    @Roles.Staff
    @Operation(summary = "List consumers, filtered by DT, supply mode, net metering, tariff or search text")
    Page<ConsumerAccount> list(@RequestParam(name = "dt_id", required = false) UUID dtId,
                               @RequestParam(name = "supply_mode", required = false) SupplyMode supplyMode,
                               @RequestParam(name = "net_metered", required = false) Boolean netMetered,
                               @RequestParam(name = "tariff_category", required = false) String tariffCategory,
                               @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        return consumers.list(new ConsumerService.ConsumerFilter(dtId, supplyMode, netMetered, tariffCategory, q),
                new PageRequest(page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.Operators
    @Operation(summary = "Add a consumer")
    ConsumerAccount create(@Valid @RequestBody CreateConsumer r) {
        return consumers.create(new ConsumerService.ConsumerDetails(r.accountNo(), r.name(), r.address(), r.latitude(),
                r.longitude(), r.tariffCategory(), r.sanctionedLoadKw(), r.supplyMode(), r.netMetered(), r.dtId()));
    }

    @GetMapping("/{id}")
    @Roles.Staff
    @Operation(summary = "Get a consumer")
    ConsumerAccount get(@PathVariable UUID id) {
        return consumers.get(id);
    }

    @PutMapping("/{id}")
    @Roles.Operators
    @Operation(summary = "Change a consumer's details (the account number stays)")
    ConsumerAccount update(@PathVariable UUID id, @Valid @RequestBody UpdateConsumer r) {
        return consumers.update(id, new ConsumerService.ConsumerDetails(null, r.name(), r.address(), r.latitude(),
                r.longitude(), r.tariffCategory(), r.sanctionedLoadKw(), r.supplyMode(), r.netMetered(), r.dtId()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Remove a consumer with no meter")
    void delete(@PathVariable UUID id) {
        consumers.delete(id);
    }

    @PostMapping(value = "/import", consumes = "text/csv")
    @CsvUpload
    @Roles.TenantAdmin
    @Operation(summary = "Bulk import consumers from CSV (account_no,name,address,latitude,longitude,"
            + "tariff_category,sanctioned_load_kw,supply_mode,net_metered,dt_code)",
            description = "mode=ALL_OR_NOTHING (default) or PARTIAL; the report lists each bad row.")
    ResponseEntity<?> importCsv(@RequestParam(defaultValue = "ALL_OR_NOTHING") CsvImport.Mode mode,
                                HttpServletRequest request) throws IOException {
        Map<String, UUID> dts = new HashMap<>();
        return CsvImport.run(request.getReader(), CSV_REQUIRED, mode, transactions, row -> {
            String dtCode = row.get("dt_code");
            UUID dt = dtCode == null ? null : dts.computeIfAbsent(dtCode, c -> network.findByCode(c)
                    .map(NetworkNode::id).orElseThrow(() -> FieldErrorsException.of("dt_code", "no DT " + c)));
            consumers.create(new ConsumerService.ConsumerDetails(row.require("account_no"), row.require("name"),
                    row.get("address"), row.decimal("latitude"), row.decimal("longitude"),
                    row.require("tariff_category"), row.decimal("sanctioned_load_kw"),
                    row.enumValue("supply_mode", SupplyMode.class), row.flag("net_metered"), dt));
        }).toResponse();
    }
}
