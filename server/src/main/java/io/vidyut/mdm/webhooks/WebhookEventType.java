package io.vidyut.mdm.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription may receive, by its wire name. */
enum WebhookEventType {
    ALARM_RAISED("alarm.raised"),
    /** Repeated, updated (outage count), acknowledged or resolved. */
    ALARM_CHANGED("alarm.changed"),
    /** A person's VEE edit changed stored intervals. */
    DATA_CORRECTED("data.corrected"),
    /** Data billing had already taken changed (an edit, a late actual over an estimate, a re-send, a new estimate). */
    BILLING_CORRECTION("billing.correction");

    final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
