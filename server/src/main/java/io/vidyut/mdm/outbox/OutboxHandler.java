package io.vidyut.mdm.outbox;

import java.time.Duration;

/**
 * Delivers the messages of one kind. A bean implementing it is all a new kind needs: the dispatcher finds it at
 * start. {@link #deliver} runs under the message's tenant, outside any transaction, at least once per message (a
 * crash mid-delivery delivers it again after the lease, with the same id): make it idempotent or let the receiver
 * dedupe on {@link OutboxMessage#id()}.
 */
public interface OutboxHandler {
    /** The kind this handler delivers, e.g. {@code webhook}: lower case, dots and dashes ({@code feed.kafka}). */
    String kind();

    /** One attempt to deliver the message. A thrown exception counts as {@link Outcome#retry}. */
    Outcome deliver(OutboxMessage message);

    /**
     * This kind's attempts, backoff, lease and retention where they differ from {@code mdm.outbox.*}; settings under
     * {@code mdm.outbox.kinds.<kind>} override these.
     */
    default KindSettings defaults() {
        return KindSettings.NONE;
    }

    /**
     * The message has just died (its last attempt failed, or {@link Outcome#permanentFailure}), in the transaction that
     * marks it DEAD and under its tenant: what the handler writes here commits with that mark.
     */
    default void dead(OutboxMessage message, String reason) {}

    /** How an attempt ended. */
    sealed interface Outcome permits Delivered, Retry, PermanentFailure {
        static Outcome delivered() {
            return new Delivered();
        }

        /** Try again after the kind's backoff (doubling per attempt, capped), until its attempts run out. */
        static Outcome retry(String reason) {
            return new Retry(reason, null);
        }

        /** Try again after {@code after} (e.g. a receiver's {@code Retry-After}, at most a day); the attempt still counts. */
        static Outcome retryAfter(String reason, Duration after) {
            return new Retry(reason, after);
        }

        /** No attempt can succeed: the message is DEAD at once. */
        static Outcome permanentFailure(String reason) {
            return new PermanentFailure(reason);
        }
    }

    record Delivered() implements Outcome {}

    record Retry(String reason, Duration after) implements Outcome {}

    record PermanentFailure(String reason) implements Outcome {}
}
