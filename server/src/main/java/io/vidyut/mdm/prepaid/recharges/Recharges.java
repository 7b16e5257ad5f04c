package io.vidyut.mdm.prepaid.recharges;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.prepaid.accounts.AccountStore;
import io.vidyut.mdm.prepaid.accounts.EntryType;
import io.vidyut.mdm.prepaid.accounts.Ledger;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicy;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicyStore;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crediting recharges at any hour, exactly once per (source, transaction id), within the tenant's amount rules; the
 * share of arrears recovered from each; reversals. A credited recharge publishes {@link RechargeCredited} in its
 * transaction.
 */
@Service
class Recharges {
    static final String COUNTER = "COUNTER";
    static final Set<String> MODES = Set.of("UPI", "CARD", "NET_BANKING", "WALLET", "CASH", "CHEQUE", "OTHER");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    /** A payment older than this is not a recharge but a reconciliation: it is refused. */
    private static final Duration OLDEST_PAYMENT = Duration.ofDays(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String COLUMNS = """
            r.id, r.account_id, a.account_no, r.source, r.transaction_id, r.amount, r.mode, r.paid_at, r.received_at, r.received_by,
            r.reversed_at, r.reversed_by, r.reversal_reason""";
    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final Ledger ledger;
    private final PrepaidPolicyStore policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    Recharges(JdbcClient jdbc, AccountStore accounts, Ledger ledger, PrepaidPolicyStore policies, ApplicationEventPublisher events,
              Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ledger = ledger;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** A recharge to credit: the account by number, the payer's transaction id, amount (₹), mode, when it was paid. */
    record RechargeRequest(String accountNo, String transactionId, BigDecimal amount, String mode, Instant paidAt) {}

    /** What a recharge did: the recharge, the balance after it, and whether it had been credited before (a repeat). */
    record RechargeReceipt(Recharge recharge, BigDecimal balanceAfter, BigDecimal arrearsRecovered, boolean duplicate) {}

    @Transactional
    RechargeReceipt credit(String source, RechargeRequest request, String user) {
        PrepaidPolicy policy = policies.current();
        Instant now = clock.instant();
        check(request, policy, now);
        Optional<Recharge> earlier = find(source, request.transactionId());
        if (earlier.isPresent()) return repeat(earlier.get(), request);
        PrepaidAccount account = accounts.openByAccountNo(request.accountNo().strip()).orElseThrow(() -> FieldErrorsException.of("account_no", "no open prepaid account " + request.accountNo()));
        UUID id = UUID.randomUUID();
        // a repeat racing this one waits on the unique key, then finds nothing inserted and answers as a repeat
        boolean inserted = jdbc.sql("""
                        insert into prepaid_recharge (id, tenant_id, account_id, source, transaction_id, amount, mode, paid_at,
                                                      received_at, received_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, source, transaction_id) do nothing""")
                .params(id, TenantContext.requireTenantId(), account.id(), source, request.transactionId(),
                        request.amount().setScale(2), request.mode(), Timestamp.from(request.paidAt() == null ? now : request.paidAt()),
                        Timestamp.from(now), user)
                .update() == 1;
        if (!inserted) return repeat(find(source, request.transactionId()).orElseThrow(), request);

        PrepaidAccount locked = accounts.lock(account.id());
        BigDecimal amount = request.amount().setScale(2);
        BigDecimal instalment = locked.arrears().min(amount.multiply(BigDecimal.valueOf(policy.arrearsRecoveryPercent()))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP));
        List<Ledger.Entry> entries = new ArrayList<>();
        entries.add(new Ledger.Entry(EntryType.RECHARGE, amount, null, "Recharge " + source + " " + request.transactionId()
                + " (" + request.mode() + ")", null, null, null, id));
        if (instalment.signum() > 0) {
            entries.add(new Ledger.Entry(EntryType.ARREARS_INSTALMENT, instalment.negate(), null, "Arrears: " + policy.arrearsRecoveryPercent()
                    + " % of the recharge, ₹" + locked.arrears().subtract(instalment).toPlainString() + " left", null, null, null, id));
        }
        Ledger.Posted posted = ledger.post(locked.id(), entries, user);
        accounts.recharged(locked.id(), amount, now, locked.arrears().subtract(instalment));
        Recharge recharge = get(id);
        audit.record(AuditedAction.of("prepaid_recharge.credited", "prepaid_recharge", id, null, recharge));
        events.publishEvent(new RechargeCredited(TenantContext.requireTenantId(), locked.id(), locked.consumerId(), locked.accountNo(),
                id, amount, posted.after(), user));
        return new RechargeReceipt(recharge, posted.after(), instalment, false);
    }

    /**
     * Takes a credited recharge back (a chargeback, a counter mistake): the amount debited, the arrears it recovered
     * restored. Once only.
     */
    @Transactional
    RechargeReceipt reverse(String source, String transactionId, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > 500) throw FieldErrorsException.of("reason", "required, at most 500 characters");
        Recharge recharge = find(source, transactionId).orElseThrow(() -> new NotFoundException("Recharge", source + "/" + transactionId));
        PrepaidAccount locked = accounts.lock(recharge.accountId());
        if (recharge.reversedAt() != null) throw new ConflictException("Recharge " + transactionId + " was reversed at " + recharge.reversedAt());
        BigDecimal recovered = jdbc.sql("""
                        select coalesce(-sum(amount), 0) from prepaid_ledger
                         where account_id = ? and recharge_id = ? and entry_type = 'ARREARS_INSTALMENT'""")
                .params(recharge.accountId(), recharge.id()).query(BigDecimal.class).single().setScale(2);
        List<Ledger.Entry> entries = new ArrayList<>();
        entries.add(new Ledger.Entry(EntryType.RECHARGE_REVERSAL, recharge.amount().negate(), null, "Reversal of recharge "
                + source + " " + transactionId + ": " + reason.strip(), null, null, null, recharge.id()));
        if (recovered.signum() > 0) {
            entries.add(new Ledger.Entry(EntryType.ARREARS_INSTALMENT, recovered, null, "Arrears recovered from the reversed recharge restored",
                    null, null, null, recharge.id()));
            accounts.arrears(locked.id(), locked.arrears().add(recovered));
        }
        Ledger.Posted posted = ledger.post(locked.id(), entries, user);
        jdbc.sql("update prepaid_recharge set reversed_at = ?, reversed_by = ?, reversal_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), user, reason.strip(), recharge.id()).update();
        Recharge after = get(recharge.id());
        audit.record(AuditedAction.of("prepaid_recharge.reversed", "prepaid_recharge", recharge.id(), recharge, after));
        return new RechargeReceipt(after, posted.after(), recovered.negate(), false);
    }

    @Transactional(readOnly = true)
    Page<Recharge> list(UUID accountId, PageRequest page) {
        String where = accountId == null ? "" : " where r.account_id = :account";
        var query = jdbc.sql("select " + COLUMNS + " from prepaid_recharge r join prepaid_account a on a.id = r.account_id" + where
                + " order by r.received_at desc, r.id limit :limit offset :offset");
        var count = jdbc.sql("select count(*) from prepaid_recharge r" + where);
        if (accountId != null) {
            query = query.param("account", accountId);
            count = count.param("account", accountId);
        }
        return Page.of(query.param("limit", page.size()).param("offset", page.offset()).query(Recharges::read).list(), page,
                count.query(Long.class).single());
    }

    Recharge get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_recharge r join prepaid_account a on a.id = r.account_id where r.id = ?")
                .param(id).query(Recharges::read).optional().orElseThrow(() -> new NotFoundException("Recharge", id));
    }

