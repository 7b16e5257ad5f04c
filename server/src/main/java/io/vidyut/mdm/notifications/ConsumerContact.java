package io.vidyut.mdm.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * How a consumer is reached, as the API shows it: a mobile number ({@code +91} and 10 digits) for SMS, an e-mail
 * address, and whether the consumer opted out of either. A consumer nobody saved contacts for has none (and is
 * reached in-app only).
 */
record ConsumerContact(UUID consumerId, String accountNo, String phone, String email, boolean smsOptOut,
                       boolean emailOptOut, String updatedBy, Instant updatedAt) {

    /**
     * What an operator saves, replacing what was there: {@code phone} as {@code +919876543210}, {@code 9876543210}
     * or with spaces and dashes (kept as {@code +91} and 10 digits); null for none. Opt-outs default to false.
     */
    record ConsumerContactChange(String phone, String email, Boolean smsOptOut, Boolean emailOptOut) {}
}
