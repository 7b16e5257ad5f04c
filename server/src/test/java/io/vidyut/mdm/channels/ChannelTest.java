package io.vidyut.mdm.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void energy_keeps_tenths_of_a_watt_hour_so_a_wh_source_with_scaler_minus_one_loses_nothing() {
        BigDecimal sent = BigDecimal.ZERO, stored = BigDecimal.ZERO;
        for (int slot = 0; slot < 96; slot++) {
            BigDecimal kwh = new BigDecimal(1000 + slot * 3).movePointLeft(4); // 100.0, 100.3, 100.6 … Wh
            sent = sent.add(kwh);
            stored = stored.add(Channel.KWH_IMPORT.toUnits(kwh).multiply(Channel.KWH_IMPORT.resolution()));
        }
        assertThat(stored).isEqualByComparingTo(sent);
        assertThat(Channel.KWH_IMPORT_TOTAL.toUnits(new BigDecimal("12345.6789"))).isEqualByComparingTo("123456789");
    }

    @Test
    void values_finer_still_round_half_to_even_so_exact_halves_do_not_all_round_up() {
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.25045"))).isEqualByComparingTo("2504");
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.25055"))).isEqualByComparingTo("2506");
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.25046"))).isEqualByComparingTo("2505");
    }
}
