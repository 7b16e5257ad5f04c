package io.vidyut.mdm.prepaid.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.Roles;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/prepaid")
@Tag(name = "Prepaid", description = "Prepaid accounts and the tenant's disconnection policy")
class PrepaidPolicyController {
    static final int MAX_WINDOW_DAYS = 31;
    static final int MAX_HOLIDAY_YEARS = 3;
    private final PrepaidPolicyStore store;

    PrepaidPolicyController(PrepaidPolicyStore store) {
        this.store = store;
    }

    @GetMapping("/policy")
    @Roles.Readers
    @Operation(summary = "The tenant's prepaid policy: when disconnection is allowed, alerts, reconnection, recharges, arrears",
            description = "The defaults (docs/prepaid.md) until a tenant administrator saves one.")
    PrepaidPolicy policy() {
        return store.current();
    }

    @PutMapping("/policy")
    @Roles.TenantAdmin
    @Operation(summary = "Replace the tenant's prepaid policy, returning it as saved",
            description = "The whole policy: every field is required but the nullable ones (protected_from and "
                    + "protected_until, emergency_credit_limit, alert_percent_used, alert_below_balance, alert_days_left), "
                    + "whose absence means none. Each field missing or out of bounds is a field error (422). Money is "
                    + "rupees with at most 2 decimals. Applies to disconnections decided afterwards.")
    PrepaidPolicy savePolicy(@RequestBody PrepaidPolicyRequest body, Authentication caller) {
        return store.save(body.policy(), caller.getName());
    }

    /** A span in which disconnection is allowed, in the tenant's zone. */
    record DisconnectionWindow(OffsetDateTime start, OffsetDateTime end) {}

    /** The spans in which the tenant's calendar allows disconnection, over some days. */
    record DisconnectionWindows(String zone, LocalDate from, int days, List<DisconnectionWindow> windows) {}

    @GetMapping("/policy/windows")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "When the tenant's calendar allows disconnection: the windows from a day (default today, "
            + "tenant-local) for some days (default 7, at most 31)",
            description = "Protected hours, protected weekdays, the second Saturday and public holidays as the policy says; "
                    + "a window is cut at the span's ends. Per-account rules (grace, emergency credit, notice, data, the DT's "
                    + "cap) come on top.")
    DisconnectionWindows windows(@RequestParam(required = false) LocalDate from,
                                 @RequestParam(defaultValue = "7") int days) {
        List<FieldError> problems = new ArrayList<>();
        if (days < 1 || days > MAX_WINDOW_DAYS) problems.add(new FieldError("days", "1 to " + MAX_WINDOW_DAYS));
        if (from != null && outOfRange(from)) problems.add(new FieldError("from", range()));
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        ZoneId zone = store.zone();
        LocalDate first = from == null ? store.today() : from;
        LocalDate end = first.plusDays(days);
        HolidayCalendar holidays = store.calendar(first, end);
        List<DisconnectionWindow> windows = AllowedWindows.between(store.current(), holidays, AllowedWindows.startOf(first, zone),
                        AllowedWindows.startOf(end, zone), zone).stream()
                .map(w -> new DisconnectionWindow(w.start().atZone(zone).toOffsetDateTime(), w.end().atZone(zone).toOffsetDateTime()))
                .toList();
        return new DisconnectionWindows(zone.getId(), first, days, windows);
    }

    @GetMapping("/holidays")
    @Roles.Readers
    @Operation(summary = "The tenant's public holidays from a day to a day (both included; default today and a year on, at "
            + "most 3 years), in date order")
    List<PrepaidHoliday> holidays(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        List<FieldError> problems = new ArrayList<>();
        if (from != null && outOfRange(from)) problems.add(new FieldError("from", range()));
        if (to != null && outOfRange(to)) problems.add(new FieldError("to", range()));
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        LocalDate first = from == null ? store.today() : from;
        LocalDate last = to == null ? first.plusYears(1) : to;
        if (last.isBefore(first)) throw FieldErrorsException.of("to", "not before from");
        if (last.isAfter(first.plusYears(MAX_HOLIDAY_YEARS))) {
            throw FieldErrorsException.of("to", "at most " + MAX_HOLIDAY_YEARS + " years after from");
        }
        return store.between(first, last);
    }

    /** A holiday's name. */
    record PrepaidHolidayRequest(String name) {}

    @PutMapping("/holidays/{date}")
    @Roles.TenantAdmin
    @Operation(summary = "Make a tenant-local day a public holiday, or rename it",
            description = "The name: 1 to 100 characters. Disconnection is protected on it when the policy's "
                    + "holidays_protected is set.")
    PrepaidHoliday putHoliday(@PathVariable LocalDate date, @RequestBody PrepaidHolidayRequest body, Authentication caller) {
        return store.put(date, body.name(), caller.getName());
    }

    @DeleteMapping("/holidays/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Remove a public holiday", description = "404 when the day is no holiday of the tenant.")
    void deleteHoliday(@PathVariable LocalDate date) {
        store.remove(date);
    }

    private static boolean outOfRange(LocalDate day) {
        return day.isBefore(PrepaidPolicyStore.FIRST_DAY) || day.isAfter(PrepaidPolicyStore.LAST_DAY);
    }

    private static String range() {
        return PrepaidPolicyStore.FIRST_DAY + " to " + PrepaidPolicyStore.LAST_DAY;
    }
}
