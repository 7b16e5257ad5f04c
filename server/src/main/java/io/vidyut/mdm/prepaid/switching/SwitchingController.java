package io.vidyut.mdm.prepaid.switching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Disconnections and reconnections the prepaid rules asked for, and the operator's reconnection. */
@RestController
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class SwitchingController {
    private final Switching switching;
    private final SwitchOrders orders;

    SwitchingController(Switching switching, SwitchOrders orders) {
        this.switching = switching;
        this.orders = orders;
    }

    record ManualReconnection(String reason) {}

    @GetMapping("/api/v1/prepaid/switching")
    @Roles.Readers
    @Operation(summary = "Disconnections and reconnections, the latest first",
            description = "Filter by action (DISCONNECT, RECONNECT) and status (SCHEDULED: waiting for its send time in an "
                    + "allowed window; SENT; EXECUTED; FAILED; CANCELLED). A reconnection carries its deadline and late=true "
                    + "when it was not executed by then.")
    Page<SwitchOrder> list(@RequestParam(required = false) SwitchOrder.Action action,
                           @RequestParam(required = false) SwitchOrder.Status status,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return orders.list(action, status, new PageRequest(page, size));
    }

    @PostMapping("/api/v1/prepaid/accounts/{id}/reconnect")
    @Roles.Operators
    @Operation(summary = "Reconnect an account now, whatever its balance", description = "Body {reason}; audited. Cancels "
            + "disconnections not yet sent.")
    ResponseEntity<SwitchOrder> reconnect(@PathVariable UUID id, @RequestBody ManualReconnection body, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(switching.reconnectByOperator(id, body.reason(), caller.getName()));
    }
}
