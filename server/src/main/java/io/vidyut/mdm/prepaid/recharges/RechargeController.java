package io.vidyut.mdm.prepaid.recharges;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.BodyLimit;
import io.vidyut.mdm.common.MalformedInputException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.security.SelfAuthenticatedEndpoints;
import io.vidyut.mdm.security.SignedRequests;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recharges: posted by payment gateways (signed, not signed in; see docs/prepaid.md), taken at a counter by operators,
 * reversed; and the gateways themselves.
 */
@RestController
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class RechargeController {
    static final String GATEWAY_PATH = "/api/v1/prepaid/recharges";
    static final String GATEWAY_REVERSAL_PATH = "/api/v1/prepaid/recharges/reversals";
    static final String GATEWAY = "X-Mdm-Gateway";
    static final String TIMESTAMP = "X-Mdm-Timestamp";
    static final String SIGNATURE = "X-Mdm-Signature";
    private static final SignedRequests.Kind KIND = new SignedRequests.Kind("prepaid_recharge", GATEWAY, TIMESTAMP, SIGNATURE,
            PaymentGateways.CODE);
    private final Recharges recharges;
    private final PaymentGateways gateways;
    private final SignedRequests signed;
    private final JsonMapper json;

    RechargeController(Recharges recharges, PaymentGateways gateways, SignedRequests signed, JsonMapper json) {
        this.recharges = recharges;
        this.gateways = gateways;
        this.signed = signed;
        this.json = json;
    }

    /** A gateway's recharge: its transaction id is the idempotency key. */
    record GatewayRecharge(String transactionId, String accountNo, BigDecimal amount, String mode, Instant paidAt) {}

    record GatewayReversal(String transactionId, String reason) {}

    /** A counter recharge: the receipt number is the transaction id. */
    record CounterRecharge(String receiptNo, BigDecimal amount, String mode) {}

    record ReversalRequest(String reason) {}

    @PostMapping(GATEWAY_PATH)
    @Roles.Anyone
    @Operation(summary = "A payment gateway posts a recharge",
            description = "Signed, not signed in: X-Mdm-Gateway: <tenant code>/<gateway code>, X-Mdm-Timestamp (epoch seconds, "
                    + "within 5 minutes) and X-Mdm-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\"> with the "
                    + "gateway's current or previous secret; else 401. Body {transaction_id, account_no, amount, mode, paid_at}, "
                    + "at most 16 KiB. 201 when credited; 200 with duplicate=true when the transaction id was credited before "
                    + "(nothing credited again); 409 when the same id comes with another amount or account; 422 outside "
                    + "the tenant's amount rules. Credits at any hour and reconnects at once when the balance allows.")
    ResponseEntity<Recharges.RechargeReceipt> gatewayRecharge(@RequestHeader(name = GATEWAY, required = false) String gateway,
                                                              @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                                              @RequestHeader(name = SIGNATURE, required = false) String signature,
                                                              @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        var caller = signed.authenticate(KIND, gateway, timestamp, signature, raw, gateways::signingSecrets);
        GatewayRecharge request = parse(raw, GatewayRecharge.class);
        Recharges.RechargeReceipt receipt = TenantContext.callAs(caller.tenant(), () -> recharges.credit(caller.system().code(),
                new Recharges.RechargeRequest(request.accountNo(), request.transactionId(), request.amount(), request.mode(),
                        request.paidAt()), "gateway:" + caller.system().code()));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @PostMapping(GATEWAY_REVERSAL_PATH)
    @Roles.Anyone
    @Operation(summary = "A payment gateway reverses a recharge it posted (refund, chargeback)",
            description = "Signed as POST /prepaid/recharges. Body {transaction_id, reason}. 409 when already reversed.")
    Recharges.RechargeReceipt gatewayReversal(@RequestHeader(name = GATEWAY, required = false) String gateway,
                                              @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
                                              @RequestHeader(name = SIGNATURE, required = false) String signature,
                                              @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        var caller = signed.authenticate(KIND, gateway, timestamp, signature, raw, gateways::signingSecrets);
        GatewayReversal request = parse(raw, GatewayReversal.class);
        return TenantContext.callAs(caller.tenant(), () -> recharges.reverse(caller.system().code(), request.transactionId(),
                request.reason(), "gateway:" + caller.system().code()));
    }

    @PostMapping("/api/v1/prepaid/accounts/{accountNo}/recharges")
    @Roles.Operators
    @Operation(summary = "A counter recharge taken by an operator", description = "The receipt number is the idempotency key "
            + "(source COUNTER). The tenant's amount rules apply.")
    ResponseEntity<Recharges.RechargeReceipt> counterRecharge(@PathVariable String accountNo, @RequestBody CounterRecharge body,
                                                              Authentication caller) {
        Recharges.RechargeReceipt receipt = recharges.credit(Recharges.COUNTER, new Recharges.RechargeRequest(accountNo,
                body.receiptNo(), body.amount(), body.mode(), null), caller.getName());
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @PostMapping("/api/v1/prepaid/recharges/{source}/{transactionId}/reversal")
    @Roles.Operators
    @Operation(summary = "Reverse a credited recharge", description = "Debits the amount and restores the arrears it recovered; "
            + "once only (409).")
    Recharges.RechargeReceipt reverse(@PathVariable String source, @PathVariable String transactionId,
                                      @RequestBody ReversalRequest body, Authentication caller) {
        return recharges.reverse(source, transactionId, body.reason(), caller.getName());
    }

    @GetMapping("/api/v1/prepaid/recharges")
    @Roles.Readers
    @Operation(summary = "Recharges, the latest first", description = "Of one account (account_id), or all.")
    Page<Recharge> list(@RequestParam(name = "account_id", required = false) UUID accountId,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return recharges.list(accountId, new PageRequest(page, size));
    }

    @GetMapping("/api/v1/prepaid/gateways")
    @Roles.Readers
    @Operation(summary = "The tenant's payment gateways (never their secrets)")
    List<PaymentGateway> gateways() {
        return gateways.list();
    }

    @PostMapping("/api/v1/prepaid/gateways")
    @Roles.TenantAdmin
    @Operation(summary = "Add a payment gateway", description = "The answer carries its signing secret, shown this once.")
    ResponseEntity<PaymentGateways.PaymentGatewaySecret> addGateway(@RequestBody PaymentGateways.NewPaymentGateway body,
                                                                    Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gateways.create(body, caller.getName()));
    }

    @PostMapping("/api/v1/prepaid/gateways/{code}/secret")
    @Roles.TenantAdmin
    @Operation(summary = "Rotate a gateway's signing secret", description = "The new secret is shown this once; the one it "
            + "replaces is still accepted until the next rotation.")
    PaymentGateways.PaymentGatewaySecret rotate(@PathVariable String code) {
        return gateways.rotateSecret(code);
    }

    @PostMapping("/api/v1/prepaid/gateways/{code}/{state:enabled|disabled}")
    @Roles.TenantAdmin
    @Operation(summary = "Enable or disable a gateway", description = "A disabled gateway's signatures are refused (401).")
    PaymentGateway enable(@PathVariable String code, @PathVariable String state) {
        return gateways.enable(code, state.equals("enabled"));
    }

    private <T> T parse(byte[] raw, Class<T> type) {
        try {
            return json.readValue(raw, type);
        } catch (JacksonException e) {
            throw new MalformedInputException("The body is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    /** The gateway paths need no token: their requests are signed and checked here. */
    @Component
    static class GatewayEndpoints implements SelfAuthenticatedEndpoints {
        @Override
        public List<String> postPaths() {
            return List.of(GATEWAY_PATH, GATEWAY_REVERSAL_PATH);
        }
    }

    /** A gateway's body is refused beyond 16 KiB as it arrives, before its signature can be checked. */
    @Component
    static class GatewayBodyLimit implements BodyLimit {
        @Override
        public boolean covers(String path) {
            return path.equals(GATEWAY_PATH) || path.equals(GATEWAY_REVERSAL_PATH);
        }

        @Override
        public long bytes() {
            return 16 * 1024;
        }

        @Override
        public String advice() {
            return "A recharge is one small JSON object.";
        }
    }
}
