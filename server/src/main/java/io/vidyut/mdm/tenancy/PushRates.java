package io.vidyut.mdm.tenancy;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.Map;

/**
 * How many batches a tenant's HES may push, from its settings ({@code "push_rates": {"per_vendor_per_minute": 30000,
 * "per_tenant_per_minute": 60000}}): each HES vendor's share, and all of the tenant's vendors together, so one
 * HES (or one DISCOM's fleet) cannot take every other's turn. Beyond it a push is answered 429 with Retry-After.
 */
public record PushRates(int perVendorPerMinute, int perTenantPerMinute) {
    public static final PushRates DEFAULT = new PushRates(30_000, 60_000);
    static final int MOST = 1_000_000;

    /** The rates in the settings, defaults where absent. */
    public static PushRates of(Map<String, Object> settings) {
        Object section = settings == null ? null : settings.get("push_rates");
        if (section == null) return DEFAULT;
        if (!(section instanceof Map<?, ?> rates)) throw FieldErrorsException.of("settings.push_rates", "an object");
        return new PushRates(rate(rates, "per_vendor_per_minute", DEFAULT.perVendorPerMinute()),
                rate(rates, "per_tenant_per_minute", DEFAULT.perTenantPerMinute()));
    }

    private static int rate(Map<?, ?> rates, String key, int fallback) {
        Object value = rates.get(key);
        if (value == null) return fallback;
        if (!(value instanceof Integer number) || number < 1 || number > MOST) {
            throw FieldErrorsException.of("settings.push_rates." + key, "batches a minute, 1 to " + MOST);
        }
        return number;
    }
}
