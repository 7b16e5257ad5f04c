package io.vidyut.mdm.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetCsv;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server routes commands to the simulator playing the HES (its command endpoint acknowledges, carries the
 * command out a little later and calls back), and to an HES that fails or is not there: the states end right,
 * the audit trail tells each step, and an on-demand read's result enters the ingestion pipeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedHesCommandsTest extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    TestTenant tenant;
    String vendorId;
    String vendorKey;
    Map<String, String> meterIdsBySerial = new HashMap<>();
    List<String> serials = new ArrayList<>();
    final List<Simulator> simulators = new ArrayList<>();
    String reliableHes;
    String failingHes;
    Simulator reliable;

    @BeforeAll
    void fleetAndTwoSimulatedHes() throws Exception {
        connectClient();
        tenant = newTenant();
        allowHesNetwork(tenant, "127.0.0.1/32"); // the test HES answers on loopback
        JsonNode vendor = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "HPL", "name", "HPL",
                "protocol", "REST", "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        vendorId = vendor.get("vendor").get("id").asString();
        vendorKey = vendor.get("api_key").asString();
        Fleet fleet = SyntheticFleet.generate(7, 1, 1, 4, List.of("HPL"));
        for (String[] upload : List.of(new String[] {"/api/v1/network/nodes/import", FleetCsv.nodes(fleet)},
                new String[] {"/api/v1/consumers/import", FleetCsv.consumers(fleet)},
                new String[] {"/api/v1/meters/import", FleetCsv.meters(fleet)})) {
            var response = api.postCsv(upload[0] + "?mode=ALL_OR_NOTHING", tenant.admin(), upload[1]);
            assertThat(response.status()).as(upload[0] + " " + response.raw()).isEqualTo(200);
        }
        for (JsonNode meter : api.get("/api/v1/meters?size=1000", tenant.admin()).json().get("items")) {
            meterIdsBySerial.put(meter.get("serial").asString(), meter.get("id").asString());
        }
        fleet.meters().stream().filter(m -> meterIdsBySerial.containsKey(m.serial())).map(SimMeter::serial).forEach(serials::add);
        assertThat(serials).hasSizeGreaterThanOrEqualTo(4);

        reliable = simulator(fleet, 0);
        reliableHes = "http://127.0.0.1:" + reliable.awaitPullPort(Duration.ofSeconds(60));
        failingHes = "http://127.0.0.1:" + simulator(fleet, 1).awaitPullPort(Duration.ofSeconds(60));
    }

    /** A simulator serving pulls and commands only: commands are carried out 200 ms after acknowledgement. */
    Simulator simulator(Fleet fleet, double commandFailureRate) {
        Simulator simulator = Simulator.builder().target("http://127.0.0.1:" + port).clock(clock).vendors("HPL")
                .apiKey("HPL", vendorKey).fleet(fleet).servePulls(0).commandDelay(Duration.ofMillis(200))
                .commandFailureRate(commandFailureRate).build();
        Thread thread = new Thread(simulator::run, "simulated-hes");
        thread.setDaemon(true);
        thread.start();
        simulators.add(simulator);
        return simulator;
    }

    @AfterAll
    void stopSimulators() {
        simulators.forEach(Simulator::stop);
    }

    /** The demo's HPL mapping, with a pull section pointing at {@code baseUrl} (the simulator's API). */
    void routeTo(String baseUrl) throws Exception {
        ObjectNode mapping = (ObjectNode) JSON.readTree(getClass().getResourceAsStream("/demo-mappings/HPL.json"));
        mapping.set("pull", JSON.valueToTree(Map.of("base_url", baseUrl, "read_path", "/hes/HPL/meters/{serial}/read",
                "command_path", "/hes/HPL/meters/{serial}/commands", "api_key_header", "X-Hes-Key",
                "api_key", "hes-secret", "timeout_seconds", 5)));
        var saved = api.send("PUT", "/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), JSON.writeValueAsString(mapping),
                "application/json", Map.of());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    String issue(String type, String serial) {
        var response = api.post("/api/v1/commands", tenant.operator(), Map.of("type", type,
                "meter_ids", List.of(meterIdsBySerial.get(serial))));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json().get("commands").get(0).get("id").asString();
    }

    JsonNode await(String commandId, Predicate<JsonNode> until) {
        return await("/api/v1/commands/" + commandId, tenant.analyst(), java.time.Duration.ofSeconds(30), until);
    }

    static Predicate<JsonNode> ended() {
        return command -> List.of("EXECUTED", "FAILED", "TIMED_OUT", "CANCELLED").contains(command.get("status").asString());
    }

    List<String> trail(String commandId) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : api.get("/api/v1/commands/" + commandId + "/history", tenant.analyst()).json().get("items")) {
            steps.add(step.get("to_status").asString() + " by " + step.get("actor").asString()
                    + (step.has("reason") ? ": " + step.get("reason").asString() : ""));
        }
        return steps;
    }

    @Test
    void disconnect_and_connect_are_acknowledged_then_executed_by_the_hes_callback() throws Exception {
        routeTo(reliableHes);
        String serial = serials.get(0);
        String disconnect = issue("DISCONNECT", serial);
        JsonNode done = await(disconnect, ended());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("EXECUTED");
        assertThat(done.get("hes_reference").asString()).startsWith("SIM-HPL-");
        assertThat(done.get("attempts").asInt()).isEqualTo(1);
        assertThat(reliable.relayConnected(serial)).isFalse();
        assertThat(trail(disconnect)).satisfiesExactly(
                requested -> assertThat(requested).isEqualTo("REQUESTED by " + tenant.code() + ".operator"),
                sent -> assertThat(sent).startsWith("SENT by mdm.dispatcher"),
                acknowledged -> assertThat(acknowledged).startsWith("ACKNOWLEDGED by mdm.dispatcher: the HES accepted the command"),
                executed -> assertThat(executed).isEqualTo("EXECUTED by hes:HPL"));
        JsonNode first = api.get("/api/v1/commands/" + disconnect + "/history", tenant.analyst()).json().get("items").get(0);
        assertThat(first.has("from_status")).isFalse();
        assertThat(Instant.parse(first.get("at").asString())).isBeforeOrEqualTo(clock.instant());

        String connect = issue("CONNECT", serial);
        assertThat(await(connect, ended()).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(reliable.relayConnected(serial)).isTrue();
    }

    @Test
    void an_on_demand_read_is_executed_and_its_result_ingested() throws Exception {
        routeTo(reliableHes);
        String serial = serials.get(1);
        String read = issue("ON_DEMAND_READ", serial);
        JsonNode done = await(read, command -> command.has("read_batch_id"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("EXECUTED");
        assertThat(trail(read)).last().asString().startsWith("EXECUTED by mdm.dispatcher: read result ingested: batch "
                + done.get("read_batch_id").asString());
        // the simulated HES answers the latest completed interval: it reaches the interval store
        Instant now = clock.instant();
        String meterId = meterIdsBySerial.get(serial);
        long stored = await("/api/v1/meters/" + meterId + "/consumption?from=" + now.minusSeconds(3600) + "&to=" + now,
                tenant.analyst(), body -> body.get("total").get("intervals").asLong() > 0).get("total").get("intervals").asLong();
        assertThat(stored).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_command_the_meter_fails_ends_failed_with_the_hes_reason() throws Exception {
        routeTo(failingHes);
        String command = issue("CONNECT", serials.get(2));
        JsonNode done = await(command, ended());
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("reason").asString()).contains("did not answer the CONNECT command");
        assertThat(trail(command)).last().asString().startsWith("FAILED by hes:HPL: meter " + serials.get(2));
    }

    @Test
    void an_unreachable_hes_ends_failed_with_the_reason_after_retries_each_in_the_trail() throws Exception {
        int closedPort = freePort();
        routeTo("http://127.0.0.1:" + closedPort);
        String command = issue("DISCONNECT", serials.get(3));
        JsonNode done = await(command, ended());
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("attempts").asInt()).isEqualTo(3);
        assertThat(done.get("reason").asString()).contains("HES unreachable").contains("after 3 attempts");
        assertThat(trail(command)).satisfiesExactly(
                step -> assertThat(step).startsWith("REQUESTED by"),
                step -> assertThat(step).startsWith("SENT by mdm.dispatcher"),
                step -> assertThat(step).startsWith("REQUESTED by mdm.dispatcher: HES unreachable").contains("attempt 2 in"),
                step -> assertThat(step).startsWith("SENT by mdm.dispatcher"),
                step -> assertThat(step).startsWith("REQUESTED by mdm.dispatcher: HES unreachable").contains("attempt 3 in"),
                step -> assertThat(step).startsWith("SENT by mdm.dispatcher"),
                step -> assertThat(step).startsWith("FAILED by mdm.dispatcher: HES unreachable").endsWith("(after 3 attempts)"));
    }
}
