package io.vidyut.mdm.simulator.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.DlmsUnits;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.ElectricalModel;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.IntervalClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class KiranPayloadFactoryTest {
    private static final Instant TEN_FIFTEEN = OffsetDateTime.parse("2026-11-26T10:15:00+05:30").toInstant();
    private final KiranPayloadFactory factory = new KiranPayloadFactory("KIRAN");

    @Test
    void writesABlockLoadProfileNotification() {
        SimMeter meter = SimMeter.of("M-1", "KRN23000003", "KIRAN", MeterRole.CONSUMER, false, 1, 1,
                TestFleets.home("x", 2, false).consumer(), null);
        IntervalReading reading = new IntervalReading(TEN_FIFTEEN, 0.123, 0, 0.13, new double[] {231.4},
                new double[] {2.1});

        Payload payload = factory.build(new MeterDay(meter, LocalDate.of(2026, 11, 26), List.of(reading), null));

        assertThat(payload.contentType()).isEqualTo("application/octet-stream");
        DataNotification notification = DataNotification.decode(payload.body());
        ProfileBuffer profile = ProfileBuffer.parse(notification);
        assertThat(profile.profile()).isEqualTo(ObisCode.BLOCK_LOAD_PROFILE);
        assertThat(profile.meterSerial()).isEqualTo("KRN23000003");
        assertThat(profile.columns()).containsExactly(
                ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(ObisCode.parse("1.0.1.29.0.255"), 3, 2, 0, DlmsUnits.WATT_HOUR),
                new ProfileBuffer.Column(ObisCode.parse("1.0.32.27.0.255"), 3, 2, -1, DlmsUnits.VOLT),
                new ProfileBuffer.Column(ObisCode.parse("1.0.31.27.0.255"), 3, 2, -2, DlmsUnits.AMPERE));
        assertThat(profile.rows()).hasSize(1);
        assertThat(profile.cell(0, 0)).isInstanceOf(DlmsData.OctetString.class);
        CosemDateTime clock = profile.timestamp(0);
        assertThat(clock.isDeviationSpecified()).isFalse();
        assertThat(clock.toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 26, 10, 15));
        assertThat(clock.toInstant(IntervalClock.IST)).isEqualTo(TEN_FIFTEEN);
        assertThat(profile.scaledValue(0, 1)).isEqualByComparingTo("123");
        assertThat(profile.scaledValue(0, 2)).isEqualByComparingTo("231.4");
        assertThat(profile.scaledValue(0, 3)).isEqualByComparingTo("2.10");
        assertThat(payload.valueCount()).isEqualTo(3);
        assertThat(notification.dateTime()).isEqualTo(KiranPayloadFactory.clock(TEN_FIFTEEN));
    }

    @Test
    void aMeterDayIsOneNotificationWith96RowsMatchingTheModel() {
        Fleet fleet = TestFleets.small();
        SimMeter dtMeter = fleet.meters().stream()
                .filter(m -> m.role() == MeterRole.DT).findFirst().orElseThrow();
        FleetDayCalculator calculator = new FleetDayCalculator(fleet, 42, AnomalyPlan.none());
        LocalDate day = LocalDate.of(2026, 11, 26);
        MeterDay meterDay = new MeterDayAssembler(new ElectricalModel(42), null)
                .assemble(dtMeter, calculator.compute(day), 0, 96, true);

        Payload payload = factory.build(meterDay);
        ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(payload.body()));

        assertThat(profile.rows()).hasSize(96);
        assertThat(profile.columns()).hasSize(1 + 1 + 6);  // clock, kWh, V and A for three phases
        assertThat(profile.columns().get(1).scaler()).isEqualTo(-3);  // CT meter: mWh resolution
        for (int row = 0; row < 96; row++) {
            assertThat(profile.timestamp(row).toInstant(IntervalClock.IST)).isEqualTo(IntervalClock.intervalEnd(day, row));
            BigDecimal wh = profile.scaledValue(row, 1);
            assertThat(wh.doubleValue()).isCloseTo(meterDay.intervals().get(row).importKwh() * 1000,
                    org.assertj.core.data.Offset.offset(0.001));
        }
        assertThat(payload.valueCount()).isEqualTo(96 * 7);
        // the same meter-day is the same bytes: the MDM can tell a resend
        assertThat(factory.build(meterDay).body()).isEqualTo(payload.body());
    }
}
