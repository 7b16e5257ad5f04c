package io.vidyut.mdm.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetCsv;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.vee.estimation.GapEstimation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's anomaly mode against the real pipeline: three days of a 60-meter HPL fleet with
 * gaps, spikes, duplicate batches, register rollovers, reverse energy, clock drift and late
 * batches injected, then one scheduled estimation run. Each test states what VEE does with one
 * kind of anomaly, checked against the simulator's log of what it injected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedAnomaliesTest extends IntegrationTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired GapEstimation estimation;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    TestTenant tenant;
    Map<String, String> meterIdsBySerial = new HashMap<>();
    List<JsonNode> injected = new ArrayList<>();
    RunStats sent;
    Instant simulatedUntil;
    Instant estimatedAt;

    @BeforeAll
    void simulateThreeDaysWithAnomaliesThenEstimate() throws Exception {
        connectClient();
        tenant = newTenant();
        JsonNode vendor = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "HPL", "name", "HPL", "protocol", "REST",
                "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        String mapping = new String(getClass().getResourceAsStream("/demo-mappings/HPL.json").readAllBytes());
        assertThat(api.send("PUT", "/api/v1/hes-vendors/" + vendor.get("vendor").get("id").asString() + "/mapping",
                tenant.admin(), mapping, "application/json", Map.of()).status()).isEqualTo(200);
        Fleet fleet = SyntheticFleet.generate(11, 1, 2, 30, List.of("HPL"));
        register(fleet);
        for (JsonNode meter : api.get("/api/v1/meters?size=1000", tenant.admin()).json().get("items")) {
            meterIdsBySerial.put(meter.get("serial").asString(), meter.get("id").asString());
        }

        Path log = Files.createTempFile("anomalies", ".jsonl");
        simulatedUntil = clock.instant();
        sent = Simulator.builder().target("http://127.0.0.1:" + port).clock(clock).vendors("HPL")
                .apiKey("HPL", vendor.get("api_key").asString()).fleet(fleet).backfill(3).seed(5).anomalyRate(0.03).hplMeterDaysPerRequest(1)
                .anomalyLog(log).threads(2).build().run();
        for (String line : Files.readAllLines(log)) injected.add(JSON.readTree(line));
        awaitStored();
        estimatedAt = clock.instant();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> estimation.estimateOpenGaps(IST, estimatedAt));
    }

    @Test
    void the_run_injected_every_kind_of_anomaly() {
        Set<String> kinds = new HashSet<>();
        injected.forEach(a -> kinds.add(a.get("kind").asString()));
        assertThat(kinds).contains("GAP", "SPIKE", "DUPLICATE", "REVERSE_ENERGY", "CLOCK_DRIFT", "LATE");
    }

    /**
     * Of the ×10 spikes that stand clear of their household's day (over 0.5 kWh and more than four times the day's
     * next-highest interval, the default 300 % tolerance, on a stored complete day), 98 % or more are found; and of
     * what is called a spike, at most one in twenty is the simulated household's own sudden load rather than a
     * fault. A ×10 spike on an ordinary interval that stays within the day's own peaks is, by design, no spike: on
     * real households that is a kettle (issue 14).
     */
    @Test
    void spikes_are_found_and_little_else_is_called_a_spike() {
        Set<String> injectedSpikes = new HashSet<>();
        Set<String> clearSpikes = new HashSet<>();
        injected(kind -> kind.equals("SPIKE")).forEach(a -> {
            String key = a.get("serial").asString() + "@" + a.get("from").asString();
            injectedSpikes.add(key);
            if (a.get("detail").get("sent_kwh").asDouble() >= 0.5 && !onOpenDay(a) && aboveTheDaysPeaks(a)) {
                clearSpikes.add(key);
            }
        });
        Set<String> found = new HashSet<>();
        exceptions("SPIKE").forEach(e -> found.add(e.get("meter_serial").asString() + "@" + instant(e.get("first_at"))));
        assertThat(injectedSpikes).isNotEmpty();
        Set<String> foundInjected = new HashSet<>(found);
        foundInjected.retainAll(injectedSpikes);
        Set<String> clearFound = new HashSet<>(clearSpikes);
        clearFound.retainAll(found);
        assertThat((double) clearFound.size() / clearSpikes.size()).as("recall over %d clear spikes", clearSpikes.size())
                .isGreaterThanOrEqualTo(0.98);
        assertThat((double) foundInjected.size() / found.size()).as("precision over %d found", found.size())
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void reverse_energy_on_consumers_without_net_metering_is_found_for_every_run() {
        List<JsonNode> runs = injected(kind -> kind.equals("REVERSE_ENERGY"));
        assertThat(runs).isNotEmpty();
        List<JsonNode> found = exceptions("REVERSE_ENERGY");
        for (JsonNode run : runs) {
            if (Instant.parse(run.get("to").asString()).isAfter(simulatedUntil)) continue; // still under way: not (all) sent yet
            // the run may have begun before the first day the simulator sent
            assertThat(found).as("reverse run %s", run).anySatisfy(e -> {
                assertThat(e.get("meter_serial").asString()).isEqualTo(run.get("serial").asString());
                assertThat(instant(e.get("first_at"))).isLessThanOrEqualTo(run.get("to").asString());
                assertThat(instant(e.get("last_at"))).isGreaterThanOrEqualTo(run.get("from").asString());
            });
        }
        for (JsonNode zeroRun : exceptions("ZERO_RUN")) {
            assertThat(runs).as("a zero run is the import side of a reversed connection: %s", zeroRun).anySatisfy(run -> {
                assertThat(run.get("serial").asString()).isEqualTo(zeroRun.get("meter_serial").asString());
                assertThat(instant(zeroRun.get("first_at"))).isLessThanOrEqualTo(run.get("to").asString());
                assertThat(instant(zeroRun.get("last_at"))).isGreaterThanOrEqualTo(run.get("from").asString());
            });
        }
    }

    @Test
    void a_duplicate_batch_changes_nothing_and_raises_nothing() {
        assertThat(injected(kind -> kind.equals("DUPLICATE"))).isNotEmpty();
        assertThat(exceptions("DUPLICATE")).as("the same values again are a no-op").isEmpty();
    }

    @Test
    void rolled_over_registers_are_recognised_and_no_register_is_said_to_go_backwards() {
        for (JsonNode rollover : injected(kind -> kind.equals("ROLLOVER"))) {
            String meter = meterIdsBySerial.get(rollover.get("serial").asString());
            Instant at = Instant.parse(rollover.get("from").asString());
            if (api.get("/api/v1/meters/" + meter + "/registers?channel=KWH_IMPORT_TOTAL&from=" + at.minusSeconds(86_400 * 2)
                    + "&to=" + at, tenant.analyst()).json().isEmpty()) {
                continue; // the register before the rollover was never sent: nothing to compare with
            }
            // a drifted day's register is stamped minutes late but kept (registers need no interval boundary)
            assertThat(exceptions("REGISTER_ROLLOVER")).as("rollover %s", rollover).anySatisfy(e -> {
                assertThat(e.get("meter_serial").asString()).isEqualTo(rollover.get("serial").asString());
                assertThat(Math.abs(java.time.Duration.between(at, Instant.parse(instant(e.get("first_at")))).toMinutes())).isLessThan(10);
            });
        }
        assertThat(exceptions("REGISTER_DECREASE")).isEmpty();
    }

    @Test
    void a_clock_drifted_day_is_kept_realigned_to_its_boundaries_and_raises_clock_drift() {
        List<JsonNode> drifted = injected(kind -> kind.equals("CLOCK_DRIFT"));
        assertThat(drifted).isNotEmpty();
        long quarantined = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status ->
                jdbc.sql("select count(*) from quarantine_row where reason like '%boundary%'").query(Long.class).single()));
        assertThat(quarantined).as("a drifted clock's values are the energy the meter measured: none is refused").isZero();
        for (JsonNode day : drifted) {
            Instant from = Instant.parse(day.get("from").asString());
            assertThat(exceptions("CLOCK_DRIFT")).as("drifted day %s", day).anySatisfy(e -> {
                assertThat(e.get("meter_serial").asString()).isEqualTo(day.get("serial").asString());
                assertThat(Instant.parse(instant(e.get("first_at")))).isBetween(from, from.plusSeconds(86_400));
            });
        }
    }

    @Test
    void every_gap_with_data_before_it_is_filled_by_an_estimate_and_late_data_is_kept_as_actual() {
        // the estimation run's clock, not the test's: a gap still inside the grace period then stayed open
        Instant graceEdge = estimatedAt.minusSeconds(4 * 3600);
        List<JsonNode> gaps = injected(kind -> kind.equals("GAP"));
        for (JsonNode gap : gaps) {
            if (storedGapEnd(gap, gaps).isAfter(graceEdge)) continue; // late data may still come
            JsonNode points = series(gap);
            if (points == null) continue; // before the meter's first reading: not a gap
            points.forEach(p -> assertThat(p.get("quality").toString()).as("gap %s", gap).contains("ESTIMATED"));
        }
        for (JsonNode late : injected(kind -> kind.equals("LATE"))) {
            if (Instant.parse(late.get("detail").get("release_at").asString()).isAfter(simulatedUntil)) continue; // not sent yet
            series(late).forEach(p -> assertThat(p.get("quality").toString()).as("late run %s", late).isEqualTo("[\"ACTUAL\"]"));
        }
    }

    @Test
    void sum_checks_fail_only_on_days_whose_intervals_were_tampered_with() {
        Set<String> tampered = new HashSet<>();
        injected(kind -> kind.equals("SPIKE") || kind.equals("REVERSE_ENERGY")).forEach(a ->
                tampered.add(a.get("serial").asString() + "@" + Instant.parse(a.get("from").asString()).atZone(IST).minusMinutes(15).toLocalDate()));
        for (JsonNode failure : exceptions("SUM_CHECK")) {
            String day = failure.get("meter_serial").asString() + "@"
                    + Instant.parse(instant(failure.get("last_at"))).atZone(IST).minusMinutes(15).toLocalDate();
            assertThat(tampered).as("sum check %s", failure).contains(day);
        }
    }

    /** The fleet's network, consumers (with net metering and sanctioned load) and meters, through the CSV imports. */
    private void register(Fleet fleet) {
        for (String[] upload : List.of(new String[] {"/api/v1/network/nodes/import", FleetCsv.nodes(fleet)},
                new String[] {"/api/v1/consumers/import", FleetCsv.consumers(fleet)},
                new String[] {"/api/v1/meters/import", FleetCsv.meters(fleet)})) {
            var response = api.postCsv(upload[0] + "?mode=ALL_OR_NOTHING", tenant.admin(), upload[1]);
            assertThat(response.status()).as(upload[0] + " " + response.raw()).isEqualTo(200);
        }
    }

    private JsonNode series(JsonNode anomaly) {
        Instant first = Instant.parse(anomaly.get("from").asString()), last = Instant.parse(anomaly.get("to").asString());
        String meter = meterIdsBySerial.get(anomaly.get("serial").asString());
        JsonNode before = api.get("/api/v1/meters/" + meter + "/consumption?from=" + first.minusSeconds(1800) + "&to=" + first.minusSeconds(900),
                tenant.analyst()).json();
        if (before.get("total").get("intervals").asInt() == 0) return null;
        return api.get("/api/v1/meters/" + meter + "/consumption?from=" + first.minusSeconds(900) + "&to=" + last, tenant.analyst())
                .json().get("points");
    }

    /** Whether the spike's stored day is complete and the spike more than four times the day's next-highest interval. */
    private boolean aboveTheDaysPeaks(JsonNode spike) {
        Instant at = Instant.parse(spike.get("from").asString());
        LocalDate day = at.atZone(IST).minusMinutes(15).toLocalDate();
        String meter = meterIdsBySerial.get(spike.get("serial").asString());
        JsonNode points = api.get("/api/v1/meters/" + meter + "/consumption?resolution=15m&from=" + day.atStartOfDay(IST).toInstant()
                + "&to=" + day.plusDays(1).atStartOfDay(IST).toInstant(), tenant.analyst()).json().get("points");
        List<Double> values = new ArrayList<>();
        points.forEach(p -> {
            if (p.has("value") && !p.get("value").isNull()) values.add(p.get("value").asDouble());
        });
        if (values.size() < 96) return false;
        values.sort(java.util.Comparator.reverseOrder());
        return spike.get("detail").get("sent_kwh").asDouble() > 4 * values.get(1);
    }

    /** Where the stored gap ends: injected gaps that touch one another are one gap in the store. */
    private static Instant storedGapEnd(JsonNode gap, List<JsonNode> gaps) {
        Instant end = Instant.parse(gap.get("to").asString());
        while (true) {
            Instant nextSlot = end.plusSeconds(900);
            var touching = gaps.stream().filter(g -> g.get("serial").asString().equals(gap.get("serial").asString())
                    && Instant.parse(g.get("from").asString()).equals(nextSlot)).findFirst();
            if (touching.isEmpty()) return end;
            end = Instant.parse(touching.get().get("to").asString());
        }
    }

    /**
     * Whether the anomaly falls on the day still under way when the simulator stopped (IST). Early in that day a
     * spike has too few neighbours to be judged against them and is judged against the meter's history, with a
     * larger factor: a night spike can then pass. So recall is measured over whole days (the run may start just
     * after midnight, when the open day holds an hour or two).
     */
    private boolean onOpenDay(JsonNode anomaly) {
        ZoneId ist = ZoneId.of("Asia/Kolkata");
        return LocalDate.ofInstant(Instant.parse(anomaly.get("from").asString()), ist)
                .equals(LocalDate.ofInstant(simulatedUntil, ist));
    }

    private List<JsonNode> injected(java.util.function.Predicate<String> kind) {
        return injected.stream().filter(a -> kind.test(a.get("kind").asString())).toList();
    }

    private List<JsonNode> exceptions(String rule) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/vee/exceptions?size=1000&page=" + page + "&rule=" + rule, tenant.analyst()).json().get("items");
            if (items.isEmpty()) return all;
            items.forEach(all::add);
        }
    }

    private static String instant(JsonNode offsetTime) {
        return java.time.OffsetDateTime.parse(offsetTime.asString()).toInstant().toString();
    }

    private void awaitStored() throws InterruptedException {
        long deadline = System.nanoTime() / 1_000_000 + 120_000;
        while (System.nanoTime() / 1_000_000 < deadline) {
            long open = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status ->
                    jdbc.sql("select count(*) from ingest_batch where completed_at is null").query(Long.class).single()));
            if (open == 0) return;
            Thread.sleep(200);
        }
        throw new AssertionError("the pipeline did not store every batch within two minutes");
    }
}
