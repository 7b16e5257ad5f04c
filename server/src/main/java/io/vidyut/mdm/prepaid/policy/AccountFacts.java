package io.vidyut.mdm.prepaid.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the disconnection policy needs to know of a prepaid account, as its owner knows it now.
 *
 * @param accountId           the account
 * @param dtId                its consumer's distribution transformer (null: not known; no DT cap applies)
 * @param feederId            its consumer's feeder (null: not known)
 * @param balance             the balance in rupees (negative: owed)
 * @param zeroSince           when the balance last fell to zero or below; required when it is not positive
 * @param convertedOn         the tenant-local day the consumer was converted to prepaid (null: not known, no grace)
 * @param lastNoticeAt        when the last low-balance or disconnection notice was actually sent to the consumer since
 *                            the last recharge; null if none was: a notice from before the last recharge does not
 *                            announce this disconnection
 * @param lastValidatedDataAt the end of the consumer's latest validated (VEE-passed) data; null if none
 * @param underVeeReview      the consumer's data has an open VEE exception a person must resolve
 */
public record AccountFacts(UUID accountId, UUID dtId, UUID feederId, BigDecimal balance, Instant zeroSince,
                           LocalDate convertedOn, Instant lastNoticeAt, Instant lastValidatedDataAt,
                           boolean underVeeReview) {
    public AccountFacts {
        Objects.requireNonNull(balance, "balance");
    }
}
