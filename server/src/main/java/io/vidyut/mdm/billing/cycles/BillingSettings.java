package io.vidyut.mdm.billing.cycles;

import java.math.BigDecimal;

/**
 * A tenant's billing rules for determinants and the exception queue.
 *
 * @param demandIntegrationMinutes the maximum-demand integration period (15 or 30 minutes; IS 15959 meters use 30 by
 *        default), a multiple of the meters' interval length
 * @param slidingDemand demand over a window sliding one interval at a time, instead of fixed blocks from midnight
 * @param maxEstimatedShare a cycle with more of its intervals estimated goes to the exception queue (0–1)
 * @param maxMissingShare a cycle with more of its intervals missing goes to the exception queue (0–1)
 * @param sumCheckToleranceKwh how far the register difference may stand from the intervals' sum: the larger of this and
 *        {@code sumCheckTolerancePercent} of the register difference
 * @param closingReadHours a meter in service needs a register read at most this many hours before the cycle's end
 */
record BillingSettings(int demandIntegrationMinutes, boolean slidingDemand, BigDecimal maxEstimatedShare,
                       BigDecimal maxMissingShare, BigDecimal sumCheckToleranceKwh, BigDecimal sumCheckTolerancePercent,
                       int closingReadHours) {

    static final BillingSettings DEFAULTS = new BillingSettings(30, false, new BigDecimal("0.10"), BigDecimal.ZERO,
            new BigDecimal("0.5"), BigDecimal.ONE, 24);
}
