package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.notifications.NoticeKind;
import io.vidyut.mdm.notifications.NoticeRequest;
import io.vidyut.mdm.notifications.Notices;
import io.vidyut.mdm.prepaid.accounts.Ledger;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Low-balance alerts as a day's charge is posted: once per crossing of each of the policy's thresholds — a percentage
 * of the last recharge left, a percentage of it used, an absolute balance, days left at the day's charge — the
 * consumer gets one {@code PREPAID_LOW_BALANCE} notice naming the lowest threshold crossed. A crossing is the balance
 * going from above a threshold to at or below it in one posting, so a recharge that lifts it re-arms the alert.
 */
@Component
class BalanceAlerts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Notices notices;

    BalanceAlerts(Notices notices) {
        this.notices = notices;
    }

    /** A threshold in rupees and how the notice words it. */
    record Threshold(BigDecimal balance, String words) {}

    /** The thresholds of an account under the policy, the day's charge giving the days-left one. */
    static List<Threshold> thresholds(PrepaidPolicy policy, PrepaidAccount account, BigDecimal dayCharge) {
        List<Threshold> thresholds = new ArrayList<>();
        BigDecimal last = account.lastRechargeAmount();
        if (last != null && last.signum() > 0) {
            for (Integer percent : policy.alertPercentsOfLastRecharge() == null ? List.<Integer>of() : policy.alertPercentsOfLastRecharge()) {
                thresholds.add(new Threshold(share(last, percent), percent + " % of the last recharge"));
            }
            if (policy.alertPercentUsed() != null) {
                thresholds.add(new Threshold(share(last, 100 - policy.alertPercentUsed()), policy.alertPercentUsed() + " % of the last recharge used"));
            }
        }
        if (policy.alertBelowBalance() != null) thresholds.add(new Threshold(policy.alertBelowBalance(), "₹" + policy.alertBelowBalance().toPlainString()));
        if (policy.alertDaysLeft() != null && dayCharge.signum() > 0) {
            thresholds.add(new Threshold(dayCharge.multiply(BigDecimal.valueOf(policy.alertDaysLeft())).setScale(2, RoundingMode.HALF_UP),
                    policy.alertDaysLeft() + " days left"));
        }
        return thresholds;
    }

    /** The lowest threshold the posting crossed, if any. */
    static Optional<Threshold> crossed(List<Threshold> thresholds, Ledger.Posted posted) {
        return thresholds.stream().filter(t -> posted.before().compareTo(t.balance()) > 0 && posted.after().compareTo(t.balance()) <= 0)
                .min((a, b) -> a.balance().compareTo(b.balance()));
    }

    /** In the charge's transaction: the alerts of the accounts whose day was posted. */
    void afterCharge(PrepaidPolicy policy, LocalDate day, Map<PrepaidAccount, BigDecimal> dayCharges, Map<java.util.UUID, Ledger.Posted> posted) {
        dayCharges.forEach((account, charge) -> {
            Ledger.Posted p = posted.get(account.id());
            if (p == null) return;
            crossed(thresholds(policy, account, charge), p).ifPresent(t -> notices.send(new NoticeRequest(NoticeKind.PREPAID_LOW_BALANCE,
                    account.consumerId(), "low-balance/" + account.id() + "/" + day + "/" + t.balance().toPlainString(),
                    Map.of("balance", p.after().toPlainString(), "threshold", t.words()))));
        });
    }

    private static BigDecimal share(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}
