package io.vidyut.mdm.billing.systems;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A tenant's billing system as the API shows it: never its secrets (they are shown once, when made) nor its SFTP
 * password. {@code code} names it in the webhook's {@code X-Mdm-Billing-System} header.
 */
record BillingSystem(String code, String name, BillingWindow billingWindow, BillingDelivery delivery,
                     Instant secretRotatedAt, boolean previousSecretAccepted, String createdBy, Instant createdAt,
                     Instant updatedAt) {

    /**
     * The days of the month (1–28, so that every month has them) the billing system bills on; a first day after the
     * last runs into the next month (26–3).
     */
    record BillingWindow(Integer firstDay, Integer lastDay) {
        /** Whether the window holds this day of the month. */
        boolean holds(int dayOfMonth) {
            return firstDay <= lastDay ? dayOfMonth >= firstDay && dayOfMonth <= lastDay
                    : dayOfMonth >= firstDay || dayOfMonth <= lastDay;
        }
    }

    /**
     * How exports are to reach the billing system: pushed to its REST {@code url}, dropped in a {@code folder}, put
     * on its SFTP server (whose host key, {@code SHA256:<base64>} as {@code ssh-keygen -lf} shows it, is
     * pinned: another key is refused), or pulled by it from the MDM ({@code PULL}, no settings). The SFTP password is taken, never
     * shown; left out of an update, the stored one stays.
     */
    record BillingDelivery(Mode mode, Format format, String url, String folder, String host, Integer port,
                           String username,
                           @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
                           String remoteDir, String hostKeyFingerprint,
                           @JsonProperty(access = JsonProperty.Access.READ_ONLY) Boolean passwordSet) {

        BillingDelivery withoutPassword(Boolean set) {
            return new BillingDelivery(mode, format, url, folder, host, port, username, null, remoteDir, hostKeyFingerprint, set);
        }
    }

    enum Mode { REST_PUSH, FILE_DROP, SFTP, PULL }

    enum Format { CSV, FIXED_WIDTH }

    /** What a tenant administrator sends to add a system ({@code format} CSV when left out). */
    record NewBillingSystem(String code, String name, BillingWindow billingWindow, BillingDelivery delivery) {}

    /** A partial update: what is left out (null) keeps its value; a delivery replaces the stored one whole. */
    record BillingSystemChange(String name, BillingWindow billingWindow, BillingDelivery delivery) {}

    /** A system with its newly made signing secret, the only time the secret is shown. */
    record BillingSystemSecret(BillingSystem system, String secret) {}
}
