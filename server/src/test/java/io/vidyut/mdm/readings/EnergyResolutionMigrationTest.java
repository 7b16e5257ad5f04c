package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.ScratchDatabase;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade to energy in tenths of a Wh (V34) on a database holding whole Wh: stored energy intervals (missing
 * slots too), their history and the energy registers become tenths; voltage and demand stay as they were. A
 * database of its own, in the test server's PostgreSQL cluster.
 */
class EnergyResolutionMigrationTest extends IntegrationTest {
    @Autowired DataSource application;

    ScratchDatabase database;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @Test
    void stored_energy_in_whole_wh_becomes_tenths_and_nothing_else_changes() throws SQLException {
        database = new ScratchDatabase(application);
        database.migrateTo("33");
        JdbcClient jdbc = database.jdbc();
        UUID tenant = UUID.randomUUID(), meter = UUID.randomUUID();
        jdbc.sql("select mdm_ensure_interval_partition('2026-11-20')").query(Object.class).list();
        String day = "insert into interval_day (tenant_id, meter_id, channel, day, interval_minutes, vals) values (?, ?, ?, '2026-11-20', 15, ?)";
        jdbc.sql(day).params(tenant, meter, 1, new Integer[] {250, null, 0, 1234}).update();
        jdbc.sql(day).params(tenant, meter, 10, new Integer[] {23_010, null, 23_100, 22_950}).update();
        jdbc.sql("""
                insert into interval_day_history (tenant_id, meter_id, channel, day, interval_minutes, vals, version, valid_from,
                                                  superseded_by)
                values (?, ?, 1, '2026-11-20', 15, ?, 1, now(), 'batch:x')""").params(tenant, meter, new Integer[] {200, null}).update();
        String read = "insert into register_read (tenant_id, meter_id, channel, read_at, value, quality) values (?, ?, ?, now(), ?, 1)";
        jdbc.sql(read).params(tenant, meter, 30, 12_345_678L).update();
        jdbc.sql(read).params(tenant, meter, 34, 4_500L).update();

        database.migrateTo("34");

        assertThat(vals(jdbc, "interval_day", 1)).containsExactly(2500, null, 0, 12340);
        assertThat(vals(jdbc, "interval_day", 10)).as("voltage keeps its 10 mV").containsExactly(23_010, null, 23_100, 22_950);
        assertThat(vals(jdbc, "interval_day_history", 1)).containsExactly(2000, null);
        assertThat(jdbc.sql("select channel, value from register_read order by channel")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list())
                .as("an energy register in tenths, maximum demand in W as before")
                .containsExactly(List.of(30L, 123_456_780L), List.of(34L, 4_500L));
    }

    private static List<Integer> vals(JdbcClient jdbc, String table, int channel) {
        return Arrays.asList((Integer[]) jdbc.sql("select vals from " + table + " where channel = ?").param(channel)
                .query((rs, n) -> rs.getArray(1).getArray()).single());
    }
}
