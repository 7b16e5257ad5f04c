package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import java.util.UUID;

/**
 * Decides whether a re-sent actual value that differs from the stored actual value replaces it or is held for a
 * person to review (VEE implements it from the tenant's settings). Asked only for values stored before the write;
 * without an implementation every re-send replaces. Runs in the storing transaction under its tenant.
 */
public interface ResendPolicy {
    /** Whether {@code resent} must be held rather than replace {@code stored} (fixed-point, the channel's resolution). */
    boolean holds(UUID meterId, Channel channel, long stored, long resent);
}
