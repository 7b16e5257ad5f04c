package io.vidyut.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.transport.StandInMdm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI end to end against a stand-in MDM: fleet read over HTTP, backfill pushed with retries, stats line. */
class SimulatorMainTest {
    private final Fleet fleet = TestFleets.small();
    private StandInMdm mdm;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void start() throws Exception {
        mdm = new StandInMdm(fleet);
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        mdm.close();
    }

    @Test
    void backfillSurvivesServiceUnavailableAndPrintsTheStatsLine() {
        // every 50th request is turned away once with 503: the sender must retry it
        mdm.failWith(n -> n % 50 == 7 ? new StandInMdm.Failure(503, null, "busy") : null);

        int exit = SimulatorMain.run(new String[] {"--target", mdm.uri().toString(), "--backfill-days", "1",
                "--threads", "4", "--seed", "5"});

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode stats = lastLine();
        List<String> names = new ArrayList<>();
        stats.properties().forEach(e -> names.add(e.getKey()));
        assertThat(names).containsExactly("batches", "values_sent", "values_accepted", "values_rejected", "events_sent",
                "errors", "seconds", "values_per_s");
        assertThat(stats.path("errors").asLong()).isZero();
        assertThat(stats.path("batches").asLong()).isEqualTo(mdm.accepted()).isPositive();
        int turnedAway = mdm.readingRequests() - mdm.accepted();
        assertThat(turnedAway).isPositive();
        // what the simulator says it sent is what the stand-in counted in the bodies it accepted
        assertThat(stats.path("values_sent").asLong()).isEqualTo(mdm.valuesAccepted());
        assertThat(stats.path("values_accepted").asLong()).isEqualTo(mdm.valuesAccepted());
        assertThat(stats.path("values_rejected").asLong()).isZero();
        assertThat(stats.path("values_per_s").asDouble()).isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("backfill");
    }

    @Test
    void aWrongKeyIsCountedAsErrorsAndExitsNonZero() {
        int exit = SimulatorMain.run(new String[] {"--target", mdm.uri().toString(), "--backfill-days", "1",
                "--vendors", "KIRAN", "--keys", "KIRAN=vmdm_wrong", "--quiet"});

        assertThat(exit).isEqualTo(1);
        JsonNode stats = lastLine();
        long kiranMeters = fleet.metersOf(List.of("KIRAN")).size();
        assertThat(stats.path("errors").asLong()).isGreaterThanOrEqualTo(kiranMeters);
        assertThat(stats.path("batches").asLong()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 401");
    }

    @Test
    void helpListsEveryFlag() {
        assertThat(SimulatorMain.run(new String[] {"--help"})).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String flag : List.of("--target", "--username", "--password", "--vendors", "--keys", "--seed",
                "--backfill-days", "--live", "--speed", "--threads", "--anomalies", "--anomaly-log",
                "--vendor-b-transport", "--mqtt-broker", "--serve-pulls", "--pull-key", "--pull-host",
                "--pull-failure-rate", "--pull-delay-ms")) {
            assertThat(help).contains(flag);
        }
    }

    @Test
    void badFlagsAreExplained() {
        assertThat(SimulatorMain.run(new String[] {"--backfill-days", "many"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--backfill-days takes a whole number");
        assertThat(SimulatorMain.run(new String[] {"--target", mdm.uri().toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to do");
        assertThat(SimulatorMain.run(new String[] {"--serve-pulls", "0", "--pull-failure-rate", "2"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pull failure rate must be within 0..1");
        assertThat(SimulatorMain.run(new String[] {"--serve-pulls", "70000"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pull port must be within 0..65535");
    }

    private JsonNode lastLine() {
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    }
}
