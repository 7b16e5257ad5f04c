package io.vidyut.mdm.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.DtNode;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.payload.IntervalReading;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.MeterDayAssembler;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FleetDayCalculatorTest {
    private final Fleet fleet = TestFleets.small();
    private final FleetDay day = new FleetDayCalculator(fleet, 42, AnomalyPlan.none()).compute(TestFleets.WEDNESDAY);

    @Test
    void dtEnergyIsItsConsumersPlusFourToEightPercentLoss() {
        for (DtNode dt : fleet.dts().values()) {
            double[] consumers = new double[96];
            for (SimMeter meter : fleet.consumerMetersOf(dt.id())) {
                MeterFlow flow = day.flow(meter);
                for (int i = 0; i < 96; i++) {
                    consumers[i] += flow.importKwh()[i] - flow.exportKwh()[i];
                }
            }
            double[] dtFlow = day.dtFlows().get(dt.id());
            for (int i = 0; i < 96; i++) {
                assertThat(consumers[i]).isPositive();
                assertThat(dtFlow[i] / consumers[i] - 1).as("DT %s loss at interval %d", dt.id(), i)
                        .isBetween(LossModel.DT_MIN, LossModel.DT_MAX);
            }
        }
    }

    @Test
    void feederEnergyIsItsDtsPlusTwoToFourPercentLoss() {
        for (String feeder : fleet.feederIds()) {
            double[] flow = day.feederFlows().get(feeder);
            for (int i = 0; i < 96; i++) {
                double dts = 0;
                for (String dtId : fleet.dtIdsOf(feeder)) {
                    dts += day.dtFlows().get(dtId)[i];
                }
                assertThat(flow[i] / dts - 1).isBetween(LossModel.FEEDER_MIN, LossModel.FEEDER_MAX);
            }
        }
    }

    @Test
    void dtAndFeederMetersReportSecondarySideEnergy() {
        for (SimMeter meter : fleet.meters()) {
            double[] primary = meter.role() == MeterRole.DT ? day.dtFlows().get(meter.nodeId())
                    : meter.role() == MeterRole.FEEDER ? day.feederFlows().get(meter.nodeId()) : null;
            if (primary == null) {
                continue;
            }
            assertThat(meter.multiplier()).isGreaterThan(1);
            for (int i = 0; i < 96; i++) {
                assertThat(day.flow(meter).importKwh()[i] * meter.multiplier())
                        .isCloseTo(primary[i], Offset.offset(1e-9));
            }
        }
    }

    @Test
    void energyIsNeverNegativeAndOnlyNetMeteredHomesExport() {
        boolean someExport = false;
        for (SimMeter meter : fleet.meters()) {
            MeterFlow flow = day.flow(meter);
            for (int i = 0; i < 96; i++) {
                assertThat(flow.importKwh()[i]).isGreaterThanOrEqualTo(0);
                assertThat(flow.exportKwh()[i]).isGreaterThanOrEqualTo(0);
                if (flow.exportKwh()[i] > 0) {
                    assertThat(meter.netMetered()).as(meter.serial() + " exports").isTrue();
                    double hour = IntervalClock.midHour(i);
                    assertThat(hour).isBetween(6.5, 18.0);
                    someExport = true;
                }
            }
        }
        assertThat(someExport).as("the small fleet has net-metered homes exporting at noon").isTrue();
    }

    @Test
    void voltageAndCurrentAreConsistentWithPower() {
        ElectricalModel electrical = new ElectricalModel(42);
        MeterDayAssembler assembler = new MeterDayAssembler(electrical, null);
        for (SimMeter meter : fleet.meters()) {
            MeterDay meterDay = assembler.assemble(meter, day, 0, 96, false);
            double pf = electrical.powerFactor(meter);
            double nominal = electrical.nominalPrimaryVoltage(meter) / meter.ptRatio();
            for (IntervalReading r : meterDay.intervals()) {
                double watts = 0;
                for (int p = 0; p < meter.phases(); p++) {
                    assertThat(r.voltage()[p] / nominal).isBetween(0.95, 1.05);
                    watts += r.voltage()[p] * r.current()[p] * pf;
                }
                double energy = (r.importKwh() + r.exportKwh()) * 1000 / IntervalClock.HOURS;
                // 3P meters carry a phase imbalance whose weights need not sum to exactly one per voltage
                assertThat(watts).isCloseTo(energy, Offset.offset(energy * 0.02 + 1e-9));
                assertThat(r.kvahImport()).isGreaterThanOrEqualTo(r.importKwh());
            }
        }
        SimMeter home = fleet.meters().stream().filter(m -> m.role() == MeterRole.CONSUMER).findFirst().orElseThrow();
        assertThat(assembler.assemble(home, day, 0, 96, false).intervals().get(80).voltage()[0]).isBetween(218.0, 242.0);
    }
}
