package io.vidyut.mdm.channels;

/** How a channel's values relate to time. */
public enum ChannelKind {
    /** A quantity per interval (energy in the interval, or its average voltage/current), stored by day. */
    INTERVAL,
    /** A cumulative or instantaneous register snapshot at a moment (energy totals, maximum demand). */
    REGISTER
}
