package io.vidyut.mdm.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RegisterLedgerTest {
    private static final LocalDate EPOCH = LocalDate.of(2026, 10, 1);
    private final Fleet fleet = TestFleets.small();
    private final FleetDayCalculator calculator = new FleetDayCalculator(fleet, 42, AnomalyPlan.none());

    @Test
    void registerRisesByEachDaysRecordedEnergy() {
        RegisterLedger ledger = new RegisterLedger(calculator, fleet.meters(), EPOCH, 42, AnomalyPlan.none(),
                TestFleets.WEDNESDAY, TestFleets.WEDNESDAY);
        for (SimMeter meter : fleet.meters()) {
            double before = ledger.registerAt(meter, TestFleets.WEDNESDAY.minusDays(1));
            double after = ledger.registerAt(meter, TestFleets.WEDNESDAY);
            double recorded = calculator.compute(TestFleets.WEDNESDAY).flow(meter).importTotal();
            assertThat(after - before).isCloseTo(recorded, Offset.offset(0.002));
            assertThat(after).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void aReadDuringTheDayCountsOnFromMidnightAndMeetsTheNextMidnightExactly() {
        RegisterLedger ledger = new RegisterLedger(calculator, fleet.meters(), EPOCH, 42, AnomalyPlan.none(),
                TestFleets.WEDNESDAY, TestFleets.WEDNESDAY);
        FleetDay day = calculator.compute(TestFleets.WEDNESDAY);
        for (SimMeter meter : fleet.meters()) {
            double midnight = ledger.registerAt(meter, TestFleets.WEDNESDAY.minusDays(1));
            double[] recorded = day.flow(meter).importKwh();
            double morning = 0;
            for (int i = 0; i <= 40; i++) {
                morning += recorded[i];
            }
            assertThat(ledger.registerAfter(meter, day, 40)).isCloseTo(midnight + morning, Offset.offset(0.002));
            assertThat(ledger.registerAfter(meter, day, IntervalClock.PER_DAY - 1))
                    .isEqualTo(ledger.registerAt(meter, TestFleets.WEDNESDAY));
        }
        assertThat(ledger.counts(EPOCH)).isTrue();
        assertThat(ledger.counts(EPOCH.minusDays(1))).isFalse();
    }

    @Test
    void theSameMidnightReadsTheSameWhateverWindowARunHad() {
        SimMeter meter = fleet.meters().get(5);
        RegisterLedger shortRun = new RegisterLedger(calculator, List.of(meter), EPOCH, 42, AnomalyPlan.none(),
                TestFleets.WEDNESDAY, TestFleets.WEDNESDAY);
        RegisterLedger longRun = new RegisterLedger(calculator, fleet.meters(), EPOCH, 42, AnomalyPlan.none(),
                LocalDate.of(2026, 11, 1), TestFleets.SUNDAY);
        longRun.registerAt(meter, TestFleets.SUNDAY);
        assertThat(shortRun.registerAt(meter, TestFleets.WEDNESDAY)).isEqualTo(longRun.registerAt(meter, TestFleets.WEDNESDAY));
    }

    @Test
    void anInjectedRolloverWrapsFromNearTheTopOfTheRegister() {
        AnomalyPlan always = new AnomalyPlan(42, 1.0);  // every day is a rollover day: the first in the window wins
        FleetDayCalculator clean = new FleetDayCalculator(fleet, 42, AnomalyPlan.none());
        SimMeter meter = fleet.meters().get(10);
        RegisterLedger ledger = new RegisterLedger(clean, List.of(meter), EPOCH, 42, always, TestFleets.WEDNESDAY,
                TestFleets.SUNDAY);

        double before = ledger.registerAt(meter, TestFleets.WEDNESDAY.minusDays(1));
        double after = ledger.registerAt(meter, TestFleets.WEDNESDAY);

        assertThat(ledger.rolledOverOn(meter, TestFleets.WEDNESDAY)).isTrue();
        assertThat(ledger.injectedRolloverOn(meter, TestFleets.WEDNESDAY)).isTrue();
        assertThat(before).isBetween(99_900.0, 99_999.999);
        assertThat(after).isBetween(0.0, 100.0);
        assertThat(after + RegisterLedger.WRAP_KWH - before)
                .isCloseTo(clean.compute(TestFleets.WEDNESDAY).flow(meter).importTotal(), Offset.offset(0.002));
        assertThat(ledger.rolledOverOn(meter, TestFleets.WEDNESDAY.plusDays(1))).isFalse();
    }
}
