package io.vidyut.mdm.simulator.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.event.SimEvent;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventPayloadFactoryTest {
    private static final Instant TEN = OffsetDateTime.parse("2026-11-26T10:00:07+05:30").toInstant();
    private final EventPayloadFactory factory = new EventPayloadFactory();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void vendorAsendsOneBatchInItsOwnCodesWithIstTimesAndAnIdOfItsContent() {
        SimMeter one = meter("HPL23000001", "HPL");
        SimMeter two = meter("HPL23000002", "HPL");
        List<SimEvent> events = List.of(new SimEvent(one, TEN, EventSchedule.POWER_FAILURE),
                new SimEvent(two, TEN.plusSeconds(20), EventSchedule.MAGNET_INFLUENCE),
                new SimEvent(one, TEN.plusSeconds(600), EventSchedule.POWER_RESTORED));

        List<Payload> payloads = factory.build("HPL", WireFormat.HPL_JSON, events);

        assertThat(payloads).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Payload.Kind.EVENTS);
            assertThat(p.valueCount()).isEqualTo(3);
            JsonNode body = json.readTree(p.body());
            assertThat(body.path("batch_id").asString()).isEqualTo(p.batchId()).startsWith("HPL-EV-");
            assertThat(body.path("events").get(0).path("serial").asString()).isEqualTo("HPL23000001");
            assertThat(body.path("events").get(0).path("at").asString()).isEqualTo("2026-11-26T10:00:07+05:30");
            assertThat(body.path("events").findValuesAsString("code")).containsExactly("PWR_FAIL", "MAGNET_ON", "PWR_RESTORE");
        });
        assertThat(factory.build("HPL", WireFormat.HPL_JSON, events).get(0).batchId()).isEqualTo(payloads.get(0).batchId());
    }

    @Test
    void vendorBsendsAMessagePerMeterWithIs15959NumbersAndEpochSeconds() {
        SimMeter one = meter("VLT23000001", "VOLTA");
        SimMeter two = meter("VLT23000002", "VOLTA");

        List<Payload> payloads = factory.build("VOLTA", WireFormat.VOLTA_JSON, List.of(
                new SimEvent(one, TEN, EventSchedule.LOW_VOLTAGE), new SimEvent(two, TEN, EventSchedule.COVER_OPEN),
                new SimEvent(one, TEN.plusSeconds(900), EventSchedule.LOW_VOLTAGE + 1)));

        assertThat(payloads).hasSize(2);
        JsonNode first = json.readTree(payloads.get(0).body());
        assertThat(first.path("dev").asString()).isEqualTo("VLT23000001");
        assertThat(first.path("events").findValuesAsString("id")).containsExactly("9", "10");
        assertThat(first.path("events").get(0).path("ts").asLong()).isEqualTo(TEN.getEpochSecond());
        assertThat(payloads.get(0).mqttTopic()).isEqualTo("hes/volta/VLT23000001/events");
    }

    @Test
    void vendorCsendsEachMetersEventsAsTheIs15959EventLogTheyBelongTo() {
        SimMeter meter = meter("KRN23000001", "KIRAN");

        List<Payload> payloads = factory.build("KIRAN", WireFormat.KIRAN_DLMS, List.of(
                new SimEvent(meter, TEN, EventSchedule.POWER_FAILURE),
                new SimEvent(meter, TEN.plusSeconds(60), EventSchedule.COVER_OPEN),
                new SimEvent(meter, TEN.plusSeconds(120), EventSchedule.POWER_RESTORED)));

        assertThat(payloads).hasSize(2);
        ProfileBuffer power = ProfileBuffer.parse(DataNotification.decode(payloads.get(0).body()));
        assertThat(power.profile()).isEqualTo(new ObisCode(0, 0, 99, 98, 2, 255));
        assertThat(power.meterSerial()).isEqualTo("KRN23000001");
        assertThat(power.columns().get(1).obis()).isEqualTo(new ObisCode(0, 0, 96, 11, 2, 255));
        assertThat(power.rows()).extracting(row -> ((DlmsData.Unsigned16) row.get(1)).value()).containsExactly(101, 102);
        assertThat(CosemDateTime.fromBytes(((DlmsData.OctetString) power.rows().get(0).get(0)).value()).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-11-26T10:00:07"));
        ProfileBuffer nonRollover = ProfileBuffer.parse(DataNotification.decode(payloads.get(1).body()));
        assertThat(nonRollover.profile()).isEqualTo(new ObisCode(0, 0, 99, 98, 5, 255));
    }

    private static SimMeter meter(String serial, String vendor) {
        return SimMeter.of("M-" + serial, serial, vendor, MeterRole.CONSUMER, false, 1, 1,
                TestFleets.home(serial, 2, false).consumer(), null);
    }
}
