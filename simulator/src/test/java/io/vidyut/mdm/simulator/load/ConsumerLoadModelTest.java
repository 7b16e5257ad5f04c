package io.vidyut.mdm.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsumerLoadModelTest {
    private final ConsumerLoadModel model = new ConsumerLoadModel(42);

    @Test
    void homesPeakInTheEveningAboveTheNightBase() {
        for (int h = 0; h < 50; h++) {
            SimMeter home = TestFleets.home("HOME" + h, 1 + h % 5, false);
            double[] day = load(home, TestFleets.WEDNESDAY);
            double evening = max(day, 18, 23);
            double night = mean(day, 1, 5);
            double morning = max(day, 6, 9);
            assertThat(evening).as("evening peak of " + home.serial()).isGreaterThan(3 * night);
            assertThat(morning).as("morning peak of " + home.serial()).isGreaterThan(2 * night);
            assertThat(evening).isGreaterThan(mean(day, 12, 16));
            assertThat(Arrays.stream(day).min().orElseThrow()).isGreaterThan(0);
        }
    }

    @Test
    void aTwoKilowattHomePeaksAtATenthToHalfAKilowattHourPerInterval() {
        for (int h = 0; h < 50; h++) {
            double[] day = load(TestFleets.home("TWO" + h, 2, false), TestFleets.WEDNESDAY);
            assertThat(max(day, 0, 24)).isBetween(0.1, 0.5);
        }
    }

    @Test
    void weekendMorningPeakComesLater() {
        double weekdayAtSeven = 0;
        double weekendAtSeven = 0;
        double weekdayAtTen = 0;
        double weekendAtTen = 0;
        for (int h = 0; h < 100; h++) {
            SimMeter home = TestFleets.home("WK" + h, 3, false);
            double[] weekday = load(home, TestFleets.WEDNESDAY);
            double[] saturday = load(home, TestFleets.SATURDAY);
            weekdayAtSeven += mean(weekday, 7, 8);
            weekendAtSeven += mean(saturday, 7, 8);
            weekdayAtTen += mean(weekday, 9.5, 10.5);
            weekendAtTen += mean(saturday, 9.5, 10.5);
        }
        assertThat(weekendAtSeven).isLessThan(weekdayAtSeven);
        assertThat(weekendAtTen).isGreaterThan(weekdayAtTen);
    }

    @Test
    void shopsRunBusinessHoursAndCloseOnSunday() {
        for (int s = 0; s < 30; s++) {
            SimMeter shop = TestFleets.shop("SHOP" + s, 10);
            double[] weekday = load(shop, TestFleets.WEDNESDAY);
            double[] sunday = load(shop, TestFleets.SUNDAY);
            assertThat(mean(weekday, 10, 20)).isGreaterThan(5 * mean(weekday, 1, 6));
            assertThat(sum(sunday)).isLessThan(0.2 * sum(weekday));
        }
    }

    @Test
    void solarGeneratesOnlyInDaylightAndExceedsAHomesMiddayLoad() {
        int exportingHomes = 0;
        for (int h = 0; h < 40; h++) {
            SimMeter home = TestFleets.home("SUN" + h, 2, true);
            double[] solar = new double[96];
            model.daySolar(home, TestFleets.WEDNESDAY, solar);
            double[] load = load(home, TestFleets.WEDNESDAY);
            for (int i = 0; i < 96; i++) {
                double hour = IntervalClock.midHour(i);
                assertThat(solar[i]).isGreaterThanOrEqualTo(0);
                if (hour < 6.5 || hour > 18) {
                    assertThat(solar[i]).isZero();
                }
            }
            if (solar[50] > load[50]) {  // 12:30
                exportingHomes++;
            }
        }
        assertThat(exportingHomes).isGreaterThan(30);
    }

    @Test
    void theSameSeedGivesTheSameLoadAndAnotherSeedDoesNot() {
        SimMeter home = TestFleets.home("SEED", 3, false);
        assertThat(load(home, TestFleets.WEDNESDAY)).containsExactly(load(home, TestFleets.WEDNESDAY));
        double[] other = new double[96];
        new ConsumerLoadModel(43).dayLoad(home, TestFleets.WEDNESDAY, other);
        assertThat(other).isNotEqualTo(load(home, TestFleets.WEDNESDAY));
    }

    private double[] load(SimMeter meter, LocalDate day) {
        double[] out = new double[96];
        model.dayLoad(meter, day, out);
        return out;
    }

    /** Mean of the intervals whose middle falls in [fromHour, toHour). */
    static double mean(double[] day, double fromHour, double toHour) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < day.length; i++) {
            double hour = IntervalClock.midHour(i);
            if (hour >= fromHour && hour < toHour) {
                sum += day[i];
                n++;
            }
        }
        return sum / n;
    }

    static double max(double[] day, double fromHour, double toHour) {
        double max = 0;
        for (int i = 0; i < day.length; i++) {
            double hour = IntervalClock.midHour(i);
            if (hour >= fromHour && hour < toHour) {
                max = Math.max(max, day[i]);
            }
        }
        return max;
    }

    static double sum(double[] day) {
        return Arrays.stream(day).sum();
    }
}
