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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
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
@RequestMapping("/api/v1/network")
@Tag(name = "Network", description = "Circle → division → sub-division → substation → feeder → DT")
class NetworkController {
    private final NetworkService network;
    private final TransactionTemplate transactions;

    NetworkController(NetworkService network, TransactionTemplate transactions) {
        this.network = network;
        this.transactions = transactions;
    }

    record CreateNode(@NotNull NetworkLevel level, @NotBlank String code, @NotBlank String name, UUID parentId,
                      BigDecimal capacityKva, BigDecimal voltageKv) {}

    record UpdateNode(String name, UUID parentId, BigDecimal capacityKva, BigDecimal voltageKv) {}

    @GetMapping("/nodes")
    @Roles.Staff
    @Operation(summary = "List network nodes by level, parent or search text")
    Page<NetworkService.NodeSummary> list(@RequestParam(required = false) NetworkLevel level,
                                          @RequestParam(name = "parent_id", required = false) UUID parentId,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return network.list(level, parentId, q, new PageRequest(page, size));
    }

    @PostMapping("/nodes")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Add a network node")
    NetworkNode create(@Valid @RequestBody CreateNode request) {
        return network.create(new NetworkService.NewNode(request.level(), request.code(), request.name(),
                request.parentId(), request.capacityKva(), request.voltageKv()));
    }

    @GetMapping("/nodes/{id}")
    @Roles.Staff
    @Operation(summary = "Get a network node")
    NetworkNode get(@PathVariable UUID id) {
        return network.get(id);
    }

    @GetMapping("/nodes/{id}/path")
    @Roles.Staff
    @Operation(summary = "The node's ancestors from the circle down to the node")
    List<NetworkNode> path(@PathVariable UUID id) {
        return network.path(id);
    }

    @PutMapping("/nodes/{id}")
    @Roles.TenantAdmin
    @Operation(summary = "Rename, re-parent or re-rate a node")
    NetworkNode update(@PathVariable UUID id, @RequestBody UpdateNode request) {
        return network.update(id, request.name(), request.parentId(), request.capacityKva(), request.voltageKv());
    }

    @DeleteMapping("/nodes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Remove a node with nothing below it")
    void delete(@PathVariable UUID id) {
        network.delete(id);
    }

    @PostMapping(value = "/nodes/import", consumes = "text/csv")
    @CsvUpload
    @Roles.TenantAdmin
    @Operation(summary = "Bulk import nodes from CSV (level,code,name,parent_code,capacity_kva,voltage_kv), parents first",
            description = "mode=ALL_OR_NOTHING (default) or PARTIAL; the report lists each bad row.")
    ResponseEntity<?> importCsv(@RequestParam(defaultValue = "ALL_OR_NOTHING") CsvImport.Mode mode,
                                HttpServletRequest request) throws IOException {
        Map<String, UUID> codes = new HashMap<>();
        return CsvImport.run(request.getReader(), Set.of("level", "code", "name"), mode, transactions, row -> {
            NetworkLevel level = row.enumValue("level", NetworkLevel.class);
            if (level == null) throw FieldErrorsException.of("level", "required");
            String parentCode = row.get("parent_code");
            UUID parent = parentCode == null ? null : codes.computeIfAbsent(parentCode, c -> network.findByCode(c)
                    .map(NetworkNode::id).orElseThrow(() -> FieldErrorsException.of("parent_code", "no node " + c)));
            NetworkNode node = network.create(new NetworkService.NewNode(level, row.require("code"), row.require("name"),
                    parent, row.decimal("capacity_kva"), row.decimal("voltage_kv")));
            codes.put(node.code(), node.id());
        }).toResponse();
    }
}
