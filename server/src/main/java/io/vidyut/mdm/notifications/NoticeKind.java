package io.vidyut.mdm.notifications;

import java.util.List;

/**
 * What a notice is about, and the placeholders its templates may use: the values a {@link NoticeRequest} carries.
 * {@code account_no} (the consumer's account number) and {@code at} (now, in the tenant's time zone, as
 * {@code 26-11-2026 14:05}) are filled in when a request leaves them out; every other placeholder of the kind is
 * required. Amounts are the caller's text, as they should read ({@code 245.50}).
 */
public enum NoticeKind {
    /** The prepaid balance fell below the tenant's alert threshold. */
    PREPAID_LOW_BALANCE("account_no", "balance", "threshold", "at"),
    /** A recharge was credited. */
    PREPAID_RECHARGED("account_no", "amount", "balance", "at"),
    /** The supply will be disconnected in {@code days_left} days unless the consumer recharges. */
    PREPAID_DISCONNECTION_DUE("account_no", "balance", "days_left", "at"),
    /** The supply was disconnected for want of balance. */
    PREPAID_DISCONNECTED("account_no", "balance", "at"),
    /** The supply was reconnected. */
    PREPAID_RECONNECTED("account_no", "balance", "at");

    private final List<String> placeholders;

    NoticeKind(String... placeholders) {
        this.placeholders = List.of(placeholders);
    }

    /** The names a template of this kind may write as {@code {name}}, and a request's values may have. */
    public List<String> placeholders() {
        return placeholders;
    }
}
