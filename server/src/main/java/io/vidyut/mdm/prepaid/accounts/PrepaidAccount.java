package io.vidyut.mdm.prepaid.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A prepaid consumer connection: the balance (the sum of its ledger, ₹), the arrears from postpaid still to recover,
 * the last recharge, since when the balance is at or below zero, the last day charged, whether supply is on, and what
 * holds back its disconnection (the policy's rule, in words, and when it will go, as last evaluated).
 */
public record PrepaidAccount(UUID id, UUID consumerId, String accountNo, Status status, LocalDate convertedOn, BigDecimal balance,
                             BigDecimal arrears, BigDecimal lastRechargeAmount, Instant lastRechargeAt, Instant zeroSince,
                             LocalDate chargedThrough, Supply supply, String holdRule, String holdExplanation, Instant holdGoesAt,
                             Instant holdEvaluatedAt, String openedBy, Instant openedAt, Instant closedAt) {

    public enum Status { ACTIVE, CLOSED }

    public enum Supply { CONNECTED, DISCONNECTED }
}
