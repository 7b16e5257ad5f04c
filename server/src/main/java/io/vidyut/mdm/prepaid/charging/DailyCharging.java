package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.billing.DayCharges;
import io.vidyut.mdm.billing.DayCharges.ChargeLine;
import io.vidyut.mdm.billing.DayCharges.DayCharge;
import io.vidyut.mdm.common.DaemonThreads;
import io.vidyut.mdm.prepaid.accounts.AccountStore;
import io.vidyut.mdm.prepaid.accounts.EntryType;
import io.vidyut.mdm.prepaid.accounts.Ledger;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicyStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily charge: every active account's days after the last one charged, through a given day, priced by billing
 * ({@link DayCharges}) and posted to the ledger one entry per charge line; and the re-pricing of recently charged days
 * whose data changed since, posted as one adjustment per day — a charged day is never rewritten. Accounts go in chunks,
 * one transaction per chunk and day, so a recharge waits for at most one chunk's posting.
 */
@Component
class DailyCharging {
    static final String USER = "daily-charge";
    private static final UUID FIRST = new UUID(0, 0);
    private final AccountStore accounts;
    private final Ledger ledger;
    private final DayCharges prices;
    private final DayChargeStore charged;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService workers;
    private final BalanceAlerts alerts;
    private final PrepaidPolicyStore policies;

