package io.vidyut.mdm.simulator.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.Fleet;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated HES's command endpoint without callbacks: commands are carried out before the answer, a repeated
 * command id is not carried out twice, a failing meter answers 422 with the reason; unknown meters are 404.
 * (Callbacks to the MDM are tested in the server module, against the real MDM.)
 */
class CommandDeskTest {
    static final Fleet FLEET = TestFleets.small();
    static final String KEY = "test-hes-key";

    static String path(String vendor, String serial) {
        return "/hes/" + vendor + "/meters/" + serial + "/commands";
    }

    static String command(String id, String type) {
        return "{\"command_id\": \"" + id + "\", \"type\": \"" + type + "\", \"params\": {}}";
    }

    @Test
    void a_disconnect_is_carried_out_once_even_when_sent_again_and_a_connect_undoes_it() {
        String serial = FLEET.metersOf(List.of("HPL")).get(0).serial();
        try (RunningHes hes = RunningHes.start(Simulator.builder().fleet(FLEET).pullKey(KEY).commandCallbacks(false))) {
            assertThat(hes.simulator.relayConnected(serial)).isTrue();
            HttpResponse<String> first = hes.post(path("HPL", serial), KEY, command("c-1", "DISCONNECT"));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"status\":\"EXECUTED\"").contains("\"reference\":\"SIM-HPL-1\"");
            assertThat(hes.simulator.relayConnected(serial)).isFalse();

            assertThat(hes.post(path("HPL", serial), KEY, command("c-2", "CONNECT")).statusCode()).isEqualTo(200);
            assertThat(hes.simulator.relayConnected(serial)).isTrue();
            HttpResponse<String> repeat = hes.post(path("HPL", serial), KEY, command("c-1", "DISCONNECT"));
            assertThat(repeat.body()).as("the first reference, not carried out again").contains("SIM-HPL-1");
            assertThat(hes.simulator.relayConnected(serial)).isTrue();
        }
    }

    @Test
    void a_failing_meter_answers_422_and_bad_requests_are_refused() {
        String serial = FLEET.metersOf(List.of("HPL")).get(0).serial();
        try (RunningHes hes = RunningHes.start(Simulator.builder().fleet(FLEET).pullKey(KEY).commandCallbacks(false)
                .commandFailureRate(1))) {
            HttpResponse<String> failed = hes.post(path("HPL", serial), KEY, command("c-1", "CONNECT"));
            assertThat(failed.statusCode()).isEqualTo(422);
            assertThat(failed.body()).contains("did not answer the CONNECT command");
            assertThat(hes.post(path("HPL", "NO-SUCH-METER"), KEY, command("c-2", "CONNECT")).statusCode()).isEqualTo(404);
            assertThat(hes.post(path("HPL", serial), KEY, "{\"type\": \"CONNECT\"}").statusCode()).isEqualTo(400);
            assertThat(hes.post(path("HPL", serial), "wrong", command("c-3", "CONNECT")).statusCode()).isEqualTo(401);
            assertThat(hes.get(path("HPL", serial), KEY).statusCode()).isEqualTo(405);
        }
    }
}
