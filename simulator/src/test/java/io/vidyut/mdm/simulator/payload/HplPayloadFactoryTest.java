package io.vidyut.mdm.simulator.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.load.ElectricalModel;
import io.vidyut.mdm.simulator.load.FleetDay;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.RegisterLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HplPayloadFactoryTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final Instant TEN_FIFTEEN = OffsetDateTime.parse("2026-11-26T10:15:00+05:30").toInstant();
    private static final Instant MIDNIGHT = OffsetDateTime.parse("2026-11-27T00:00:00+05:30").toInstant();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HplPayloadFactory factory = new HplPayloadFactory("HPL");

    @Test
    void writesTheSpecifiedLayout() {
        SimMeter meter = TestFleets.home("HPL23000001", 2, false);
        MeterDay day = new MeterDay(meter, DAY, List.of(new IntervalReading(TEN_FIFTEEN, 0.123, 0, 0.131,
                new double[] {231.4}, new double[] {2.1})), new RegisterReading(MIDNIGHT, 12345.678));

        Payload payload = factory.build(List.of(day));

        assertThat(payload.contentType()).isEqualTo("application/json");
        assertThat(payload.format()).isEqualTo(WireFormat.HPL_JSON);
        JsonNode root = json.readTree(payload.body());
        assertThat(fieldNames(root)).containsExactly("batch_id", "meters");
        assertThat(root.path("batch_id").asString()).matches("HPL-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(root.path("batch_id").asString()).isEqualTo(payload.batchId());
        JsonNode m = root.path("meters").get(0);
        assertThat(m.path("serial").asString()).isEqualTo("HPL23000001");
        JsonNode interval = m.path("intervals").get(0);
        assertThat(interval.path("end").asString()).isEqualTo("2026-11-26T10:15:00+05:30");
        assertValues(interval.path("values"), "1.0.1.29.0.255", "0.123", "1.0.9.29.0.255", "0.131",
                "1.0.32.27.0.255", "231.4", "1.0.31.27.0.255", "2.1");
        JsonNode register = m.path("intervals").get(1);
        assertThat(register.path("end").asString()).isEqualTo("2026-11-27T00:00:00+05:30");
        assertValues(register.path("values"), "1.0.1.8.0.255", "12345.678");
        assertThat(m.path("intervals").size()).isEqualTo(2);
        assertThat(payload.valueCount()).isEqualTo(5);
    }

    @Test
    void batchIdFollowsTheContent() {
        SimMeter meter = TestFleets.home("HPL23000001", 2, false);
        MeterDay a = new MeterDay(meter, DAY, List.of(new IntervalReading(TEN_FIFTEEN, 0.123, 0, 0.131,
                new double[] {231.4}, new double[] {2.1})), null);
        MeterDay b = new MeterDay(meter, DAY, List.of(new IntervalReading(TEN_FIFTEEN, 0.124, 0, 0.131,
                new double[] {231.4}, new double[] {2.1})), null);

        assertThat(factory.build(List.of(a)).batchId()).isEqualTo(factory.build(List.of(a)).batchId());
        assertThat(factory.build(List.of(a)).batchId()).isNotEqualTo(factory.build(List.of(b)).batchId());
    }

    @Test
    void netMeteredThreePhaseAndTransformerMetersAddWhatTheyMeasure() {
        SimMeter solarHome = TestFleets.home("HPL23000002", 3, true);
        SimMeter dt = SimMeter.of("M-DT", "HPL23000003", "HPL", MeterRole.DT, true, 40, 1, null, "DT-1");
        IntervalReading noon = new IntervalReading(TEN_FIFTEEN, 0, 0.2, 0, new double[] {233.0}, new double[] {3.5});
        IntervalReading dtReading = new IntervalReading(TEN_FIFTEEN, 0.1234567, 0, 0.13, new double[] {240.1, 239.8,
                241.0}, new double[] {1.234, 1.1, 1.0});

        JsonNode root = json.readTree(factory.build(List.of(new MeterDay(solarHome, DAY, List.of(noon), null),
                new MeterDay(dt, DAY, List.of(dtReading), null))).body());

        JsonNode home = root.path("meters").get(0).path("intervals").get(0).path("values");
        assertThat(fieldNames(home)).containsExactly("1.0.1.29.0.255", "1.0.2.29.0.255", "1.0.9.29.0.255",
                "1.0.32.27.0.255", "1.0.31.27.0.255");
        assertThat(home.path("1.0.2.29.0.255").decimalValue()).isEqualByComparingTo("0.2");
        JsonNode dtValues = root.path("meters").get(1).path("intervals").get(0).path("values");
        assertThat(fieldNames(dtValues)).containsExactly("1.0.1.29.0.255", "1.0.9.29.0.255",
                "1.0.32.27.0.255", "1.0.31.27.0.255", "1.0.52.27.0.255", "1.0.51.27.0.255",
                "1.0.72.27.0.255", "1.0.71.27.0.255");
        assertThat(dtValues.path("1.0.1.29.0.255").decimalValue()).isEqualByComparingTo("0.123457");
    }

    @Test
    void aModelledMeterDayHas96IntervalEndsAndTheMidnightRegister() {
        Fleet fleet = TestFleets.small();
        FleetDayCalculator calculator = new FleetDayCalculator(fleet, 42, AnomalyPlan.none());
        SimMeter meter = fleet.meters().stream()
                .filter(m -> m.vendorCode().equals("HPL") && m.role() == MeterRole.CONSUMER).findFirst().orElseThrow();
        RegisterLedger ledger = new RegisterLedger(calculator, List.of(meter), LocalDate.of(2026, 11, 1), 42,
                AnomalyPlan.none(), DAY, DAY);
        FleetDay fleetDay = calculator.compute(DAY);
        MeterDay day = new MeterDayAssembler(new ElectricalModel(42), ledger).assemble(meter, fleetDay, 0, 96, true);

        JsonNode intervals = json.readTree(factory.build(List.of(day)).body()).path("meters").get(0).path("intervals");

        assertThat(intervals.size()).isEqualTo(97);
        assertThat(intervals.get(0).path("end").asString()).isEqualTo("2026-11-26T00:15:00+05:30");
        assertThat(intervals.get(95).path("end").asString()).isEqualTo("2026-11-27T00:00:00+05:30");
        assertThat(fieldNames(intervals.get(96).path("values"))).containsExactly("1.0.1.8.0.255");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 96; i++) {
            sum = sum.add(intervals.get(i).path("values").path("1.0.1.29.0.255").decimalValue());
        }
        double registerIncrease = ledger.registerAt(meter, DAY) - ledger.registerAt(meter, DAY.minusDays(1));
        assertThat(sum.doubleValue()).isCloseTo(registerIncrease, org.assertj.core.data.Offset.offset(0.05));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** Keys in this order, each with this numeric value (compared as decimals, whatever the scale). */
    static void assertValues(JsonNode values, String... keysAndValues) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            keys.add(keysAndValues[i]);
            assertThat(values.path(keysAndValues[i]).isNumber()).as(keysAndValues[i] + " is a JSON number").isTrue();
            assertThat(values.path(keysAndValues[i]).decimalValue()).as(keysAndValues[i])
                    .isEqualByComparingTo(keysAndValues[i + 1]);
        }
        assertThat(fieldNames(values)).containsExactlyElementsOf(keys);
    }
}
