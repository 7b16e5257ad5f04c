package io.vidyut.mdm.notifications;

/** Where a notice's delivery on one channel stands. */
enum DeliveryStatus {
    /** Waiting in the outbox for its (next) attempt. */
    PENDING,
    /** Handed over: the SMS gateway or SMTP server took it, or (in-app) recorded. */
    SENT,
    /** Given up: refused by the gateway for good, or every attempt failed; {@code last_error} says why. */
    FAILED,
    /** Not sent, for a reason in {@code last_error}: no number or address, opted out, no gateway, no registered template. */
    SKIPPED
}
