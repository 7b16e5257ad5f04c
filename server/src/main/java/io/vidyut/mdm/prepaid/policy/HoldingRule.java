package io.vidyut.mdm.prepaid.policy;

/**
 * What holds back the disconnection of an account in negative balance. The order of the constants is the order the
 * rules are reported in ({@link DisconnectionRules}): first the ones that hold until something happens (no time can be
 * given), then those that hold until a time, the calendar's last. See docs/prepaid.md, "Disconnection policy".
 */
public enum HoldingRule {
    /** No low-balance or disconnection notice has reached the consumer: one must be sent first. */
    NO_NOTICE_SENT(false),
    /** The consumer's last validated data is older than the policy's {@code stale_data_hours} (or there is none). */
    STALE_DATA(false),
    /** The consumer's data has an open VEE exception under review. */
    VEE_REVIEW(false),
    /** Within the grace days after conversion to prepaid. */
    GRACE_AFTER_CONVERSION(true),
    /** Within the emergency credit days since the balance reached zero (and above the emergency credit limit). */
    EMERGENCY_CREDIT(true),
    /** Within the minimum notice after the last notice sent. */
    MINIMUM_NOTICE(true),
    /** A protected day of the week (tenant-local, the whole day). */
    PROTECTED_WEEKDAY(true),
    /** The second Saturday of the calendar month (tenant-local, the whole day). */
    SECOND_SATURDAY(true),
    /** One of the tenant's public holidays (tenant-local, the whole day). */
    PUBLIC_HOLIDAY(true),
    /** Within the protected hours of the day (tenant-local). */
    PROTECTED_HOURS(true),
    /** The account's distribution transformer has had its daily cap of disconnections today. */
    DT_DAILY_CAP(true);

    private final boolean timed;

    HoldingRule(boolean timed) {
        this.timed = timed;
    }

    /** Whether the rule holds until a time that can be told (false: until something happens). */
    public boolean timed() {
        return timed;
    }
}
