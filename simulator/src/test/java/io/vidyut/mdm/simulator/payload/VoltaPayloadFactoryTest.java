package io.vidyut.mdm.simulator.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VoltaPayloadFactoryTest {
    private static final Instant TEN_FIFTEEN = OffsetDateTime.parse("2026-11-26T10:15:00+05:30").toInstant();
    private final JsonMapper json = JsonMapper.builder().build();
    private final VoltaPayloadFactory factory = new VoltaPayloadFactory("VOLTA");

    @Test
    void writesOneMessagePerMeterIntervalStampedWithTheIntervalStart() {
        SimMeter meter = SimMeter.of("M-1", "VLT23000002", "VOLTA", MeterRole.CONSUMER, false, 1, 1,
                TestFleets.home("x", 2, false).consumer(), null);
        IntervalReading reading = new IntervalReading(TEN_FIFTEEN, 0.123, 0, 0.13, new double[] {231.4},
                new double[] {2.1});

        Payload payload = factory.build(meter, reading, false);

        assertThat(payload.mqttTopic()).isEqualTo("hes/volta/VLT23000002/profile");
        assertThat(payload.contentType()).isEqualTo("application/json");
        JsonNode root = json.readTree(payload.body());
        assertThat(names(root)).containsExactly("dev", "ts", "data");
        assertThat(root.path("dev").asString()).isEqualTo("VLT23000002");
        // 10:00 IST = 04:30 UTC: the interval START in epoch seconds
        assertThat(root.path("ts").asLong()).isEqualTo(OffsetDateTime.parse("2026-11-26T04:30:00Z").toEpochSecond());
        JsonNode data = root.path("data");
        assertThat(data.size()).isEqualTo(3);
        assertEntry(data.get(0), "1-0:1.29.0*255", 123, 0, "Wh");
        assertEntry(data.get(1), "1-0:32.27.0*255", 2314, -1, "V");
        assertEntry(data.get(2), "1-0:31.27.0*255", 210, -2, "A");
        assertThat(payload.valueCount()).isEqualTo(3);
    }

    @Test
    void exportAndPhasesAndCtMeterScalers() {
        SimMeter dt = SimMeter.of("M-DT", "VLT23000010", "VOLTA", MeterRole.DT, true, 40, 1, null, "DT-1");
        IntervalReading reading = new IntervalReading(TEN_FIFTEEN, 0.1654321, 0.002, 0.18,
                new double[] {240.1, 239.5, 241.2}, new double[] {1.2345, 1.1, 1.05});

        List<Payload> messages = factory.build(new MeterDay(dt, LocalDate.of(2026, 11, 26), List.of(reading, reading
                .withEnd(TEN_FIFTEEN.plusSeconds(900))), null));

        assertThat(messages).hasSize(2);
        JsonNode data = json.readTree(messages.get(0).body()).path("data");
        List<String> codes = new ArrayList<>();
        data.forEach(e -> codes.add(e.path("obis").asString()));
        assertThat(codes).containsExactly("1-0:1.29.0*255", "1-0:2.29.0*255", "1-0:32.27.0*255", "1-0:31.27.0*255",
                "1-0:52.27.0*255", "1-0:51.27.0*255", "1-0:72.27.0*255", "1-0:71.27.0*255");
        assertEntry(data.get(0), "1-0:1.29.0*255", 165432, -3, "Wh");
        assertEntry(data.get(1), "1-0:2.29.0*255", 2000, -3, "Wh");
        assertEntry(data.get(3), "1-0:31.27.0*255", 1235, -3, "A");
        assertThat(json.readTree(messages.get(1).body()).path("ts").asLong()
                - json.readTree(messages.get(0).body()).path("ts").asLong()).isEqualTo(900);
    }

    private static void assertEntry(JsonNode entry, String obis, long v, int s, String u) {
        assertThat(names(entry)).containsExactly("obis", "v", "s", "u");
        assertThat(entry.path("obis").asString()).isEqualTo(obis);
        assertThat(entry.path("v").isIntegralNumber()).isTrue();
        assertThat(entry.path("v").asLong()).isEqualTo(v);
        assertThat(entry.path("s").asInt()).isEqualTo(s);
        assertThat(entry.path("u").asString()).isEqualTo(u);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
