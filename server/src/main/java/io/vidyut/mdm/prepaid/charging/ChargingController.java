package io.vidyut.mdm.prepaid.charging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Charging on demand (what the sweep does, now, through a day an operator names) and an account's closing settlement. */
@RestController
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class ChargingController {
    private final DailyCharging charging;
    private final ChargingSettings settings;
    private final PrepaidAccounts accounts;
    private final Clock clock;
    private final Settlements settlements;

    ChargingController(DailyCharging charging, ChargingSettings settings, PrepaidAccounts accounts, Clock clock,
                       Settlements settlements) {
        this.settlements = settlements;
        this.charging = charging;
        this.settings = settings;
        this.accounts = accounts;
        this.clock = clock;
    }

    record ChargingRequest(LocalDate through) {}

    /** What the run did and how long it took. */
    record ChargingOutcome(LocalDate through, int accountDaysCharged, int daysRepriced, int adjustments, double seconds) {}

    @PostMapping("/api/v1/prepaid/accounts/{id}/close")
    @Roles.TenantAdmin
    @Operation(summary = "Close a prepaid account with its final settlement",
            description = "{reason, switch_to_postpaid?}: the days to yesterday are charged, then a credit left is refunded "
                    + "(REFUND) and a debt carried to the final bill (CLOSING_SETTLEMENT), the arrears reported; the ledger of "
                    + "the closed account sums to zero. With switch_to_postpaid the consumer is supplied POSTPAID from now. "
                    + "409 when closed already.")
    Settlements.Settlement close(@PathVariable UUID id, @RequestBody Settlements.Closing body, Authentication caller) {
        return settlements.close(id, body, caller.getName());
    }

    @PostMapping("/api/v1/prepaid/charging")
    @Roles.Operators
    @Operation(summary = "Charge every account through a day now",
            description = "{through}: at most yesterday (tenant-local). Days already charged are not charged again; the "
                    + "recheck days before `through` are priced again where their data changed. Answers when done.")
    ChargingOutcome charge(@RequestBody ChargingRequest request) {
        LocalDate yesterday = accounts.today().minusDays(1);
        if (request.through() == null || request.through().isAfter(yesterday) || request.through().isBefore(yesterday.minusYears(1))) {
            throw FieldErrorsException.of("through", "a day from a year ago to yesterday (" + yesterday + ")");
        }
        long started = clock.millis();
        DailyCharging.Outcome outcome = charging.run(request.through(), settings.recheckDays());
        return new ChargingOutcome(request.through(), outcome.charged(), outcome.repriced(), outcome.adjusted(),
                Duration.ofMillis(clock.millis() - started).toMillis() / 1000.0);
    }
}
