package io.vidyut.mdm.simulator;

import java.util.Locale;

/**
 * What a run did, printed as the last stdout line of the CLI.
 *
 * @param batches        payloads the MDM (or broker) took, duplicates answered 200 included
 * @param valuesSent     readings in every payload sent (a resent duplicate counts again; a failed one too)
 * @param valuesAccepted readings the MDM's receipts accepted (first deliveries only; 0 for MQTT)
 * @param valuesRejected readings the MDM's receipts rejected
 * @param eventsSent     meter events in every event payload sent (counted like values_sent)
 * @param errors         payloads that were not delivered after retries, or were refused (4xx)
 * @param seconds        wall-clock duration of the run
 */
public record RunStats(long batches, long valuesSent, long valuesAccepted, long valuesRejected, long eventsSent, long errors,
                       double seconds) {

    /** Readings sent per second of the run. */
    public double valuesPerSecond() {
        return seconds > 0 ? valuesSent / seconds : 0;
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"batches\":%d,\"values_sent\":%d,\"values_accepted\":%d,"
                        + "\"values_rejected\":%d,\"events_sent\":%d,\"errors\":%d,\"seconds\":%.3f,\"values_per_s\":%.1f}",
                batches, valuesSent, valuesAccepted, valuesRejected, eventsSent, errors, seconds, valuesPerSecond());
    }
}
