package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.SupplyMode;
import io.vidyut.mdm.prepaid.accounts.AccountClosed;
import io.vidyut.mdm.prepaid.accounts.AccountStore;
import io.vidyut.mdm.prepaid.accounts.EntryType;
import io.vidyut.mdm.prepaid.accounts.Ledger;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccounts;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a prepaid account with its final settlement: the days up to yesterday charged first, then a credit left is a
 * REFUND owed to the consumer and a debt a CLOSING_SETTLEMENT carried to the final bill (with the arrears still
 * owed), so the closed account's ledger sums to zero; optionally the consumer goes back to postpaid supply.
 */
@Service
class Settlements {
    private final PrepaidAccounts prepaid;
    private final AccountStore accounts;
    private final Ledger ledger;
    private final DailyCharging charging;
    private final ConsumerService consumers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Settlements(PrepaidAccounts prepaid, AccountStore accounts, Ledger ledger, DailyCharging charging, ConsumerService consumers,
                ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.prepaid = prepaid;
        this.accounts = accounts;
        this.ledger = ledger;
        this.charging = charging;
        this.consumers = consumers;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    record Closing(String reason, Boolean switchToPostpaid) {}

    /** What the consumer is owed (refund) or owes (debt and arrears, to the final bill), and the account as closed. */
    record Settlement(PrepaidAccount account, int daysCharged, BigDecimal refund, BigDecimal debtToFinalBill,
                      BigDecimal arrearsToFinalBill, boolean switchedToPostpaid) {}

    @Transactional
    Settlement close(UUID accountId, Closing closing, String user) {
        if (closing.reason() == null || closing.reason().isBlank() || closing.reason().length() > 500) {
            throw FieldErrorsException.of("reason", "required, at most 500 characters");
        }
        PrepaidAccount before = prepaid.get(accountId);
        if (before.status() == PrepaidAccount.Status.CLOSED) throw new ConflictException("Account " + before.accountNo() + " is closed");
        int days = charging.chargeAccount(before, prepaid.today().minusDays(1));
        PrepaidAccount account = accounts.lock(accountId);
        BigDecimal balance = account.balance();
        BigDecimal refund = balance.max(BigDecimal.ZERO), debt = balance.min(BigDecimal.ZERO).negate();
        if (balance.signum() != 0) {
            ledger.post(account.id(), List.of(balance.signum() > 0
                    ? Ledger.Entry.of(EntryType.REFUND, balance.negate(), "Credit of ₹" + balance.toPlainString()
                            + " refunded at closure: " + closing.reason().strip())
                    : Ledger.Entry.of(EntryType.CLOSING_SETTLEMENT, debt, "Debt of ₹" + debt.toPlainString()
                            + " carried to the final bill at closure: " + closing.reason().strip())), user);
        }
        accounts.close(account.id(), clock.instant());
        boolean postpaid = Boolean.TRUE.equals(closing.switchToPostpaid());
        if (postpaid) {
            consumers.update(account.consumerId(), new ConsumerService.ConsumerDetails(null, null, null, null, null, null, null,
                    SupplyMode.POSTPAID, null, null));
        }
        PrepaidAccount closed = prepaid.get(account.id());
        events.publishEvent(new AccountClosed(TenantContext.requireTenantId(), closed.id(), user));
        Settlement settlement = new Settlement(closed, days, refund, debt, closed.arrears(), postpaid);
        audit.record(AuditedAction.of("prepaid_account.closed", "prepaid_account", closed.id(), before, settlement));
        return settlement;
    }
}
