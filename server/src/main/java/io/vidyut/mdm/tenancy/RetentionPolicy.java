package io.vidyut.mdm.tenancy;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.Map;

/**
 * How long a tenant keeps what it stores, from its settings ({@code "retention": {"raw_batch_days": 90,
 * "interval_days": 3650}}): raw HES payloads (the interpreted data stays) and interval/register data.
 */
public record RetentionPolicy(int rawBatchDays, int intervalDays) {
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(90, 3650);
    static final int MIN_RAW_BATCH_DAYS = 7;
    static final int MIN_INTERVAL_DAYS = 400;

    /** The policy in the settings, defaults where absent; refuses values that would destroy recent data. */
    public static RetentionPolicy of(Map<String, Object> settings) {
        Object section = settings == null ? null : settings.get("retention");
        if (section == null) return DEFAULT;
        if (!(section instanceof Map<?, ?> retention)) throw FieldErrorsException.of("settings.retention", "an object");
        int raw = days(retention, "raw_batch_days", DEFAULT.rawBatchDays(), MIN_RAW_BATCH_DAYS);
        int interval = days(retention, "interval_days", DEFAULT.intervalDays(), MIN_INTERVAL_DAYS);
        return new RetentionPolicy(raw, interval);
    }

    private static int days(Map<?, ?> retention, String key, int fallback, int minimum) {
        Object value = retention.get(key);
        if (value == null) return fallback;
        if (!(value instanceof Number number) || number.intValue() < minimum) {
            throw FieldErrorsException.of("settings.retention." + key, "whole days, at least " + minimum);
        }
        return number.intValue();
    }
}
