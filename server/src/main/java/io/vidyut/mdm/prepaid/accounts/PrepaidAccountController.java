package io.vidyut.mdm.prepaid.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.CsvImport;
import io.vidyut.mdm.common.CsvUpload;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.springframework.transaction.support.TransactionTemplate;

/** Prepaid accounts and their ledgers. */
@RestController
@RequestMapping("/api/v1/prepaid/accounts")
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class PrepaidAccountController {
    private final PrepaidAccounts accounts;
    private final AccountStore store;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    PrepaidAccountController(PrepaidAccounts accounts, AccountStore store, Ledger ledger, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
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

    @PostMapping(value = "/import", consumes = "text/csv")
    @CsvUpload
    @Roles.TenantAdmin
    @Operation(summary = "Convert consumers to prepaid in bulk from CSV (account_no,opening_balance,arrears,converted_on)",
            description = "One account per row, as POST /prepaid/accounts; mode=ALL_OR_NOTHING (default) or PARTIAL. The "
                    + "answer reconciles the file with the ledger: the opening balances and arrears of the rows accepted, and "
                    + "what the accounts opened now hold, to the paisa.")
    ResponseEntity<?> importCsv(@RequestParam(defaultValue = "ALL_OR_NOTHING") CsvImport.Mode mode, HttpServletRequest request,
                                Authentication caller) throws IOException {
        List<UUID> opened = new ArrayList<>();
        BigDecimal[] inFile = {BigDecimal.ZERO, BigDecimal.ZERO};
        CsvImport.Report report = CsvImport.run(request.getReader(), Set.of("account_no"), mode, transactions, row -> {
            BigDecimal opening = row.decimal("opening_balance"), arrears = row.decimal("arrears");
            PrepaidAccount account = accounts.open(new PrepaidAccounts.Opening(row.require("account_no"), opening, arrears,
                    date(row.get("converted_on"))), caller.getName());
            // counted once the row stands (a row that fails rolls back to its savepoint and is not counted)
            opened.add(account.id());
            if (opening != null) inFile[0] = inFile[0].add(opening);
            if (arrears != null) inFile[1] = inFile[1].add(arrears);
        });
        if (!report.committed()) return report.toResponse();
        return ResponseEntity.ok(new ConversionReport(report, accounts.reconcile(opened, inFile[0].setScale(2), inFile[1].setScale(2))));
    }

    /** The import's report and the reconciliation of the accounts it opened. */
    record ConversionReport(CsvImport.Report report, PrepaidAccounts.Reconciliation reconciliation) {}

    private static LocalDate date(String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw FieldErrorsException.of("converted_on", "a date as 2026-11-01, not " + value);
        }
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
