package io.vidyut.mdm.prepaid.accounts;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.SupplyMode;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount.Status;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount.Supply;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening prepaid accounts and finding them. */
@Service
public class PrepaidAccounts {
    /** The largest balance or arrears carried into an account (₹1 crore): anything beyond is a mistake in the file. */
    static final BigDecimal MOST_CARRIED = new BigDecimal("10000000");
    private final AccountStore store;
    private final Ledger ledger;
    private final ConsumerService consumers;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final AuditTrail audit;

    PrepaidAccounts(AccountStore store, Ledger ledger, ConsumerService consumers, TenantDirectory tenants, Clock clock, AuditTrail audit) {
        this.store = store;
        this.ledger = ledger;
        this.consumers = consumers;
        this.tenants = tenants;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * A prepaid consumer's account: the credit (positive) or debt (negative) carried into it as the opening balance,
     * arrears to recover from recharges, the day it became prepaid (default today).
     */
    public record Opening(String accountNo, BigDecimal openingBalance, BigDecimal arrears, LocalDate convertedOn) {}

    @Transactional
    public PrepaidAccount open(Opening opening, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (opening.accountNo() == null || opening.accountNo().isBlank() || opening.accountNo().length() > 64) {
            problems.add(new FieldError("account_no", "required, at most 64 characters"));
        }
        money(problems, "opening_balance", opening.openingBalance(), true);
        money(problems, "arrears", opening.arrears(), false);
        LocalDate today = today();
        if (opening.convertedOn() != null && (opening.convertedOn().isAfter(today) || opening.convertedOn().isBefore(today.minusYears(20)))) {
            problems.add(new FieldError("converted_on", "not after today (" + today + ") and within 20 years"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        ConsumerAccount consumer = consumers.findByAccountNo(opening.accountNo().strip())
                .orElseThrow(() -> FieldErrorsException.of("account_no", "no consumer has account number " + opening.accountNo()));
        if (consumer.supplyMode() != SupplyMode.PREPAID) {
            throw FieldErrorsException.of("account_no", "consumer " + consumer.accountNo() + " is supplied " + consumer.supplyMode()
                    + ", not PREPAID");
        }
        if (store.openOf(consumer.id()).isPresent()) throw new ConflictException("Consumer " + consumer.accountNo() + " has an open prepaid account");
        PrepaidAccount account = new PrepaidAccount(UUID.randomUUID(), consumer.id(), consumer.accountNo(), Status.ACTIVE,
                opening.convertedOn() == null ? today : opening.convertedOn(), BigDecimal.ZERO.setScale(2),
                orZero(opening.arrears()), null, null, null, null, Supply.CONNECTED, null, null, null, null, user, clock.instant(), null);
        store.insert(account);
        BigDecimal carried = orZero(opening.openingBalance());
        ledger.post(account.id(), List.of(Ledger.Entry.of(EntryType.OPENING_BALANCE, carried,
                "Opening balance carried at conversion to prepaid" + (account.arrears().signum() > 0
                        ? "; arrears of ₹" + account.arrears().toPlainString() + " to recover from recharges" : ""))), user);
        PrepaidAccount opened = get(account.id());
        audit.record(AuditedAction.of("prepaid_account.opened", "prepaid_account", opened.id(), null, opened));
        return opened;
    }

    /**
     * A conversion reconciled: the accounts opened, the opening balances and arrears their rows of the file carried, and
     * what the ledger and the accounts hold for them.
     */
    public record Reconciliation(int accounts, BigDecimal openingBalanceInFile, BigDecimal openingBalanceInLedger,
                                 BigDecimal arrearsInFile, BigDecimal arrearsInAccounts, boolean balanced) {}

    @Transactional(readOnly = true)
    public Reconciliation reconcile(List<UUID> opened, BigDecimal openingInFile, BigDecimal arrearsInFile) {
        BigDecimal inLedger = ledger.openingBalances(opened);
        BigDecimal arrears = store.arrears(opened);
        boolean balanced = openingInFile.compareTo(inLedger) == 0 && arrearsInFile.compareTo(arrears) == 0;
        return new Reconciliation(opened.size(), openingInFile, inLedger, arrearsInFile, arrears, balanced);
    }

    @Transactional(readOnly = true)
    public PrepaidAccount get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Prepaid account", id));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(tenants.zoneOf(TenantContext.requireTenantId())));
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2);
    }

    /** Rupees to the paisa within ±₹1 crore (not negative unless allowed): checked before anything is computed on it. */
    public static void money(List<FieldError> problems, String field, BigDecimal amount, boolean negativeAllowed) {
        if (amount == null) return;
        if (amount.stripTrailingZeros().scale() > 2 || amount.abs().compareTo(MOST_CARRIED) > 0 || (!negativeAllowed && amount.signum() < 0)) {
            problems.add(new FieldError(field, (negativeAllowed ? "" : "not negative, ") + "at most ₹" + MOST_CARRIED.toPlainString()
                    + (negativeAllowed ? " either way" : "") + ", to the paisa"));
        }
    }
}
