package io.vidyut.mdm.simulator.pull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the simulated HES plays commands sent to {@code POST /hes/{vendor}/meters/{serial}/commands}.
 *
 * @param executeDelay how long after acknowledging a command the meter has carried it out (or failed)
 * @param failureRate  share of accepted commands the meter fails to carry out (0 … 1), reported FAILED
 * @param callbackTo   the MDM's base URL: results are POSTed to {@code /api/v1/commands/{id}/result} with the
 *                     vendor's key in X-API-Key; null for no callbacks, when commands are carried out at once and
 *                     the answer says {@code EXECUTED} (or 422 with the reason for a failure)
 * @param apiKeys      each vendor's MDM API key, for the callbacks
 */
public record CommandSettings(Duration executeDelay, double failureRate, URI callbackTo, Map<String, String> apiKeys) {
    public CommandSettings {
        Objects.requireNonNull(executeDelay, "executeDelay");
        if (executeDelay.isNegative()) {
            throw new IllegalArgumentException("command delay must not be negative");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("command failure rate must be within 0..1, got " + failureRate);
        }
        apiKeys = Map.copyOf(apiKeys);
    }

    /** Commands carried out at once, none failing, no callbacks. */
    public static final CommandSettings IMMEDIATE = new CommandSettings(Duration.ZERO, 0, null, Map.of());

    public CommandSettings withExecuteDelay(Duration delay) {
        return new CommandSettings(delay, failureRate, callbackTo, apiKeys);
    }

    public CommandSettings withFailureRate(double rate) {
        return new CommandSettings(executeDelay, rate, callbackTo, apiKeys);
    }

    public CommandSettings withCallbacks(URI mdm, Map<String, String> keys) {
        return new CommandSettings(executeDelay, failureRate, mdm, keys);
    }
}
