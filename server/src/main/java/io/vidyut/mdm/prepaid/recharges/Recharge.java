package io.vidyut.mdm.prepaid.recharges;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A recharge as credited: from a gateway (its code as source) or a counter (COUNTER), the gateway's or the receipt's
 * transaction id, the amount and how it was paid; reversed when a reversal took it back.
 */
public record Recharge(UUID id, UUID accountId, String accountNo, String source, String transactionId, BigDecimal amount, String mode,
                       Instant paidAt, Instant receivedAt, String receivedBy, Instant reversedAt, String reversedBy,
                       String reversalReason) {}
