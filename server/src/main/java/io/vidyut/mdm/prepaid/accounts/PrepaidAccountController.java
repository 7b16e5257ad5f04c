package io.vidyut.mdm.prepaid.accounts;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prepaid accounts and their ledgers. */
@RestController
@RequestMapping("/api/v1/prepaid/accounts")
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class PrepaidAccountController {
    private final PrepaidAccounts accounts;
    private final AccountStore store;
    private final Ledger ledger;

    PrepaidAccountController(PrepaidAccounts accounts, AccountStore store, Ledger ledger) {
        this.accounts = accounts;
        this.store = store;
        this.ledger = ledger;
    }

    @PostMapping
    @Roles.Operators
    @Operation(summary = "Open a prepaid account for a PREPAID consumer",
            description = "Body {account_no, opening_balance (₹, credit positive, debt negative), arrears (₹ to recover from "
                    + "recharges), converted_on (default today)}. 409 when the consumer has an open account.")
    ResponseEntity<PrepaidAccount> open(@RequestBody PrepaidAccounts.Opening body, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.open(body, caller.getName()));
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "Prepaid accounts, the lowest balance first",
            description = "Filter by status, supply (CONNECTED, DISCONNECTED), negative=true (at or below zero) or account_no.")
    Page<PrepaidAccount> list(@RequestParam(required = false) PrepaidAccount.Status status,
                              @RequestParam(required = false) PrepaidAccount.Supply supply,
                              @RequestParam(required = false) Boolean negative,
                              @RequestParam(name = "account_no", required = false) String accountNo,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return store.list(new AccountStore.Filter(status, supply, negative, accountNo), new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Roles.Readers
    @Operation(summary = "One prepaid account")
    PrepaidAccount get(@PathVariable UUID id) {
        return accounts.get(id);
    }

    @GetMapping("/{id}/ledger")
    @Roles.Readers
    @Operation(summary = "An account's ledger, the latest entry first",
            description = "Every entry with the balance after it and why: the tariff's charge line with its version and the "
                    + "data version, the recharge, the rule or the reason.")
    Page<Ledger.LedgerEntry> ledger(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        accounts.get(id);
        return ledger.entries(id, new PageRequest(page, size));
    }
}
