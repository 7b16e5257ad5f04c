package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.billing.DayCharges;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.prepaid.accounts.AccountStore;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A prepaid account's balance as a consumer is told it: the ledger's balance (charged through the last settled day),
 * a provisional balance less what the days since have used so far (priced the same way, clearly provisional: the day
 * is not over and its data not settled), and the days left at the recent daily charge.
 */
@Service
class Balances {
    /** Days since the last charge priced provisionally; more means charging is behind, and only the latest count. */
    static final int MOST_PROVISIONAL_DAYS = 7;
    /** Charged days averaged for the days-left projection. */
    static final int PROJECTION_DAYS = 7;
    private final AccountStore accounts;
    private final PrepaidAccounts prepaid;
    private final DayCharges prices;
    private final DayChargeStore charged;
    private final Clock clock;

    Balances(AccountStore accounts, PrepaidAccounts prepaid, DayCharges prices, DayChargeStore charged, Clock clock) {
        this.accounts = accounts;
        this.prepaid = prepaid;
        this.prices = prices;
        this.charged = charged;
        this.clock = clock;
    }

    /**
     * {@code balance}: the ledger's. {@code provisionalBalance}: less {@code provisionalCharges}, the days from
     * {@code provisionalFrom} to today as far as their data has come in at {@code asOf}. {@code averageDailyCharge} over
     * the last charged days and {@code daysLeft} of the provisional balance at it (null without a charge to go by).
     */
    record PrepaidBalance(UUID accountId, String accountNo, UUID consumerId, PrepaidAccount.Status status,
                          PrepaidAccount.Supply supply, BigDecimal balance, LocalDate chargedThrough, BigDecimal provisionalBalance,
                          BigDecimal provisionalCharges, LocalDate provisionalFrom, Instant asOf, BigDecimal averageDailyCharge,
                          Integer daysLeft, BigDecimal arrears, BigDecimal lastRechargeAmount, Instant lastRechargeAt) {}

    @Transactional(readOnly = true)
    PrepaidBalance of(UUID accountId) {
        return of(prepaid.get(accountId));
    }

    @Transactional(readOnly = true)
    PrepaidBalance ofAccountNo(String accountNo) {
        if (accountNo == null || accountNo.isBlank() || accountNo.length() > 64) {
            throw FieldErrorsException.of("account_no", "required, at most 64 characters");
        }
        return of(accounts.openByAccountNo(accountNo.strip())
                .orElseThrow(() -> FieldErrorsException.of("account_no", "no open prepaid account " + accountNo)));
    }

    private PrepaidBalance of(PrepaidAccount account) {
        LocalDate today = prepaid.today();
        LocalDate from = account.chargedThrough() == null ? account.convertedOn() : account.chargedThrough().plusDays(1);
        if (from.isBefore(today.minusDays(MOST_PROVISIONAL_DAYS - 1))) from = today.minusDays(MOST_PROVISIONAL_DAYS - 1);
        BigDecimal provisional = BigDecimal.ZERO.setScale(2);
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            DayCharges.DayCharge charge = prices.price(List.of(account.consumerId()), day).get(0);
            if (charge.priced()) provisional = provisional.add(DailyCharging.total(charge));
        }
        BigDecimal provisionalBalance = account.balance().subtract(provisional);
        List<DayChargeStore.Charged> recent = charged.latest(account.id(), PROJECTION_DAYS);
        BigDecimal average = recent.isEmpty() ? null : recent.stream().map(DayChargeStore.Charged::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(recent.size()), 2, RoundingMode.HALF_UP);
        Integer daysLeft = average == null || average.signum() <= 0 ? null
                : provisionalBalance.signum() <= 0 ? 0 : provisionalBalance.divide(average, 0, RoundingMode.DOWN).intValueExact();
        return new PrepaidBalance(account.id(), account.accountNo(), account.consumerId(), account.status(), account.supply(),
                account.balance(), account.chargedThrough(), provisionalBalance, provisional, from, clock.instant(), average, daysLeft,
                account.arrears(), account.lastRechargeAmount(), account.lastRechargeAt());
    }
}
