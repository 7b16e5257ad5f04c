package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One write's values for a day row: held re-sends, repeats within the write and the versions they make. */
class DayMergeTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final ResendPolicy HOLD_ALL = (meter, channel, stored, resent) -> true;
    static final ResendPolicy REPLACE_ALL = (meter, channel, stored, resent) -> false;
    final DayKey key = new DayKey(UUID.randomUUID(), Channel.KWH_IMPORT, LocalDate.of(2026, 11, 20));

    Reading reading(int slot, long value, Quality flag) {
        return new Reading(key.meterId(), key.channel(), key.slotEnd(slot, 15, IST), 15, value, flag.bit());
    }

    DayRow storedRow() {
        DayRow row = DayRow.empty(key, 15);
        row.merge(0, 100, Quality.ACTUAL.bit());
        row.merge(1, 50, Quality.ESTIMATED.bit());
        row.version = 4;
        return row;
    }

    @Test
    void a_changed_resend_of_an_actual_value_is_asked_about_and_held_while_an_estimate_is_replaced_regardless() {
        DayMerge merge = new DayMerge(key, storedRow(), 15);
        merge.merge(0, reading(0, 300, Quality.ACTUAL), HOLD_ALL);
        merge.merge(1, reading(1, 60, Quality.ACTUAL), HOLD_ALL);

        assertThat(merge.row.values[0]).as("held: the stored value stands").isEqualTo(100);
        assertThat(merge.held).containsExactly(new ReadingsStored.SlotValue(0, 300, Quality.ACTUAL.bit()));
        assertThat(merge.row.values[1]).as("actual data over an estimate is no re-send").isEqualTo(60);
        assertThat(merge.change().written().stream().toArray()).containsExactly(1);
        merge.numberVersions();
        assertThat(merge.row.version).isEqualTo(5);
    }

    @Test
    void a_slot_twice_in_one_write_is_a_repeat_not_a_resend_and_makes_one_interim_version_per_round() {
        DayMerge merge = new DayMerge(key, storedRow(), 15);
        merge.merge(5, reading(5, 10, Quality.ACTUAL), HOLD_ALL);
        merge.merge(6, reading(6, 20, Quality.ACTUAL), HOLD_ALL);
        merge.merge(5, reading(5, 11, Quality.ACTUAL), HOLD_ALL);
        merge.merge(6, reading(6, 21, Quality.ACTUAL), HOLD_ALL);
        merge.merge(5, reading(5, 12, Quality.ACTUAL), HOLD_ALL);

        assertThat(merge.held).as("the policy is for values stored before the write").isEmpty();
        assertThat(merge.row.values[5]).isEqualTo(12);
        assertThat(merge.repeated).extracting(ReadingsStored.SlotValue::value).containsExactly(10, 20, 11);
        assertThat(merge.interims).extracting(row -> row.values[5]).containsExactly(10, 11);
        assertThat(merge.interims).extracting(row -> row.values[6]).containsExactly(20, 21);
        merge.numberVersions();
        assertThat(merge.interims).extracting(row -> row.version).containsExactly(5, 6);
        assertThat(merge.row.version).isEqualTo(7);
        assertThat(merge.changedValues()).isTrue();
    }

    @Test
    void the_same_value_twice_in_a_write_is_no_repeat_and_a_new_row_numbers_from_one() {
        DayMerge merge = new DayMerge(key, null, 15);
        merge.merge(0, reading(0, 10, Quality.ACTUAL), REPLACE_ALL);
        merge.merge(0, reading(0, 10, Quality.ACTUAL), REPLACE_ALL);
        assertThat(merge.repeated).isEmpty();
        assertThat(merge.interims).isEmpty();
        merge.merge(0, reading(0, 11, Quality.ACTUAL), REPLACE_ALL);
        merge.numberVersions();
        assertThat(merge.interims).singleElement().satisfies(row -> assertThat(row.version).isEqualTo(1));
        assertThat(merge.row.version).isEqualTo(2);
        assertThat(merge.change().before()).isNull();
    }
}
