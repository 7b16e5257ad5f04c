package io.vidyut.mdm.prepaid.policy;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's prepaid policy ({@link PrepaidPolicy#DEFAULTS} until a tenant administrator saves one) and its
 * public holidays. Every change is in the audit trail.
 */
@Component
public class PrepaidPolicyStore {
    /** The first and last days a holiday may be on. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1), LAST_DAY = LocalDate.of(2199, 12, 31);
    static final int MAX_NAME = 100;
    /** How far ahead {@link #inForce()} loads holidays: the longest grace, the minimum notice, then the calendar's search. */
    static final int LOOK_AHEAD_DAYS = 365 + 7 + AllowedWindows.SEARCH_DAYS + 2;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final TenantDirectory tenants;

    PrepaidPolicyStore(JdbcClient jdbc, Clock clock, AuditTrail audit, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public PrepaidPolicy current() {
        return jdbc.sql("""
                        select protected_from, protected_until, protected_weekdays, second_saturday_protected, holidays_protected,
                               grace_days_after_conversion, emergency_credit_days, emergency_credit_limit, minimum_notice_minutes,
                               stale_data_hours, daily_cap_per_dt, spread_per_feeder, spread_minutes, reconnect_within_minutes,
                               reconnect_above_balance, recharge_minimum, recharge_multiple, recharge_maximum,
                               alert_percents_of_last_recharge, alert_percent_used, alert_below_balance, alert_days_left,
                               arrears_recovery_percent
                          from prepaid_policy""")
                .query(PrepaidPolicyStore::policy).optional().orElse(PrepaidPolicy.DEFAULTS);
    }

    private static PrepaidPolicy policy(ResultSet rs, int row) throws SQLException {
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (Integer day : (Integer[]) rs.getArray("protected_weekdays").getArray()) weekdays.add(DayOfWeek.of(day));
        return new PrepaidPolicy(rs.getObject("protected_from", LocalTime.class), rs.getObject("protected_until", LocalTime.class),
                weekdays, rs.getBoolean("second_saturday_protected"), rs.getBoolean("holidays_protected"),
                rs.getInt("grace_days_after_conversion"), rs.getInt("emergency_credit_days"), rs.getBigDecimal("emergency_credit_limit"),
                rs.getInt("minimum_notice_minutes"), rs.getInt("stale_data_hours"), rs.getInt("daily_cap_per_dt"),
                rs.getInt("spread_per_feeder"), rs.getInt("spread_minutes"), rs.getInt("reconnect_within_minutes"),
                rs.getBigDecimal("reconnect_above_balance"), rs.getBigDecimal("recharge_minimum"),
                rs.getBigDecimal("recharge_multiple"), rs.getBigDecimal("recharge_maximum"),
                Arrays.asList((Integer[]) rs.getArray("alert_percents_of_last_recharge").getArray()),
                rs.getObject("alert_percent_used", Integer.class), rs.getBigDecimal("alert_below_balance"),
                rs.getObject("alert_days_left", Integer.class), rs.getInt("arrears_recovery_percent"));
    }

    /** Replaces the tenant's policy after checking every field (422 naming each at fault); returns it as stored. */
    @Transactional
    PrepaidPolicy save(PrepaidPolicy policy, String user) {
        List<FieldError> problems = policy.problems();
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        PrepaidPolicy saved = policy.normalised();
        PrepaidPolicy previous = current();
        jdbc.sql("""
                        insert into prepaid_policy (tenant_id, protected_from, protected_until, protected_weekdays,
                               second_saturday_protected, holidays_protected, grace_days_after_conversion, emergency_credit_days,
                               emergency_credit_limit, minimum_notice_minutes, stale_data_hours, daily_cap_per_dt, spread_per_feeder,
                               spread_minutes, reconnect_within_minutes, reconnect_above_balance, recharge_minimum, recharge_multiple,
                               recharge_maximum, alert_percents_of_last_recharge, alert_percent_used, alert_below_balance,
                               alert_days_left, arrears_recovery_percent, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set protected_from = excluded.protected_from,
                               protected_until = excluded.protected_until, protected_weekdays = excluded.protected_weekdays,
                               second_saturday_protected = excluded.second_saturday_protected,
                               holidays_protected = excluded.holidays_protected,
                               grace_days_after_conversion = excluded.grace_days_after_conversion,
                               emergency_credit_days = excluded.emergency_credit_days,
                               emergency_credit_limit = excluded.emergency_credit_limit,
                               minimum_notice_minutes = excluded.minimum_notice_minutes,
                               stale_data_hours = excluded.stale_data_hours, daily_cap_per_dt = excluded.daily_cap_per_dt,
                               spread_per_feeder = excluded.spread_per_feeder, spread_minutes = excluded.spread_minutes,
                               reconnect_within_minutes = excluded.reconnect_within_minutes,
                               reconnect_above_balance = excluded.reconnect_above_balance,
                               recharge_minimum = excluded.recharge_minimum, recharge_multiple = excluded.recharge_multiple,
                               recharge_maximum = excluded.recharge_maximum,
                               alert_percents_of_last_recharge = excluded.alert_percents_of_last_recharge,
                               alert_percent_used = excluded.alert_percent_used, alert_below_balance = excluded.alert_below_balance,
                               alert_days_left = excluded.alert_days_left, arrears_recovery_percent = excluded.arrears_recovery_percent,
                               updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), saved.protectedFrom(), saved.protectedUntil(),
                        saved.protectedWeekdays().stream().map(DayOfWeek::getValue).toArray(Integer[]::new),
                        saved.secondSaturdayProtected(), saved.holidaysProtected(), saved.graceDaysAfterConversion(),
                        saved.emergencyCreditDays(), saved.emergencyCreditLimit(), saved.minimumNoticeMinutes(),
                        saved.staleDataHours(), saved.dailyCapPerDt(), saved.spreadPerFeeder(), saved.spreadMinutes(),
                        saved.reconnectWithinMinutes(), saved.reconnectAboveBalance(), saved.rechargeMinimum(),
                        saved.rechargeMultiple(), saved.rechargeMaximum(),
                        saved.alertPercentsOfLastRecharge().toArray(Integer[]::new), saved.alertPercentUsed(),
                        saved.alertBelowBalance(), saved.alertDaysLeft(), saved.arrearsRecoveryPercent(), user,
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditedAction.of("prepaid_policy.saved", "prepaid_policy", null, previous, saved));
        return current();
    }

    /** The tenant's holidays from {@code from} to {@code to}, both included, in date order. */
    @Transactional(readOnly = true)
    public List<PrepaidHoliday> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select day, name, updated_by, updated_at from prepaid_holiday where day between ? and ? order by day")
                .params(from, to)
                .query((rs, n) -> new PrepaidHoliday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The tenant's holidays from {@code from} to {@code to}, both included, as the rules read them. */
    @Transactional(readOnly = true)
    public HolidayCalendar calendar(LocalDate from, LocalDate to) {
        Map<LocalDate, String> names = new LinkedHashMap<>();
        for (PrepaidHoliday holiday : between(from, to)) names.put(holiday.day(), holiday.name());
        return new HolidayCalendar(names);
    }

    /** Adds the holiday, or renames it. */
    @Transactional
    PrepaidHoliday put(LocalDate day, String name, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) problems.add(new FieldError("date", FIRST_DAY + " to " + LAST_DAY));
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldError("name", "required, 1 to " + MAX_NAME + " characters, no control characters"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        PrepaidHoliday before = find(day);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into prepaid_holiday (tenant_id, day, name, updated_by, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (tenant_id, day) do update set name = excluded.name, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), day, stripped, user, Timestamp.from(now))
                .update();
        PrepaidHoliday after = find(day);
        audit.record(AuditedAction.of("prepaid_holiday.saved", "prepaid_holiday", day, before, after));
        return after;
    }

    /** Removes the holiday; 404 when the tenant has none that day. */
    @Transactional
    void remove(LocalDate day) {
        PrepaidHoliday before = find(day);
        if (before == null) throw new NotFoundException("Holiday", day);
        jdbc.sql("delete from prepaid_holiday where day = ?").params(day).update();
        audit.record(AuditedAction.of("prepaid_holiday.removed", "prepaid_holiday", day, before, null));
    }

    private PrepaidHoliday find(LocalDate day) {
        List<PrepaidHoliday> found = between(day, day);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The tenant's time zone, which its protected hours and days are read in. */
    public ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }

    /** The tenant-local day of the server's clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /**
     * The current tenant's policy as it stands now (the server's clock), with its holidays from yesterday to as far as
     * the rules may look ahead (a year's grace, then the calendar's search): what {@link DisconnectionRules} and
     * {@link Stagger} need, read once for many accounts.
     */
    @Transactional(readOnly = true)
    public PolicyInForce inForce() {
        return inForce(clock.instant());
    }

    /** The policy as it stands at {@code now} (a sweep's instant). */
    public PolicyInForce inForce(Instant now) {
        ZoneId zone = zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new PolicyInForce(current(), calendar(today.minusDays(1), today.plusDays(LOOK_AHEAD_DAYS)), zone, now);
    }
}
