package io.vidyut.mdm.vee.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spike check on real household days (SGSC, see the resource's header): their ordinary peaks, some four
 * times the day's next interval, pass; a ×20 spike injected into the day's ordinary upper intervals is caught.
 */
class RealLoadSpikeTest {
    record RealDay(String name, IntervalDay day) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<RealDay> realDays() throws IOException {
        Map<String, Integer[]> days = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RealLoadSpikeTest.class.getResourceAsStream("/vee/sgsc-meter-days.csv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.startsWith("meter_id")) continue;
                String[] cells = line.split(",");
                Instant end = Instant.parse(cells[1]);
                LocalDate day = IntervalDay.dayOf(end, IntervalChecksTest.IST, 30);
                int slot = (int) (java.time.Duration.between(day.atStartOfDay(IntervalChecksTest.IST).toInstant(), end).toMinutes() / 30) - 1;
                days.computeIfAbsent(cells[0] + " " + day, k -> new Integer[48])[slot] =
                        (int) Math.round(Double.parseDouble(cells[2]) * 10_000);
            }
        }
        List<RealDay> real = new ArrayList<>();
        days.forEach((name, values) -> {
            byte[] quality = new byte[48];
            Arrays.fill(quality, (byte) Quality.ACTUAL.bit());
            real.add(new RealDay(name, new IntervalDay(IntervalChecksTest.METER, Channel.KWH_IMPORT,
                    LocalDate.parse(name.substring(name.indexOf(' ') + 1)), 30, values, quality)));
        });
        assertThat(real).hasSize(6).allSatisfy(day -> assertThat(day.day().values()).doesNotContainNull());
        return real;
    }

    static List<Finding> check(IntervalDay day) {
        BitSet written = new BitSet();
        written.set(0, day.slots());
        // 10 kW sanctioned: the high limit stays out of the way of what this test is about
        var household = new io.vidyut.mdm.vee.settings.MeterProfile(IntervalChecksTest.METER, "SGSC", IntervalChecksTest.CONSUMER.category(),
                java.math.BigDecimal.ONE, null, new java.math.BigDecimal("10"), false, null);
        return new IntervalChecks(VeeSettings.defaults(), household, IntervalChecksTest.IST, IntervalChecks.History.NONE)
                .check(day, null, written, Optional::empty);
    }

    @ParameterizedTest
    @MethodSource("realDays")
    void ordinary_peaks_of_a_real_household_day_are_no_spikes(RealDay real) {
        assertThat(check(real.day())).noneMatch(Finding::blocking);
    }

    @ParameterizedTest
    @MethodSource("realDays")
    void twenty_times_one_of_the_days_two_highest_intervals_is_a_spike(RealDay real) {
        Integer[] values = real.day().values();
        List<Integer> upper = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparing((Integer slot) -> values[slot]).reversed()).limit(2).toList();
        for (int slot : upper) {
            Integer[] spiked = values.clone();
            spiked[slot] = values[slot] * 20;
            IntervalDay day = new IntervalDay(real.day().meterId(), Channel.KWH_IMPORT, real.day().day(), 30, spiked, real.day().quality());
            assertThat(check(day)).as("×20 at slot %d of %s", slot, real).filteredOn(f -> f.rule() == VeeRule.SPIKE).singleElement()
                    .satisfies(spike -> assertThat(spike.firstAt()).isEqualTo(day.slotEnd(slot, IntervalChecksTest.IST)));
        }
    }
}
