package io.vidyut.mdm.prepaid.recharges;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A recharge was credited (published inside its transaction): switching reconnects an account the recharge brings above
 * the policy's balance, notices tell the consumer.
 */
public record RechargeCredited(UUID tenantId, UUID accountId, UUID consumerId, String accountNo, UUID rechargeId, BigDecimal amount,
                               BigDecimal balanceAfter, String receivedBy) {}
