package io.vidyut.mdm.prepaid.charging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Prepaid balances with the provisional use since the last charge and the days left. */
@RestController
@Tag(name = "Prepaid", description = "Prepaid accounts, ledger, recharges, charging and switching")
class BalanceController {
    private final Balances balances;

    BalanceController(Balances balances) {
        this.balances = balances;
    }

    @GetMapping("/api/v1/consumer/prepaid/balance")
    @Roles.Staff
    @Operation(summary = "A prepaid account's balance by account number",
            description = "The ledger's balance, a provisional balance less the use since the last charged day (marked "
                    + "provisional), the average daily charge and the days left. Staff ask for any account; consumers' own "
                    + "sign-in comes with the consumer app.")
    Balances.PrepaidBalance balance(@RequestParam(name = "account_no") String accountNo) {
        return balances.ofAccountNo(accountNo);
    }

    @GetMapping("/api/v1/prepaid/accounts/{id}/balance")
    @Roles.Readers
    @Operation(summary = "A prepaid account's balance, provisional balance and days left")
    Balances.PrepaidBalance balanceOf(@PathVariable UUID id) {
        return balances.of(id);
    }
}
