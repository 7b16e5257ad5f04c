package io.vidyut.mdm.vee;

import io.vidyut.mdm.channels.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What consumers of validated data (billing) ask VEE about a range of a meter's channel. */
@Service
public class VeeStatus {
    private final JdbcClient jdbc;

    VeeStatus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open blocking exception: its intervals are held back until a person resolves it. */
    public record Withheld(UUID exceptionId, VeeRule rule, Instant firstAt, Instant lastAt) {}

    /** A run of intervals VEE estimated, with the method. */
    public record EstimateRun(Instant firstAt, Instant lastAt, EstimationMethod method) {}

    @Transactional(readOnly = true)
    public List<Withheld> withheld(UUID meterId, Channel channel, Instant from, Instant to) {
        return jdbc.sql("""
                        select id, rule, first_at, last_at from vee_exception
                         where meter_id = ? and channel = ? and status = 'OPEN' and blocking
                           and first_at <= ? and last_at > ? order by first_at""")
                .params(meterId, channel.code(), Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new Withheld(rs.getObject(1, UUID.class), VeeRule.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** An open blocking exception of one of many meters' channels. */
    public record MeterWithheld(UUID meterId, Channel channel, Withheld withheld) {}

    /** {@link #withheld} for many meters and channels in one query (a billing run). */
    @Transactional(readOnly = true)
    public List<MeterWithheld> withheld(java.util.Collection<UUID> meterIds, java.util.Collection<Channel> channels,
                                        Instant from, Instant to) {
        if (meterIds.isEmpty() || channels.isEmpty()) return List.of();
        return jdbc.sql("""
                        select meter_id, channel, id, rule, first_at, last_at from vee_exception
                         where meter_id = any(?) and channel = any(?) and status = 'OPEN' and blocking
                           and first_at <= ? and last_at > ? order by first_at""")
                .params(meterIds.toArray(UUID[]::new), channels.stream().map(c -> (short) c.code()).toArray(Short[]::new),
                        Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new MeterWithheld(rs.getObject(1, UUID.class), Channel.ofCode(rs.getInt(2)),
                        new Withheld(rs.getObject(3, UUID.class), VeeRule.valueOf(rs.getString(4)),
                                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant())))
                .list();
    }

    @Transactional(readOnly = true)
    public List<EstimateRun> estimates(UUID meterId, Channel channel, Instant from, Instant to) {
        return jdbc.sql("""
                        select first_at, last_at, method from vee_estimate
                         where meter_id = ? and channel = ? and first_at <= ? and last_at > ? order by created_at""")
                .params(meterId, channel.code(), Timestamp.from(to), Timestamp.from(from))
                .query((rs, n) -> new EstimateRun(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        EstimationMethod.valueOf(rs.getString(3))))
                .list();
    }
}
