package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The interval store's write path: new days are copied in (binary COPY through a staging table) under the tenant policy. */
class ReadingStoreTest extends IntegrationTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Autowired ReadingStore store;
    @Autowired DayRowWriter rowWriter;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    TestTenant tenant;
    TenantScope scope;
    UUID meter;

    @BeforeEach
    void tenantWithAMeter() {
        tenant = newTenant();
        scope = TenantScope.of(tenant.id(), tenant.code());
        Registry registry = new Registry(api, tenant.admin());
        String vendor = registry.vendor("COPY").get("vendor").get("id").asString();
        meter = UUID.fromString(registry.meter("C1", vendor, null).get("id").asString());
    }

    static Reading kwh(UUID meter, LocalDate day, int slot, long value, Quality... flags) {
        Instant end = day.atStartOfDay(IST).plusMinutes(15L * (slot + 1)).toInstant();
        return new Reading(meter, Channel.KWH_IMPORT, end, 15, value, Quality.mask(java.util.Set.of(flags.length == 0 ? new Quality[] {Quality.ACTUAL} : flags)));
    }

    ReadingStore.WriteResult write(List<Reading> readings) {
        return TenantContext.callAs(scope, () -> transactions.execute(status -> store.write(readings, IST, "test")));
    }

    List<IntervalDay> days(LocalDate first, LocalDate last) {
        return TenantContext.callAs(scope, () -> store.days(meter, Channel.KWH_IMPORT, first, last));
    }

    @Test
    void a_new_day_is_stored_with_its_gaps_its_qualities_and_its_negative_and_large_values() {
        var result = write(List.of(kwh(meter, DAY, 0, 1_250), kwh(meter, DAY, 1, -3),
                kwh(meter, DAY, 2, Integer.MAX_VALUE), kwh(meter, DAY, 95, 40, Quality.ESTIMATED)));

        assertThat(result.filled()).isEqualTo(4);
        IntervalDay day = days(DAY, DAY).get(0);
        assertThat(day.intervalMinutes()).isEqualTo(15);
        assertThat(day.values()).hasSize(96);
        assertThat(day.values()[0]).isEqualTo(1_250);
        assertThat(day.values()[1]).isEqualTo(-3);
        assertThat(day.values()[2]).isEqualTo(Integer.MAX_VALUE);
        assertThat(day.values()[3]).isNull();
        assertThat(day.values()[95]).isEqualTo(40);
        assertThat(day.has(0, Quality.ACTUAL)).isTrue();
        assertThat(day.has(95, Quality.ESTIMATED)).isTrue();
        assertThat(day.quality()[3]).isZero();
    }

    @Test
    void a_plain_actual_day_keeps_no_quality_bytes_and_reads_back_as_actual() {
        List<Reading> readings = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) readings.add(kwh(meter, DAY, slot, slot * 10L));
        write(readings);

        IntervalDay day = days(DAY, DAY).get(0);
        assertThat(day.values()[95]).isEqualTo(950);
        assertThat(day.has(50, Quality.ACTUAL)).isTrue();
        Boolean qualityStored = TenantContext.callAs(scope, () -> transactions.execute(status ->
                jdbc.sql("select quality is not null from interval_day where meter_id = ?").param(meter)
                        .query(Boolean.class).single()));
        assertThat(qualityStored).isFalse();
    }

    @Test
    void several_writes_in_one_transaction_each_store_only_their_own_new_days() {
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
            store.write(List.of(kwh(meter, DAY, 0, 1)), IST, "first");
            store.write(List.of(kwh(meter, DAY.plusDays(1), 0, 2)), IST, "second");
            store.write(List.of(kwh(meter, DAY.plusDays(2), 0, 3), kwh(meter, DAY, 1, 4)), IST, "third");
        }));

        List<IntervalDay> days = days(DAY, DAY.plusDays(2));
        assertThat(days).extracting(IntervalDay::day).containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
        assertThat(days.get(0).values()[0]).isEqualTo(1);
        assertThat(days.get(0).values()[1]).isEqualTo(4);
        assertThat(days.get(2).values()[0]).isEqualTo(3);
    }

    @Test
    void a_rolled_back_write_leaves_nothing_behind_for_the_next_one() {
        TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
            store.write(List.of(kwh(meter, DAY, 0, 7)), IST, "rolled back");
            status.setRollbackOnly();
        }));
        assertThat(days(DAY, DAY)).isEmpty();

        write(List.of(kwh(meter, DAY.plusDays(1), 0, 8)));
        assertThat(days(DAY, DAY.plusDays(1))).extracting(IntervalDay::day).containsExactly(DAY.plusDays(1));
    }

    @Test
    void the_database_refuses_copied_rows_of_another_tenant() {
        UUID otherTenant = newTenant().id();
        DayRow row = DayRow.empty(new DayKey(meter, Channel.KWH_IMPORT, DAY), 15);
        row.merge(0, 5, Quality.ACTUAL.bit());
        row.version = 1;

        assertThatThrownBy(() -> TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status ->
                rowWriter.insert(otherTenant, List.of(row)))))
                .hasStackTraceContaining("row-level security");
        assertThat(days(DAY, DAY)).isEmpty();
    }

    /** Slot {@code slot}'s value in every stored version of the day, oldest first (null: missing in that version). */
    List<Integer> versionsOf(LocalDate day, int slot) {
        return TenantContext.callAs(scope, () -> transactions.execute(status -> jdbc.sql("""
                        select vals[?] from (select vals, version from interval_day_history where meter_id = ? and day = ?
                                             union all select vals, version from interval_day where meter_id = ? and day = ?) v
                         order by version""")
                .params(slot + 1, meter, day, meter, day).query((rs, n) -> (Integer) rs.getObject(1)).list()));
    }

    @Test
    void an_interval_twice_in_one_write_keeps_the_last_value_and_the_row_as_the_first_left_it_in_history() {
        write(List.of(kwh(meter, DAY, 0, 100)));
        var result = write(List.of(kwh(meter, DAY, 5, 200), kwh(meter, DAY, 6, 210), kwh(meter, DAY, 7, 1),
                kwh(meter, DAY, 5, 300), kwh(meter, DAY, 6, 210), kwh(meter, DAY, 7, 2)));

        assertThat(result.filled()).isEqualTo(3);
        assertThat(result.changed()).as("two second values").isEqualTo(2);
        assertThat(result.unchanged()).as("the same value twice").isEqualTo(1);
        assertThat(versionsOf(DAY, 5)).containsExactly(null, 200, 300);
        assertThat(versionsOf(DAY, 7)).as("repeats of different intervals in one round make one version").containsExactly(null, 1, 2);
        assertThat(days(DAY, DAY).get(0).values()[6]).isEqualTo(210);

        LocalDate next = DAY.plusDays(1);
        write(List.of(kwh(meter, next, 0, 5), kwh(meter, next, 0, 6)));
        assertThat(versionsOf(next, 0)).as("a new row too").containsExactly(5, 6);
    }

    /**
     * VEE fills a gap in a day no row held yet while a batch of the same meter-day is being written: the batch read the
     * day as absent, and its insert meets the estimate's row. It used to fail on the duplicate key (the batch then
     * waited minutes for a re-drive); now it waits for the estimate to commit and merges onto it.
     */
    @Test
    void a_day_another_writer_creates_meanwhile_is_merged_onto_rather_than_failing_the_write() throws Exception {
        CountDownLatch estimated = new CountDownLatch(1), commit = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> estimation = writers.submit(() -> TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
                store.write(List.of(kwh(meter, DAY, 0, 100, Quality.ESTIMATED)), IST, "estimate");
                estimated.countDown();
                awaitUninterruptibly(commit);
            })));
            estimated.await();
            Future<ReadingStore.WriteResult> batch = writers.submit(() -> write(List.of(kwh(meter, DAY, 0, 120), kwh(meter, DAY, 1, 130))));
            while (sessionsWaitingOnALock() == 0) {
                assertThat(batch.isDone()).as("the batch waits for the estimate's row, it does not pass it").isFalse();
                Thread.onSpinWait();
            }
            commit.countDown();
            estimation.get();

            ReadingStore.WriteResult result = batch.get();
            assertThat(result.filled()).as("slot 1").isEqualTo(1);
            assertThat(result.changed()).as("the actual value over the estimate").isEqualTo(1);
            assertThat(days(DAY, DAY)).singleElement().satisfies(day -> {
                assertThat(day.values()[0]).isEqualTo(120);
                assertThat(day.values()[1]).isEqualTo(130);
            });
            assertThat(versionsOf(DAY, 0)).as("the estimate kept in history").containsExactly(100, 120);
        } finally {
            writers.shutdownNow();
        }
    }

    private long sessionsWaitingOnALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .query(Long.class).single();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