    DailyCharging(AccountStore accounts, Ledger ledger, DayCharges prices, DayChargeStore charged, TransactionTemplate transactions,
                  Clock clock, ChargingSettings settings, BalanceAlerts alerts, PrepaidPolicyStore policies) {
        this.alerts = alerts;
        this.policies = policies;
        this.workers = Executors.newFixedThreadPool(settings.workers(), DaemonThreads.named("prepaid-charging"));
        this.accounts = accounts;
        this.ledger = ledger;
        this.prices = prices;
        this.charged = charged;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a call did: account-days charged, days re-priced and how many of those moved the balance. */
    record Outcome(int charged, int repriced, int adjusted) {
        Outcome plus(Outcome other) {
            return new Outcome(charged + other.charged, repriced + other.repriced, adjusted + other.adjusted);
        }
    }

    /**
     * In the tenant's context: charges every day through {@code through}, then re-prices the {@code recheckDays}
     * before; chunks of accounts go to {@code workers} threads at once (each chunk's work is its own accounts').
     */
    Outcome run(LocalDate through, int recheckDays) {
        TenantScope scope = TenantContext.current().orElseThrow();
        List<Future<Outcome>> chunks = new ArrayList<>();
        UUID after = FIRST;
        while (true) {
            final UUID from = after;
            List<PrepaidAccount> chunk = transactions.execute(status -> accounts.activeAfter(from, DayCharges.MOST_CONSUMERS));
            if (chunk.isEmpty()) break;
            chunks.add(workers.submit(() -> TenantContext.callAs(scope,
                    () -> chargeChunk(chunk, through).plus(recheckChunk(chunk, through, recheckDays)))));
            after = chunk.get(chunk.size() - 1).id();
        }
        Outcome outcome = new Outcome(0, 0, 0);
        try {
            for (Future<Outcome> chunk : chunks) outcome = outcome.plus(chunk.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return outcome;
    }

    /** One account's days through {@code through}, in the caller's transaction (a closing account's last days). */
    int chargeAccount(PrepaidAccount account, LocalDate through) {
        return chargeChunk(List.of(account), through).charged();
    }

    private Outcome chargeChunk(List<PrepaidAccount> chunk, LocalDate through) {
        int count = 0;
        LocalDate first = chunk.stream().map(DailyCharging::nextDay).min(LocalDate::compareTo).orElse(through.plusDays(1));
        for (LocalDate day = first; !day.isAfter(through); day = day.plusDays(1)) {
            LocalDate d = day;
            List<PrepaidAccount> due = chunk.stream().filter(a -> !nextDay(a).isAfter(d)).toList();
            if (due.isEmpty()) continue;
            count += transactions.execute(status -> chargeDay(due, d));
        }
        return new Outcome(count, 0, 0);
    }

    private int chargeDay(List<PrepaidAccount> due, LocalDate day) {
        Map<UUID, UUID> accountOf = due.stream().collect(Collectors.toMap(PrepaidAccount::consumerId, PrepaidAccount::id));
        List<DayCharge> priced = prices.price(due.stream().map(PrepaidAccount::consumerId).toList(), day);
        Map<UUID, DayCharge> byAccount = new LinkedHashMap<>();
        for (DayCharge charge : priced) if (charge.priced()) byAccount.put(accountOf.get(charge.consumerId()), charge);
        Set<UUID> claimed = charged.claim(byAccount, clock.instant());
        Map<UUID, List<Ledger.Entry>> entries = new HashMap<>();
        for (UUID account : claimed) entries.put(account, entries(byAccount.get(account)));
        if (!entries.isEmpty()) {
            Map<UUID, Ledger.Posted> posted = ledger.post(entries, USER);
            Map<PrepaidAccount, BigDecimal> charges = new HashMap<>();
            for (PrepaidAccount account : due) if (claimed.contains(account.id())) charges.put(account, total(byAccount.get(account.id())));
            alerts.afterCharge(policies.current(), day, charges, posted);
        }
        // an unpriced day (no tariff has the category) is not charged; the account stays on it until one does
        accounts.chargedThrough(claimed, day);
        return claimed.size();
    }

    /**
     * The chunk's charged days of the recheck window in one transaction: their recorded data versions against the
     * current ones (one query for the window), and the days that moved priced again, day by day.
     */
    private Outcome recheckChunk(List<PrepaidAccount> chunk, LocalDate through, int recheckDays) {
        LocalDate from = through.minusDays(recheckDays);
        Map<UUID, PrepaidAccount> byId = chunk.stream().collect(Collectors.toMap(PrepaidAccount::id, Function.identity()));
        return transactions.execute(status -> {
            List<DayChargeStore.Charged> days = charged.charged(byId.keySet(), from, through);
            if (days.isEmpty()) return new Outcome(0, 0, 0);
            Map<UUID, Map<LocalDate, Long>> versions = prices.dataVersions(chunk.stream().map(PrepaidAccount::consumerId).toList(),
                    from, through);
            Map<LocalDate, Map<UUID, DayChargeStore.Charged>> moved = new TreeMap<>();
            for (DayChargeStore.Charged day : days) {
                UUID consumer = byId.get(day.accountId()).consumerId();
                if (versions.get(consumer).get(day.day()) != day.dataVersion()) {
                    moved.computeIfAbsent(day.day(), d -> new HashMap<>()).put(consumer, day);
                }
            }
            int repriced = 0, adjusted = 0;
            for (Map.Entry<LocalDate, Map<UUID, DayChargeStore.Charged>> day : moved.entrySet()) {
                int[] counts = reprice(day.getKey(), day.getValue());
                repriced += counts[0];
                adjusted += counts[1];
            }
            return new Outcome(0, repriced, adjusted);
        });
    }

    /** Prices the consumers' day again and posts each difference as one adjustment; returns {re-priced, adjusted}. */
    private int[] reprice(LocalDate day, Map<UUID, DayChargeStore.Charged> byConsumer) {
        List<DayChargeStore.Charged> repriced = new ArrayList<>();
        Map<UUID, List<Ledger.Entry>> adjustments = new HashMap<>();
        for (DayCharge charge : prices.price(List.copyOf(byConsumer.keySet()), day)) {
            DayChargeStore.Charged before = byConsumer.get(charge.consumerId());
            if (!charge.priced()) continue;
            BigDecimal total = total(charge);
            repriced.add(new DayChargeStore.Charged(before.accountId(), day, charge.dataVersion(), charge.kwhImport(), total));
            BigDecimal difference = before.total().subtract(total);
            if (difference.signum() == 0) continue;
            adjustments.put(before.accountId(), List.of(new Ledger.Entry(EntryType.ADJUSTMENT, difference, day, "Day " + day
                    + " priced again as its data changed (version " + before.dataVersion() + " → " + charge.dataVersion() + "): "
                    + before.kwh().stripTrailingZeros().toPlainString() + " → " + charge.kwhImport().stripTrailingZeros().toPlainString()
                    + " kWh, ₹" + before.total().toPlainString() + " → ₹" + total.toPlainString(), charge.tariffId(),
                    charge.tariffVersion(), charge.dataVersion(), null)));
        }
        if (!adjustments.isEmpty()) ledger.post(adjustments, USER);
        charged.repriced(repriced, clock.instant());
        return new int[] {repriced.size(), adjustments.size()};
    }

    /** The day after the last one charged, or the day the account became prepaid. */
    private static LocalDate nextDay(PrepaidAccount account) {
        return account.chargedThrough() == null ? account.convertedOn() : account.chargedThrough().plusDays(1);
    }

    /** What the day costs: its charge lines without rounding to the rupee (that is a bill's, not a day's). */
    static BigDecimal total(DayCharge charge) {
        return charged(charge).stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static List<ChargeLine> charged(DayCharge charge) {
        return charge.lines().stream().filter(l -> !l.component().equals("ROUNDING") && l.amount().signum() != 0).toList();
    }

    private static List<Ledger.Entry> entries(DayCharge charge) {
        return charged(charge).stream().map(line -> new Ledger.Entry(EntryType.valueOf(line.component()), line.amount().negate(),
                charge.day(), line.description() + " — day " + charge.day() + ", " + charge.kwhImport().stripTrailingZeros().toPlainString()
                        + " kWh from " + charge.intervals() + " of " + charge.expected() + " intervals", charge.tariffId(),
                charge.tariffVersion(), charge.dataVersion(), null)).toList();
    }
}
