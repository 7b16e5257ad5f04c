package io.vidyut.mdm.feed;

import java.util.Arrays;
import java.util.Optional;

/** What a feed entry announces, by the name readers and Kafka consumers see. */
enum FeedType {
    /** A meter event newly recorded (unified code, category, severity; unknown codes flagged). */
    METER_EVENT("meter.event"),
    /** An alarm raised, repeated, updated, escalated, acknowledged or resolved (DT and feeder outages included). */
    ALARM_CHANGED("alarm.changed"),
    /** A person's VEE edit changed stored intervals: billing and energy audit must re-read the range. */
    DATA_CORRECTED("data.corrected"),
    /** Data billing had already taken changed: the correction notice of GET /billing/corrections. */
    BILLING_CORRECTION("billing.correction"),
    /** A command reached its end: executed, failed, timed out or cancelled. */
    COMMAND_COMPLETED("command.completed");

    final String wireName;

    FeedType(String wireName) {
        this.wireName = wireName;
    }

    static Optional<FeedType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
