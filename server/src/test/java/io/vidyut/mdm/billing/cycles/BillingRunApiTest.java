package io.vidyut.mdm.billing.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A billing run through the API on data ingested from an HES: a cycle over a branch of the network, determinants per
 * consumer split by the tariff's ToD zones and checked against the registers, the exception queue, acceptance, a
 * re-run as the next version, the consumption summary as JSON, CSV and computed on the fly.
 */
class BillingRunApiTest extends VeePipelineTest {
    static final LocalDate FIRST = LocalDate.of(2026, 11, 2), LAST = LocalDate.of(2026, 11, 4);
    static final double OPENING = 1234.5;

    String branchTop;

    @org.springframework.beans.factory.annotation.Value("${mdm.billing.export.drop-root}")
    java.nio.file.Path dropRoot;

    @BeforeEach
    void tariffAndCycle() {
        var tariff = api.post("/api/v1/billing/tariffs", tenant.admin(), Map.of("name", "FY 2026-27", "effective_from", "2026-04-01",
                "categories", List.of(Map.of("code", "LT-1 Domestic", "consumer_class", "DOMESTIC",
                        "slabs", List.of(Map.of("up_to", 100, "rate", 3.5), Map.of("rate", 5.25)),
                        "tod_slots", List.of(
                                Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "22:00", "to", "09:00", "multiplier", 1),
                                Map.of("zone", "SOLAR", "kind", "SOLAR", "from", "09:00", "to", "17:00", "multiplier", 0.8),
                                Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "17:00", "to", "18:00", "multiplier", 1),
                                Map.of("zone", "PEAK", "kind", "PEAK", "from", "18:00", "to", "22:00", "multiplier", 1.1))))));
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        JsonNode node = api.get("/api/v1/network/nodes/" + dtId, tenant.analyst()).json();
        branchTop = node.get("parent_id").asString(); // the feeder above the DT
    }

    /** Every interval of the days at {@link VeePipelineTest#load}, and import register reads at the first and last+1 midnight. */
    void fullData(String serial) {
        for (LocalDate day = FIRST.minusDays(1); !day.isAfter(LAST); day = day.plusDays(1)) push(serial, day(day, VeePipelineTest::load));
        push(serial, List.of(register(FIRST.atStartOfDay(IST), OPENING), register(LAST.plusDays(1).atStartOfDay(IST), OPENING + dayTotal() * 3)));
    }

    static double dayTotal() {
        return zoneOfDay(0, 24).doubleValue();
    }

    static BigDecimal days(int days) {
        return zoneOfDay(0, 24).multiply(BigDecimal.valueOf(days));
    }

    /** kWh of the slots of a day whose interval starts in [fromHour, toHour). */
    static BigDecimal zoneOfDay(int fromHour, int toHour) {
        BigDecimal total = BigDecimal.ZERO;
        for (int slot = fromHour * 4; slot < toHour * 4; slot++) total = total.add(stored(load(slot)));
        return total;
    }

    /** A value as the store keeps it: to 0.0001 kWh, half to even. */
    static BigDecimal stored(double kwh) {
        return BigDecimal.valueOf(kwh).setScale(4, java.math.RoundingMode.HALF_EVEN);
    }

    /** The largest half hour from midnight of a day of {@link VeePipelineTest#load}, in kW. */
    static BigDecimal blockDemandKw() {
        double most = 0;
        for (int slot = 0; slot < 96; slot += 2) most = Math.max(most, load(slot) + load(slot + 1));
        return BigDecimal.valueOf(most * 2).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    /** A consumer on the DT and its meter; returns the consumer's id. */
    String consumerWithMeter(String serial) {
        String consumer = registry.consumer("AC-" + serial, dtId).get("id").asString();
        registry.meter(serial, vendorId, consumer);
        return consumer;
    }

    JsonNode run(Map<String, Object> request) {
        var started = api.post("/api/v1/billing/runs", tenant.operator(), request);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String id = started.json().get("id").asString();
        JsonNode done = await("/api/v1/billing/runs/" + id, tenant.analyst(), run -> !run.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    JsonNode line(JsonNode summary, String accountNo) {
        for (JsonNode item : summary.get("items")) if (item.get("determinants").get("account_no").asString().equals(accountNo)) return item;
        throw new AssertionError(accountNo + " not in " + summary);
    }

    @Test
    void a_cycle_run_bills_complete_data_and_queues_a_consumer_with_gaps_and_no_closing_read() {
        String good = consumerMeter("GOOD");
        String gappy = consumerMeter("GAPPY");
        fullData("GOOD");
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            LocalDate d = day;
            push("GAPPY", day(day, slot -> d.equals(FIRST) && slot >= 40 && slot < 60 ? null : load(slot)));
        }
        awaitDay(good, LAST, 96);
        awaitDay(gappy, LAST, 96);
        var cycle = api.post("/api/v1/billing/cycles", tenant.admin(), Map.of("code", "C-02", "name", "Cycle of the 2nd",
                "cycle_day", 2, "months", 1, "node_ids", List.of(branchTop)));
        assertThat(cycle.status()).as(cycle.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/billing/cycles", tenant.admin(), Map.of("code", "C-OVERLAP", "name", "Overlap",
                "cycle_day", 5, "months", 1, "node_ids", List.of(dtId))).status()).isEqualTo(409);

        JsonNode run = run(Map.of("cycle_code", "C-02", "first_day", FIRST.toString(), "last_day", LAST.toString()));
        assertThat(run.get("consumers_total").asInt()).isEqualTo(2);
        assertThat(run.get("exceptions").asInt()).isEqualTo(1);

        JsonNode summary = api.get("/api/v1/billing/consumption-summary?run_id=" + run.get("id").asString(), tenant.analyst()).json();
        assertThat(summary.get("total").asLong()).isEqualTo(2);
        JsonNode ready = line(summary, "AC-GOOD");
        assertThat(ready.get("status").asString()).isEqualTo("READY");
        JsonNode d = ready.get("determinants");
        assertThat(d.get("energy").get("kwh_import").decimalValue()).isEqualByComparingTo(days(3));
        Map<String, BigDecimal> zones = new java.util.HashMap<>();
        d.get("zones").forEach(z -> zones.put(z.get("zone").asString(), z.get("kwh_import").decimalValue()));
        assertThat(zones.get("PEAK")).isEqualByComparingTo(zoneOfDay(18, 22).multiply(BigDecimal.valueOf(3)));
        assertThat(zones.get("SOLAR")).isEqualByComparingTo(zoneOfDay(9, 17).multiply(BigDecimal.valueOf(3)));
        assertThat(d.get("meters").get(0).get("opening_kwh").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(OPENING));
        assertThat(d.get("meters").get(0).get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("demand").get("md_kw").decimalValue()).isEqualByComparingTo(blockDemandKw());
        assertThat(d.get("exceptions")).isEmpty();
        var preview = api.get("/api/v1/billing/determinants/" + ready.get("determinants_id").asString() + "/bill-preview", tenant.analyst());
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        JsonNode bill = preview.json().get("bill");
        assertThat(bill.get("billed_units").decimalValue()).isEqualByComparingTo(days(3).setScale(3, java.math.RoundingMode.HALF_UP));
        assertThat(bill.get("lines").findValuesAsString("component")).contains("ENERGY", "TOD");
        assertThat(bill.get("days").asInt()).as("pro-rated over the period").isEqualTo(3);

        JsonNode held = line(summary, "AC-GAPPY");
        assertThat(held.get("status").asString()).isEqualTo("EXCEPTION");
        List<String> reasons = new ArrayList<>();
        held.get("determinants").get("exceptions").forEach(r -> reasons.add(r.get("code").asString()));
        assertThat(reasons).contains("MISSING_CLOSING_READ").containsAnyOf("MISSING_INTERVALS", "ESTIMATED_SHARE");
        JsonNode queue = api.get("/api/v1/billing/exceptions", tenant.analyst()).json();
        assertThat(queue).singleElement().satisfies(q -> assertThat(q.get("id").asString()).isEqualTo(held.get("determinants_id").asString()));

        var accepted = api.post("/api/v1/billing/determinants/" + held.get("determinants_id").asString() + "/accept", tenant.operator(),
                Map.of("reason", "Meter read in the field on 5 Nov"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get("/api/v1/billing/exceptions", tenant.analyst()).json()).isEmpty();

        // a re-run after correction: every consumer's next version, the earlier kept as SUPERSEDED
        push("GAPPY", List.of(register(FIRST.atStartOfDay(IST), 10), register(LAST.plusDays(1).atStartOfDay(IST), 10 + dayTotal() * 3)));
        JsonNode again = run(Map.of("cycle_code", "C-02", "first_day", FIRST.toString(), "last_day", LAST.toString()));
        JsonNode second = line(api.get("/api/v1/billing/consumption-summary?run_id=" + again.get("id").asString(), tenant.analyst()).json(), "AC-GOOD");
        assertThat(second.get("version").asInt()).isEqualTo(2);
        JsonNode history = api.get("/api/v1/billing/determinants/" + second.get("determinants_id").asString() + "/history", tenant.analyst()).json();
        assertThat(history).extracting(h -> h.get("version").asInt() + " " + h.get("status").asString()).containsExactly("2 READY", "1 SUPERSEDED");
        assertThat(api.get("/api/v1/billing/consumption-summary?first_day=" + FIRST + "&last_day=" + LAST, tenant.analyst())
                .json().get("total").asLong()).as("only the latest versions count").isEqualTo(2);
        assertThat(api.get("/api/v1/billing/consumption-summary?account_no=AC-GOOD", tenant.analyst()).json().get("items"))
                .as("one consumer's latest determinants by account number")
                .extracting(i -> i.get("determinants").get("account_no").asString() + " v" + i.get("version").asInt())
                .containsExactly("AC-GOOD v2");
    }

    @Test
    void the_summary_comes_as_csv_and_computed_on_the_fly_for_any_period_under_a_node() {
        String consumerId = consumerWithMeter("CSV");
        fullData("CSV");
        awaitDay(api.get("/api/v1/meters?serial=CSV", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);
        run(Map.of("kind", "INTERIM", "consumer_ids", List.of(consumerId), "first_day", FIRST.toString(), "last_day", LAST.toString()));

        ApiClient.Response csv = api.get("/api/v1/billing/consumption-summary?format=csv&first_day=" + FIRST + "&last_day=" + LAST, tenant.analyst());
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("account_no,consumer_id,category,first_day,last_day,version,status,kwh_import").endsWith("kwh_NORMAL,kwh_SOLAR,kwh_PEAK");
        assertThat(lines[1]).startsWith("AC-CSV," + consumerId + ",LT-1 Domestic,2026-11-02,2026-11-04,1,READY,"
                + days(3).setScale(4).toPlainString());

        JsonNode computed = api.get("/api/v1/billing/consumption-summary?source=computed&node_id=" + dtId + "&first_day=" + FIRST
                + "&last_day=" + FIRST, tenant.analyst()).json();
        assertThat(computed.get("items")).singleElement().satisfies(item -> {
            assertThat(item.has("version")).as("computed, not stored").isFalse();
            assertThat(item.get("determinants").get("energy").get("kwh_import").decimalValue()).isEqualByComparingTo(days(1));
        });
        assertThat(api.get("/api/v1/billing/consumption-summary?source=computed&node_id=" + dtId + "&first_day=" + FIRST
                + "&last_day=" + FIRST + "&account_no=AC-NONE", tenant.analyst()).json().get("total").asLong())
                .as("no consumer of that account number under the node").isZero();
        assertThat(api.get("/api/v1/billing/consumption-summary?source=computed&first_day=" + FIRST + "&last_day=" + LAST,
                tenant.analyst()).status()).as("computing needs a node").isEqualTo(422);
    }

    @Test
    void an_export_drops_the_billable_determinants_keeps_what_it_sent_and_a_later_change_of_the_data_is_announced() throws Exception {
        String billable = consumerWithMeter("EXP");
        String held = consumerWithMeter("HELD");
        fullData("EXP");
        push("HELD", day(FIRST, VeePipelineTest::load)); // two days short, no registers: held in the exception queue
        awaitDay(api.get("/api/v1/meters?serial=EXP", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);
        JsonNode run = run(Map.of("kind", "INTERIM", "consumer_ids", List.of(billable, held), "first_day", FIRST.toString(),
                "last_day", LAST.toString()));
        var system = api.post("/api/v1/billing/systems", tenant.admin(), Map.of("code", "erp", "name", "ERP",
                "delivery", Map.of("mode", "FILE_DROP", "format", "CSV", "folder", tenant.code() + "-erp")));
        assertThat(system.status()).as(system.raw()).isEqualTo(201);
        java.nio.file.Files.createDirectories(dropRoot.resolve(tenant.code() + "-erp"));

        var exported = api.post("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.operator(), Map.of("system_code", "erp"));
        assertThat(exported.status()).as(exported.raw()).isEqualTo(201);
        assertThat(exported.json().get("lines").asInt()).isEqualTo(1);
        java.nio.file.Path file = dropRoot.resolve(tenant.code() + "-erp").resolve(exported.json().get("file_name").asString());
        List<String> csv = java.nio.file.Files.readAllLines(file);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1)).startsWith("AC-EXP,EXP,2026-11-02,2026-11-04,1,READY," + days(3).setScale(4).toPlainString());
        assertThat(api.get("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.analyst()).json())
                .singleElement().satisfies(e -> assertThat(e.get("sha256").asString()).isEqualTo(exported.json().get("sha256").asString()));

        // the billing system bills it and says so: the summary shows the bill beside the determinants
        String bill = JSON.writeValueAsString(Map.of("events", List.of(Map.of("event_id", "E-1", "type", "BILL_GENERATED",
                "account_no", "AC-EXP", "bill_number", "B-77", "period_from", FIRST.toString(), "period_to", LAST.toString(),
                "bill_date", "2026-11-06", "due_date", "2026-11-20", "amounts", List.of(Map.of("component", "ENERGY", "amount", 130.5)),
                "total", 130.5))));
        long at = clock.instant().getEpochSecond();
        var posted = api.send("POST", "/api/v1/billing/webhook", null, bill, "application/json", Map.of("X-Mdm-Billing-System",
                tenant.code() + "/erp", "X-Mdm-Timestamp", String.valueOf(at), "X-Mdm-Signature",
                "sha256=" + io.vidyut.mdm.common.HmacSignature.hex(system.json().get("secret").asString(), at + "." + bill)));
        assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
        JsonNode billed = line(api.get("/api/v1/billing/consumption-summary?run_id=" + run.get("id").asString(), tenant.analyst()).json(), "AC-EXP");
        assertThat(billed.get("billed").get("bill_number").asString()).isEqualTo("B-77");
        assertThat(line(api.get("/api/v1/billing/consumption-summary?run_id=" + run.get("id").asString(), tenant.analyst()).json(), "AC-HELD")
                .has("billed")).isFalse();

        push("EXP", List.of(Map.of("end", slotEnd(FIRST, 10).toOffsetDateTime().toString(), "values", Map.of(IMPORT, 0.5))));
        JsonNode notice = await("/api/v1/billing/corrections", tenant.analyst(), body -> body.size() > 0).get(0);
        assertThat(notice.get("cause").asString()).as("billed data changed after the export").isEqualTo("RESEND");

        assertThat(api.post("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.operator(),
                Map.of("system_code", "nobody")).status()).isEqualTo(404);
        api.post("/api/v1/billing/systems", tenant.admin(), Map.of("code", "pull", "name", "Pulls", "delivery", Map.of("mode", "PULL")));
        assertThat(api.post("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.operator(),
                Map.of("system_code", "pull")).status()).as("a pulling system reads the summary itself").isEqualTo(409);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AutomaticExports automaticExports;

    @Test
    void in_its_billing_window_a_billing_system_is_sent_finished_runs_by_itself_retried_after_a_failure_and_later_acceptances()
            throws Exception {
        String billable = consumerWithMeter("AUTO");
        String held = consumerWithMeter("AUTOH");
        fullData("AUTO");
        push("AUTOH", day(FIRST, VeePipelineTest::load));
        awaitDay(api.get("/api/v1/meters?serial=AUTO", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);
        String runId = run(Map.of("kind", "FIRST", "consumer_ids", List.of(billable, held), "first_day", FIRST.toString(),
                "last_day", LAST.toString())).get("id").asString();
        String interim = run(Map.of("kind", "INTERIM", "consumer_ids", List.of(billable), "first_day", FIRST.toString(),
                "last_day", FIRST.toString())).get("id").asString();

        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // as the database keeps it
        int today = now.atZone(IST).getDayOfMonth();
        List<Integer> window = today <= 28 ? List.of(today, today) : List.of(28, 1);
        String folder = tenant.code() + "-auto";
        var system = api.post("/api/v1/billing/systems", tenant.admin(), Map.of("code", "auto", "name", "Billing by itself",
                "billing_window", Map.of("first_day", window.get(0), "last_day", window.get(1)),
                "delivery", Map.of("mode", "FILE_DROP", "format", "CSV", "folder", folder)));
        assertThat(system.status()).as(system.raw()).isEqualTo(201);
        java.nio.file.Files.createDirectories(dropRoot);
        java.nio.file.Path blocker = java.nio.file.Files.writeString(dropRoot.resolve(folder), "a file where the folder should be");

        automaticExports.sweep(now.plus(java.time.Duration.ofDays(10)));
        assertThat(exportsOf(runId)).as("outside the billing window nothing is sent").isEmpty();

        automaticExports.sweep(now);
        JsonNode failure = failureOf(runId);
        assertThat(failure.get("attempts").asInt()).isEqualTo(1);
        assertThat(failure.get("retryable").asBoolean()).isTrue();
        assertThat(java.time.Instant.parse(failure.get("next_at").asString())).isEqualTo(now.plus(AutomaticExports.FIRST_RETRY));

        java.nio.file.Files.delete(blocker);
        automaticExports.sweep(now.plusSeconds(60));
        assertThat(exportsOf(runId)).as("not tried again before its time").isEmpty();
        automaticExports.sweep(now.plus(AutomaticExports.FIRST_RETRY));
        assertThat(exportsOf(runId)).singleElement().satisfies(e -> {
            assertThat(e.get("lines").asInt()).as("the billable consumer; the exception waits").isEqualTo(1);
            assertThat(e.get("exported_by").asString()).isEqualTo("automatic");
        });
        assertThat(api.get("/api/v1/billing/export-failures", tenant.analyst()).json()).as("settled").isEmpty();
        assertThat(exportsOf(interim)).as("an INTERIM run goes by hand only").isEmpty();

        automaticExports.sweep(now.plus(AutomaticExports.FIRST_RETRY).plusSeconds(60));
        assertThat(exportsOf(runId)).as("nothing new to send").hasSize(1);

        String heldId = line(api.get("/api/v1/billing/consumption-summary?run_id=" + runId, tenant.analyst()).json(), "AC-AUTOH")
                .get("determinants_id").asString();
        assertThat(api.post("/api/v1/billing/determinants/" + heldId + "/accept", tenant.operator(),
                Map.of("reason", "Read in the field")).status()).isEqualTo(200);
        automaticExports.sweep(now.plus(AutomaticExports.FIRST_RETRY).plusSeconds(120));
        JsonNode exports = exportsOf(runId);
        assertThat(exports).hasSize(2);
        List<String> second = java.nio.file.Files.readAllLines(dropRoot.resolve(folder).resolve(exports.get(1).get("file_name").asString()));
        assertThat(second).as("only the acceptance since").hasSize(2);
        assertThat(second.get(1)).startsWith("AC-AUTOH,");
    }

    private JsonNode exportsOf(String runId) {
        return api.get("/api/v1/billing/runs/" + runId + "/exports", tenant.analyst()).json();
    }

    private JsonNode failureOf(String runId) {
        for (JsonNode failure : api.get("/api/v1/billing/export-failures", tenant.analyst()).json()) {
            if (failure.get("run_id").asString().equals(runId)) return failure;
        }
        throw new AssertionError("no failed export of run " + runId);
    }

    @Test
    void a_run_exported_to_a_billing_systems_sftp_server_arrives_as_fixed_width_under_its_pinned_host_key(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        java.nio.file.Path served = java.nio.file.Files.createDirectories(temp.resolve("served/inbound"));
        var hostKeys = new org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider(temp.resolve("host-key"));
        var sftp = org.apache.sshd.server.SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(hostKeys);
        sftp.setPasswordAuthenticator((user, password, session) -> "mdm".equals(user) && "sftp-password-1".equals(password));
        sftp.setSubsystemFactories(List.of(new org.apache.sshd.sftp.server.SftpSubsystemFactory()));
        sftp.setFileSystemFactory(new org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory(temp.resolve("served")));
        sftp.start();
        try {
            String fingerprint = org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(
                    org.apache.sshd.common.digest.BuiltinDigests.sha256, hostKeys.loadKeys(null).iterator().next().getPublic());
            String consumer = consumerWithMeter("SFTP");
            fullData("SFTP");
            awaitDay(api.get("/api/v1/meters?serial=SFTP", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);
            JsonNode run = run(Map.of("kind", "INTERIM", "consumer_ids", List.of(consumer), "first_day", FIRST.toString(),
                    "last_day", LAST.toString()));
            var system = api.post("/api/v1/billing/systems", tenant.admin(), Map.of("code", "sap", "name", "SAP IS-U",
                    "delivery", Map.of("mode", "SFTP", "format", "FIXED_WIDTH", "host", "127.0.0.1", "port", sftp.getPort(),
                            "username", "mdm", "password", "sftp-password-1", "remote_dir", "inbound", "host_key_fingerprint", fingerprint)));
            assertThat(system.status()).as(system.raw()).isEqualTo(201);

            var exported = api.post("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.operator(),
                    Map.of("system_code", "sap"));
            assertThat(exported.status()).as(exported.raw()).isEqualTo(201);
            List<String> records = java.nio.file.Files.readAllLines(served.resolve(exported.json().get("file_name").asString()));
            assertThat(records).hasSize(3);
            assertThat(records.get(0)).startsWith("H");
            assertThat(records.get(1)).startsWith("D").contains("AC-SFTP");
            assertThat(records.get(2)).startsWith("T");
            assertThat(exported.json().get("sha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(
                            served.resolve(exported.json().get("file_name").asString())))));

            api.put("/api/v1/billing/systems/sap", tenant.admin(), Map.of("delivery", Map.of("mode", "SFTP", "format", "FIXED_WIDTH",
                    "host", "127.0.0.1", "port", sftp.getPort(), "username", "mdm", "remote_dir", "inbound",
                    "host_key_fingerprint", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")));
            var refused = api.post("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.operator(),
                    Map.of("system_code", "sap"));
            assertThat(refused.status()).as("another host key than the one pinned: " + refused.raw()).isEqualTo(502);
            assertThat(refused.json().get("retryable").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/billing/runs/" + run.get("id").asString() + "/exports", tenant.analyst()).json())
                    .as("a failed export is no export").hasSize(1);
        } finally {
            sftp.stop(true);
        }
    }

    @Test
    void two_tenants_with_the_same_category_code_each_get_their_own_tariffs_zones_one_after_the_other() {
        String mine = consumerWithMeter("ZONES");
        fullData("ZONES");
        awaitDay(api.get("/api/v1/meters?serial=ZONES", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);

        // another tenant: the same category code, a flat tariff, a consumer of its own
        TestTenant other = newTenant();
        var otherRegistry = new io.vidyut.mdm.testing.Registry(api, other.admin());
        JsonNode vendor = otherRegistry.vendor("ACME");
        assertThat(api.put("/api/v1/hes-vendors/" + vendor.get("vendor").get("id").asString() + "/mapping", other.admin(), MAPPING)
                .status()).isEqualTo(200);
        String otherDt = otherRegistry.branch("B").get("id").asString();
        String theirs = otherRegistry.consumer("AC-ZONES", otherDt).get("id").asString();
        String theirMeter = otherRegistry.meter("ZONES", vendor.get("vendor").get("id").asString(), theirs).get("id").asString();
        assertThat(api.post("/api/v1/billing/tariffs", other.admin(), Map.of("name", "Flat", "effective_from", "2026-04-01",
                "categories", List.of(Map.of("code", "LT-1 Domestic", "consumer_class", "AGRICULTURAL",
                        "slabs", List.of(Map.of("rate", 2)))))).status()).isEqualTo(201);
        var pushed = api.send("POST", "/api/v1/meters/readings", null, JSON.writeValueAsString(Map.of("batch_id", "other-1",
                "meters", List.of(Map.of("serial", "ZONES", "intervals", day(FIRST, VeePipelineTest::load))))),
                "application/json", Map.of("X-API-Key", vendor.get("api_key").asString()));
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(202);
        await("/api/v1/meters/" + theirMeter + "/consumption?from=" + enc(FIRST.atStartOfDay(IST)) + "&to="
                + enc(FIRST.plusDays(1).atStartOfDay(IST)), other.analyst(), body -> body.get("total").get("intervals").asLong() >= 96);

        String day = "&first_day=" + FIRST + "&last_day=" + FIRST;
        for (int round = 0; round < 2; round++) { // each tenant after the other, twice
            JsonNode ours = api.get("/api/v1/billing/consumption-summary?source=computed&node_id=" + dtId + day, tenant.analyst()).json();
            JsonNode their = api.get("/api/v1/billing/consumption-summary?source=computed&node_id=" + otherDt + day, other.analyst()).json();
            assertThat(ours.get("items").get(0).get("determinants").get("zones").findValuesAsString("zone"))
                    .containsExactly("NORMAL", "SOLAR", "PEAK");
            assertThat(their.get("items").get(0).get("determinants").get("zones").findValuesAsString("zone"))
                    .as("the other tenant's flat tariff, not this one's slots").containsExactly("ALL_DAY");
            assertThat(their.get("items").get(0).get("determinants").get("consumer_id").asString()).isEqualTo(theirs);
        }
        assertThat(mine).isNotEqualTo(theirs);
    }

    @Test
    void another_tenant_sees_none_of_the_runs_or_determinants() {
        String consumer = consumerWithMeter("MINE");
        fullData("MINE");
        awaitDay(api.get("/api/v1/meters?serial=MINE", tenant.analyst()).json().get("items").get(0).get("id").asString(), LAST, 96);
        JsonNode run = run(Map.of("kind", "FINAL", "consumer_ids", List.of(consumer), "first_day", FIRST.toString(),
                "last_day", LAST.toString()));
        String determinants = api.get("/api/v1/billing/consumption-summary?run_id=" + run.get("id").asString(), tenant.analyst())
                .json().get("items").get(0).get("determinants_id").asString();

        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/billing/runs/" + run.get("id").asString(), other.analyst()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/billing/determinants/" + determinants, other.analyst()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/billing/consumption-summary?run_id=" + run.get("id").asString(), other.analyst())
                .json().get("total").asLong()).isZero();
    }

    @Test
    void settings_of_outlandish_exponent_or_precision_are_refused_before_anything_is_stored() {
        String base = "{\"demand_integration_minutes\": 30, \"sliding_demand\": false, \"max_estimated_share\": %s, "
                + "\"max_missing_share\": 0, \"sum_check_tolerance_kwh\": %s, \"sum_check_tolerance_percent\": 1, \"closing_read_hours\": 24}";
        for (String[] bad : new String[][] {{"1e999999999", "0.5"}, {"0.1", "1e-999999999"}, {"0.00001", "0.5"}, {"-0.1", "0.5"}}) {
            var refused = api.send("PUT", "/api/v1/billing/settings", tenant.admin(), base.formatted(bad[0], bad[1]), "application/json", Map.of());
            assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        }
        var saved = api.send("PUT", "/api/v1/billing/settings", tenant.admin(), base.formatted("0.05", "0.25"), "application/json", Map.of());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/billing/settings", tenant.analyst()).json().get("max_estimated_share").decimalValue())
                .isEqualByComparingTo("0.05");
        assertThat(api.get("/api/v1/billing/settings", newTenant().analyst()).json().get("max_estimated_share").decimalValue())
                .as("another tenant keeps the defaults").isEqualByComparingTo("0.10");
    }

    @Test
    void a_run_is_refused_without_consumers_over_a_too_long_period_or_in_the_future() {
        String consumer = registry.consumer("AC-X", dtId).get("id").asString();
        assertThat(api.post("/api/v1/billing/runs", tenant.operator(), Map.of("first_day", FIRST.toString(), "last_day", LAST.toString()))
                .status()).isEqualTo(422);
        assertThat(api.post("/api/v1/billing/runs", tenant.operator(), Map.of("consumer_ids", List.of(consumer),
                "first_day", "2026-08-01", "last_day", "2026-10-31")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/billing/runs", tenant.operator(), Map.of("consumer_ids", List.of(consumer),
                "first_day", "2026-11-20", "last_day", "2026-12-31")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/billing/runs", tenant.analyst(), Map.of("consumer_ids", List.of(consumer),
                "first_day", FIRST.toString(), "last_day", LAST.toString())).status()).as("analysts read, operators run").isEqualTo(403);
    }
}
