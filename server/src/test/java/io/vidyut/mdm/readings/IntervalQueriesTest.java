package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.readings.IntervalQueries.Coverage;
import io.vidyut.mdm.readings.IntervalQueries.DayTotal;
import io.vidyut.mdm.readings.IntervalQueries.PeriodTotal;
import io.vidyut.mdm.readings.IntervalQueries.Range;
import io.vidyut.mdm.readings.IntervalQueries.Sum;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published interval queries against the real store: the sums, counts and day rows they give are checked against
 * the test's own record of every interval it wrote (actual, estimated, edited and missing ones, a day without a row,
 * a meter at 30-minute intervals, a meter without data), added up here slot by slot over IST days.
 */
class IntervalQueriesTest extends IntegrationTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** Four days across a month's end. */
    static final LocalDate FIRST = LocalDate.of(2026, 3, 30), LAST = LocalDate.of(2026, 4, 2);

    @Autowired IntervalQueries queries;
    @Autowired ReadingStore store;
    @Autowired TransactionTemplate transactions;

    TestTenant tenant;
    TenantScope scope;
    /** a: every day, both energy channels and voltage; b: no row on the third day; c: 30-minute intervals, no row on the last day; d: nothing. */
    MeterId a, b, c, d;
    final Map<MeterId, Integer> minutes = new LinkedHashMap<>();
    /** What the test wrote: a value and quality per meter, channel and interval end. */
    final Map<Slot, Stored> written = new HashMap<>();

    record Slot(MeterId meter, Channel channel, Instant end) {}

    record Stored(long value, int quality) {}

    /** The test's own tally of some intervals: Σ values present and the counts. */
    record Tally(long sum, long expected, long present, long estimated, long edited) {
        Tally plus(Tally other) {
            return new Tally(sum + other.sum, expected + other.expected, present + other.present, estimated + other.estimated,
                    edited + other.edited);
        }
    }

    @BeforeEach
    void fourMetersWithKnownData() {
        tenant = newTenant();
        scope = TenantScope.of(tenant.id(), tenant.code());
        Registry registry = new Registry(api, tenant.admin());
        String vendor = registry.vendor("SUMS").get("vendor").get("id").asString();
        a = meter(registry, "QA", vendor, 15);
        b = meter(registry, "QB", vendor, 15);
        c = meter(registry, "QC", vendor, 30);
        d = meter(registry, "QD", vendor, 15);

        Random random = new Random(42);
        List<Reading> readings = new ArrayList<>();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            readings.addAll(day(random, a, Channel.KWH_IMPORT, day));
            readings.addAll(day(random, a, Channel.KWH_EXPORT, day));
            readings.addAll(day(random, a, Channel.VOLTAGE_R_AVG, day));
            if (!day.equals(FIRST.plusDays(2))) readings.addAll(day(random, b, Channel.KWH_IMPORT, day));
            if (!day.equals(LAST)) readings.addAll(day(random, c, Channel.KWH_IMPORT, day));
        }
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> store.write(readings, IST, "test")));
    }

    private MeterId meter(Registry registry, String serial, String vendor, int intervalMinutes) {
        MeterId id = MeterId.of(UUID.fromString(registry.meter(serial, vendor, null).get("id").asString()));
        minutes.put(id, intervalMinutes);
        return id;
    }

    /** A day of random values: most actual, some estimated, edited, power-failed or missing (not written). */
    private List<Reading> day(Random random, MeterId meter, Channel channel, LocalDate day) {
        int length = minutes.get(meter);
        List<Reading> readings = new ArrayList<>();
        for (int slot = 0; slot < 24 * 60 / length; slot++) {
            int dice = random.nextInt(100);
            if (dice < 8) continue;
            int quality = dice < 16 ? Quality.ESTIMATED.bit()
                    : dice < 20 ? Quality.EDITED.bit()
                    : dice < 22 ? Quality.EDITED.bit() | Quality.ESTIMATED.bit()
                    : dice < 24 ? Quality.ACTUAL.bit() | Quality.POWER_FAIL.bit()
                    : Quality.ACTUAL.bit();
            long value = channel == Channel.VOLTAGE_R_AVG ? 22_000 + random.nextInt(2_000) : random.nextInt(900) - (dice == 99 ? 1000 : 0);
            Instant end = day.atStartOfDay(IST).plusMinutes((long) (slot + 1) * length).toInstant();
            readings.add(new Reading(meter.value(), channel, end, length, value, quality));
            written.put(new Slot(meter, channel, end), new Stored(value, quality));
        }
        return readings;
    }

    /** The test's own count of a meter channel's intervals ending in (from, to] of one IST day, from what it wrote. */
    private Tally expected(MeterId meter, Channel channel, LocalDate day, Instant from, Instant to) {
        int length = minutes.get(meter);
        long sum = 0, expected = 0, present = 0, estimated = 0, edited = 0;
        for (int slot = 0; slot < 24 * 60 / length; slot++) {
            Instant end = day.atStartOfDay(IST).plusMinutes((long) (slot + 1) * length).toInstant();
            if (!end.isAfter(from) || end.isAfter(to)) continue;
            expected++;
            Stored stored = written.get(new Slot(meter, channel, end));
            if (stored == null) continue;
            present++;
            sum += stored.value();
            if ((stored.quality() & Quality.ESTIMATED.bit()) != 0) estimated++;
            if ((stored.quality() & Quality.EDITED.bit()) != 0) edited++;
        }
        return new Tally(sum, expected, present, estimated, edited);
    }

    private static void assertMatches(BigDecimal value, Coverage coverage, Tally tally, Channel channel, String what) {
        assertThat(coverage).as(what).isEqualTo(new Coverage(tally.expected(), tally.present(), tally.estimated(), tally.edited(),
                tally.expected() - tally.present()));
        if (tally.present() == 0) {
            assertThat(value).as(what).isNull();
        } else {
            assertThat(value).as(what).isEqualByComparingTo(channel.resolution().multiply(BigDecimal.valueOf(tally.sum())));
        }
    }

    private <T> T asTenant(Supplier<T> query) {
        return TenantContext.callAs(scope, () -> transactions.execute(status -> query.get()));
    }

    private static Instant ist(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+05:30").toInstant();
    }

    @Test
    void day_totals_follow_ist_days_over_an_unaligned_range_for_every_meter_named() {
        // from 05:37 IST on the first day (mid-interval) to 00:00 UTC on the third day (05:30 IST): not UTC days
        Range range = new Range(ist("2026-03-30T05:37:00"), Instant.parse("2026-04-01T00:00:00Z"));
        List<DayTotal> totals = asTenant(() -> queries.dayTotals(List.of(a, b, c, d), List.of(Channel.KWH_IMPORT, Channel.KWH_EXPORT), range));

        Map<String, DayTotal> byKey = new HashMap<>();
        totals.forEach(t -> byKey.put(t.meterId() + "/" + t.channel() + "/" + t.day(), t));
        int checked = 0;
        for (MeterId meter : List.of(a, b, c, d)) {
            for (Channel channel : List.of(Channel.KWH_IMPORT, Channel.KWH_EXPORT)) {
                for (LocalDate day = FIRST; !day.isAfter(FIRST.plusDays(2)); day = day.plusDays(1)) {
                    Tally tally = expected(meter, channel, day, range.from(), range.to());
                    DayTotal total = byKey.get(meter + "/" + channel + "/" + day);
                    assertThat(total).as(meter + " " + channel + " " + day).isNotNull();
                    assertMatches(total.value(), total.coverage(), tally, channel, meter + " " + channel + " " + day);
                    checked++;
                }
            }
        }
        assertThat(totals).as("a total per meter, channel and IST day touched, none for a day outside").hasSize(checked);
        // on the first day the interval ending at 05:45 IST is the first to end after 05:37 (22 end before); the third
        // holds the 22 intervals ending by 05:30 IST
        assertThat(byKey.get(a + "/KWH_IMPORT/" + FIRST).coverage().expected()).isEqualTo(96 - 22);
        assertThat(byKey.get(a + "/KWH_IMPORT/" + FIRST.plusDays(2)).coverage().expected()).isEqualTo(22);
        assertThat(byKey.get(c + "/KWH_IMPORT/" + FIRST.plusDays(1)).coverage().expected()).as("30-minute meter").isEqualTo(48);
        DayTotal noRow = byKey.get(b + "/KWH_IMPORT/" + FIRST.plusDays(2));
        assertThat(noRow.value()).isNull();
        assertThat(noRow.coverage().missing()).as("a day without a row is missing whole").isEqualTo(22);
        assertThat(byKey.get(d + "/KWH_IMPORT/" + FIRST.plusDays(1)).coverage())
                .as("a meter without data: every interval missing, at 15 minutes").isEqualTo(new Coverage(96, 0, 0, 0, 96));
    }

    @Test
    void the_interval_ending_at_ist_midnight_closes_its_day_and_the_next_one_opens_the_next() {
        LocalDate second = FIRST.plusDays(1);
        // exactly the two intervals either side of IST midnight
        Range aroundMidnight = new Range(second.atStartOfDay(IST).minusMinutes(15).toInstant(),
                second.atStartOfDay(IST).plusMinutes(15).toInstant());
        List<DayTotal> totals = asTenant(() -> queries.dayTotals(List.of(a), List.of(Channel.KWH_IMPORT), aroundMidnight));

        assertThat(totals).extracting(DayTotal::day).containsExactly(FIRST, second);
        assertThat(totals).allSatisfy(t -> assertThat(t.coverage().expected()).isEqualTo(1));
        Stored before = written.get(new Slot(a, Channel.KWH_IMPORT, second.atStartOfDay(IST).toInstant()));
        Stored after = written.get(new Slot(a, Channel.KWH_IMPORT, second.atStartOfDay(IST).plusMinutes(15).toInstant()));
        assertThat(totals.get(0).coverage().present()).isEqualTo(before == null ? 0 : 1);
        assertThat(totals.get(1).coverage().present()).isEqualTo(after == null ? 0 : 1);
        assertMatches(totals.get(0).value(), totals.get(0).coverage(),
                expected(a, Channel.KWH_IMPORT, FIRST, aroundMidnight.from(), aroundMidnight.to()), Channel.KWH_IMPORT, "day before");
    }

    @Test
    void period_totals_add_up_the_whole_range_per_meter_and_channel() {
        Range cycle = new Range(ist("2026-03-30T10:00:00"), ist("2026-04-02T17:30:00"));
        List<PeriodTotal> totals = asTenant(() -> queries.periodTotals(List.of(d, c, b, a, a), List.of(Channel.KWH_IMPORT), cycle));

        assertThat(totals).as("one per distinct meter").hasSize(4);
        for (PeriodTotal total : totals) {
            Tally tally = new Tally(0, 0, 0, 0, 0);
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                tally = tally.plus(expected(total.meterId(), Channel.KWH_IMPORT, day, cycle.from(), cycle.to()));
            }
            assertMatches(total.value(), total.coverage(), tally, Channel.KWH_IMPORT, total.meterId().toString());
        }
        PeriodTotal ofC = totals.stream().filter(t -> t.meterId().equals(c)).findFirst().orElseThrow();
        assertThat(ofC.coverage().expected()).as("30-minute intervals, the last day (without a row) at the same length")
                .isEqualTo((4L * 24 * 60 - 10 * 60 - (24 * 60 - 17 * 60 - 30)) / 30);
    }

    @Test
    void sums_over_the_meters_per_day_and_per_month_say_how_complete_they_are() {
        Range range = Range.ofDays(FIRST, LAST, IST);
        List<MeterId> all = List.of(a, b, c, d);
        List<Sum> daily = asTenant(() -> queries.sums(all, List.of(Channel.KWH_IMPORT), range, Resolution.DAY));
        List<Sum> monthly = asTenant(() -> queries.sums(all, List.of(Channel.KWH_IMPORT), range, Resolution.MONTH));

        Function<LocalDate, Tally> dayOfAll = day -> all.stream()
                .map(meter -> expected(meter, Channel.KWH_IMPORT, day, range.from(), range.to()))
                .reduce(new Tally(0, 0, 0, 0, 0), Tally::plus);
        assertThat(daily).extracting(Sum::start).containsExactly(FIRST, FIRST.plusDays(1), FIRST.plusDays(2), LAST);
        for (Sum sum : daily) {
            assertMatches(sum.value(), sum.coverage(), dayOfAll.apply(sum.start()), Channel.KWH_IMPORT, "day " + sum.start());
            assertThat(sum.from()).isEqualTo(sum.start().atStartOfDay(IST).toInstant());
            assertThat(sum.to()).isEqualTo(sum.start().plusDays(1).atStartOfDay(IST).toInstant());
        }
        assertThat(daily.get(0).coverage().expected()).isEqualTo(96 + 96 + 48 + 96);

        assertThat(monthly).extracting(Sum::start).containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
        assertMatches(monthly.get(0).value(), monthly.get(0).coverage(), dayOfAll.apply(FIRST).plus(dayOfAll.apply(FIRST.plusDays(1))),
                Channel.KWH_IMPORT, "March");
        assertMatches(monthly.get(1).value(), monthly.get(1).coverage(), dayOfAll.apply(FIRST.plusDays(2)).plus(dayOfAll.apply(LAST)),
                Channel.KWH_IMPORT, "April");
        assertThat(monthly.get(0).from()).as("clipped to the range").isEqualTo(range.from());
        assertThat(monthly.get(1).to()).isEqualTo(range.to());
        assertThat(monthly.get(1).from()).isEqualTo(LocalDate.of(2026, 4, 1).atStartOfDay(IST).toInstant());
    }

    @Test
    void day_rows_come_back_as_written_with_their_quality_for_all_meters_in_one_call() {
        Range range = new Range(ist("2026-03-31T12:00:00"), ist("2026-04-02T00:00:00"));
        List<IntervalDay> days = asTenant(() -> queries.days(List.of(a, b, c, d),
                List.of(Channel.KWH_IMPORT, Channel.VOLTAGE_R_AVG), range));

        assertThat(days).extracting(day -> day.meterId() + "/" + day.channel() + "/" + day.day()).containsExactlyInAnyOrder(
                a.value() + "/KWH_IMPORT/2026-03-31", a.value() + "/KWH_IMPORT/2026-04-01",
                a.value() + "/VOLTAGE_R_AVG/2026-03-31", a.value() + "/VOLTAGE_R_AVG/2026-04-01",
                b.value() + "/KWH_IMPORT/2026-03-31", c.value() + "/KWH_IMPORT/2026-03-31", c.value() + "/KWH_IMPORT/2026-04-01");
        for (IntervalDay day : days) {
            MeterId meter = MeterId.of(day.meterId());
            assertThat(day.intervalMinutes()).isEqualTo(minutes.get(meter));
            IntStream.range(0, day.slots()).forEach(slot -> {
                Stored stored = written.get(new Slot(meter, day.channel(), day.slotEnd(slot, IST)));
                assertThat(day.values()[slot]).as(day.day() + " slot " + slot)
                        .isEqualTo(stored == null ? null : Math.toIntExact(stored.value()));
                assertThat(day.quality()[slot]).isEqualTo((byte) (stored == null ? 0 : stored.quality()));
            });
        }
    }

    @Test
    void a_query_in_the_writing_transaction_sees_its_uncommitted_intervals_and_another_tenant_sees_none() {
        Range firstDay = Range.ofDays(FIRST, FIRST, IST);
        Instant end = FIRST.atStartOfDay(IST).plusMinutes(15).toInstant();
        Long[] inside = new Long[1];
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
            store.write(List.of(new Reading(d.value(), Channel.KWH_IMPORT, end, 15, 1234, Quality.ACTUAL.bit())), IST, "uncommitted");
            inside[0] = queries.periodTotals(List.of(d), List.of(Channel.KWH_IMPORT), firstDay).get(0).coverage().present();
            status.setRollbackOnly();
        }));
        assertThat(inside[0]).isEqualTo(1);
        assertThat(asTenant(() -> queries.periodTotals(List.of(d), List.of(Channel.KWH_IMPORT), firstDay)).get(0).coverage().present())
                .as("rolled back").isZero();

        TestTenant other = newTenant();
        TenantScope otherScope = TenantScope.of(other.id(), other.code());
        List<IntervalDay> seenByOther = TenantContext.callAs(otherScope, () -> transactions.execute(s ->
                queries.days(List.of(a), List.of(Channel.KWH_IMPORT), firstDay)));
        assertThat(seenByOther).isEmpty();
        Coverage coverageForOther = TenantContext.callAs(otherScope, () -> transactions.execute(s ->
                queries.periodTotals(List.of(a), List.of(Channel.KWH_IMPORT), firstDay).get(0).coverage()));
        assertThat(coverageForOther).isEqualTo(new Coverage(96, 0, 0, 0, 96));
    }

    @Test
    void the_gap_scan_finds_missing_slots_and_days_without_rows_but_not_a_meter_without_data() {
        Instant edge = LAST.atStartOfDay(IST).toInstant();
        List<IntervalQueries.MeterChannel> found = asTenant(() -> queries.withMissingIntervals(List.of(Channel.KWH_IMPORT), FIRST, edge));
        assertThat(found).extracting(IntervalQueries.MeterChannel::meterId).contains(a, b, c).doesNotContain(d);
    }

    @Test
    void queries_too_large_or_over_the_wrong_channel_are_refused_with_a_reason() {
        Range day = Range.ofDays(FIRST, FIRST, IST);
        List<MeterId> tooMany = IntStream.rangeClosed(0, IntervalQueries.MOST_METERS).mapToObj(i -> MeterId.of(UUID.randomUUID())).toList();
        assertThatThrownBy(() -> asTenant(() -> queries.dayTotals(tooMany, List.of(Channel.KWH_IMPORT), day)))
                .isInstanceOf(IntervalQueries.TooLarge.class).hasMessageContaining("at most 10000 meters");
        assertThatThrownBy(() -> asTenant(() -> queries.sums(List.of(a), List.of(Channel.KWH_IMPORT),
                Range.ofDays(FIRST, FIRST.plusDays(IntervalQueries.MOST_DAYS), IST), Resolution.MONTH)))
                .isInstanceOf(IntervalQueries.TooLarge.class).hasMessageContaining("at most 400 days");
        List<MeterId> thousand = tooMany.subList(0, 1_000);
        assertThatThrownBy(() -> asTenant(() -> queries.days(thousand, List.of(Channel.KWH_IMPORT), Range.ofDays(FIRST, FIRST.plusDays(62), IST))))
                .isInstanceOf(IntervalQueries.TooLarge.class).hasMessageContaining("63000 meter-days");
        assertThatThrownBy(() -> asTenant(() -> queries.periodTotals(tooMany.subList(0, 10_000), List.of(Channel.KWH_IMPORT),
                Range.ofDays(FIRST, FIRST.plusDays(100), IST))))
                .isInstanceOf(IntervalQueries.TooLarge.class).hasMessageContaining("at most 1000000");
        assertThatThrownBy(() -> asTenant(() -> queries.periodTotals(List.of(a), List.of(Channel.VOLTAGE_R_AVG), day)))
                .isInstanceOf(FieldErrorsException.class).hasMessageContaining("no total");
        assertThatThrownBy(() -> asTenant(() -> queries.days(List.of(a), List.of(Channel.KWH_IMPORT_TOTAL), day)))
                .isInstanceOf(FieldErrorsException.class).hasMessageContaining("register");
        assertThatThrownBy(() -> asTenant(() -> queries.sums(List.of(a), List.of(Channel.KWH_IMPORT), day, Resolution.HOUR)))
                .isInstanceOf(FieldErrorsException.class).hasMessageContaining("per day");
        assertThatThrownBy(() -> new Range(day.to(), day.from())).isInstanceOf(FieldErrorsException.class);
    }
}
