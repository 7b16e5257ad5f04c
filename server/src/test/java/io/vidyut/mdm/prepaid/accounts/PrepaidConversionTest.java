package io.vidyut.mdm.prepaid.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conversion to prepaid from a CSV: each account carries its credit or debt and arrears to the paisa, the bad rows are
 * reported with their reasons while the good ones are opened (PARTIAL), and the file reconciles with the ledger.
 */
class PrepaidConversionTest extends IntegrationTest {

    @Test
    void a_conversion_file_carries_every_balance_to_the_paisa_and_reconciles_with_the_ledger() {
        TestTenant tenant = newTenant();
        for (String account : new String[] {"CV-1", "CV-2", "CV-3", "CV-POST"}) {
            var created = api.post("/api/v1/consumers", tenant.admin(), Map.of("account_no", account, "name", "Consumer " + account,
                    "tariff_category", "LT-1", "sanctioned_load_kw", 1, "supply_mode", account.equals("CV-POST") ? "POSTPAID" : "PREPAID"));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }
        String csv = """
                account_no,opening_balance,arrears,converted_on
                CV-1,1234.56,0,2026-11-01
                CV-2,-0.01,987.65,2026-11-01
                CV-3,10.005,,2026-11-01
                CV-POST,5,,
                CV-NONE,5,,
                CV-3,0.10,,
                """;
        ApiClient.Response response = api.send("POST", "/api/v1/prepaid/accounts/import?mode=PARTIAL", tenant.admin(), csv, "text/csv",
                Map.of());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode report = response.json().get("report");
        assertThat(report.get("accepted").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("errors").findValuesAsString("field")).contains("opening_balance", "account_no");
        JsonNode reconciliation = response.json().get("reconciliation");
        assertThat(reconciliation.get("accounts").asInt()).isEqualTo(3);
        assertThat(reconciliation.get("opening_balance_in_file").decimalValue()).isEqualByComparingTo("1234.65");
        assertThat(reconciliation.get("opening_balance_in_ledger").decimalValue()).isEqualByComparingTo("1234.65");
        assertThat(reconciliation.get("arrears_in_accounts").decimalValue()).isEqualByComparingTo("987.65");
        assertThat(reconciliation.get("balanced").asBoolean()).isTrue();

        JsonNode accounts = api.get("/api/v1/prepaid/accounts?size=10", tenant.analyst()).json();
        assertThat(accounts.get("total").asLong()).isEqualTo(3);
        Map<String, String> balances = new java.util.HashMap<>();
        accounts.get("items").forEach(a -> balances.put(a.get("account_no").asString(), a.get("balance").decimalValue().toPlainString()));
        assertThat(balances).containsEntry("CV-1", "1234.56").containsEntry("CV-2", "-0.01").containsEntry("CV-3", "0.1");
        assertThat(api.send("POST", "/api/v1/prepaid/accounts/import", tenant.operator(), csv, "text/csv", Map.of()).status())
                .as("converting is an administrator's").isEqualTo(403);
    }
}
