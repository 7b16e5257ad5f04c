package io.vidyut.mdm.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void values_finer_than_the_resolution_round_half_to_even_so_a_day_of_them_keeps_its_total() {
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.2505"))).isEqualByComparingTo("250");
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.2515"))).isEqualByComparingTo("252");
        assertThat(Channel.KWH_IMPORT.toUnits(new BigDecimal("0.2506"))).isEqualByComparingTo("251");
        // a Wh meter with scaler -1: 96 intervals of n.5 Wh; rounding every half up would add 48 Wh
        BigDecimal sent = BigDecimal.ZERO, stored = BigDecimal.ZERO;
        for (int slot : IntStream.range(0, 96).toArray()) {
            BigDecimal kwh = new BigDecimal(100 + slot).add(new BigDecimal("0.5")).movePointLeft(3);
            sent = sent.add(kwh);
            stored = stored.add(Channel.KWH_IMPORT.toUnits(kwh).movePointLeft(3));
        }
        assertThat(stored).isEqualByComparingTo(sent);
    }
}
