package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * One normalized value for the store: meter, canonical channel, the instant it belongs to (the
 * interval's end for interval channels), the interval length (0 for registers), the value as a
 * fixed-point integer of the channel's resolution, and its quality mask.
 */
public record Reading(UUID meterId, Channel channel, Instant at, int intervalMinutes, long value, int quality) {

    /** Which value a reading is, whatever it holds: two readings with one key are two versions of one value. */
    public record Key(UUID meterId, Channel channel, Instant at) {}

    public Key key() {
        return new Key(meterId, channel, at);
    }
}