    private Optional<Recharge> find(String source, String transactionId) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_recharge r join prepaid_account a on a.id = r.account_id"
                        + " where r.source = ? and r.transaction_id = ?")
                .params(source, transactionId).query(Recharges::read).optional();
    }

    /** The same transaction id again: the first credit stands; a different amount or account is a conflict, not a repeat. */
    private RechargeReceipt repeat(Recharge earlier, RechargeRequest request) {
        if (earlier.amount().compareTo(request.amount()) != 0 || !earlier.accountNo().equals(request.accountNo().strip())) {
            throw new ConflictException("Transaction " + request.transactionId() + " was credited before as ₹"
                    + earlier.amount().toPlainString() + " to account " + earlier.accountNo());
        }
        PrepaidAccount account = accounts.find(earlier.accountId()).orElseThrow();
        return new RechargeReceipt(earlier, account.balance(), null, true);
    }

    private static void check(RechargeRequest request, PrepaidPolicy policy, Instant now) {
        List<FieldError> problems = new ArrayList<>();
        if (request.accountNo() == null || request.accountNo().isBlank() || request.accountNo().length() > 64) {
            problems.add(new FieldError("account_no", "required, at most 64 characters"));
        }
        if (request.transactionId() == null || !TRANSACTION_ID.matcher(request.transactionId()).matches()) {
            problems.add(new FieldError("transaction_id", "1–64 of A–Z a–z 0–9 . _ : / -"));
        }
        BigDecimal amount = request.amount();
        if (amount == null || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(policy.rechargeMinimum()) < 0
                || amount.compareTo(policy.rechargeMaximum()) > 0
                || amount.remainder(policy.rechargeMultiple()).signum() != 0) {
            problems.add(new FieldError("amount", "₹" + policy.rechargeMinimum().toPlainString() + " to ₹"
                    + policy.rechargeMaximum().toPlainString() + " in multiples of ₹" + policy.rechargeMultiple().toPlainString()
                    + ", to the paisa"));
        }
        if (request.mode() == null || !MODES.contains(request.mode())) problems.add(new FieldError("mode", "one of " + MODES));
        if (request.paidAt() != null && (request.paidAt().isAfter(now.plus(Duration.ofMinutes(5)))
                || request.paidAt().isBefore(now.minus(OLDEST_PAYMENT)))) {
            problems.add(new FieldError("paid_at", "not in the future and within " + OLDEST_PAYMENT.toDays() + " days"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
    }

    private static Recharge read(ResultSet rs, int n) throws SQLException {
        Timestamp reversed = rs.getTimestamp("reversed_at");
        return new Recharge(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("account_no"),
                rs.getString("source"), rs.getString("transaction_id"), rs.getBigDecimal("amount"), rs.getString("mode"),
                rs.getTimestamp("paid_at").toInstant(), rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                reversed == null ? null : reversed.toInstant(), rs.getString("reversed_by"), rs.getString("reversal_reason"));
    }
}
