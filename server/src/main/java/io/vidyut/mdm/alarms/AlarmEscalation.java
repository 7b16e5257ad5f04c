package io.vidyut.mdm.alarms;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates alarms left OPEN (nobody acknowledged them) too long, across tenants, by each tenant's
 * {@code escalate_after_minutes}: an alarm of age A gets level floor(A / N) (at most
 * {@code max_escalation_level}), its severity one step higher per level, and an {@code ESCALATED} change
 * (live stream, webhooks {@code alarm.changed}, e-mail when configured). Levels are computed from the age,
 * not counted per run, so a missed run catches up and several instances escalate an alarm once per level.
 */
@Component
class AlarmEscalation {
    private static final Logger log = LoggerFactory.getLogger(AlarmEscalation.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final Clock clock;

    AlarmEscalation(JdbcClient jdbc, Alarms alarms, Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.clock = clock;
    }

    private record Due(UUID alarmId, UUID tenantId, String tenantCode, int level) {}

    @Scheduled(fixedDelayString = "${mdm.alarms.escalation-poll:PT30S}")
    void run() {
        escalateDue(clock.instant());
    }

    /** Escalates every alarm due at {@code now}; returns how many were escalated. */
    int escalateDue(Instant now) {
        List<Due> due = jdbc.sql("select * from mdm_alarms_to_escalate(?, ?)").params(Timestamp.from(now), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4)))
                .list();
        int escalated = 0;
        for (Due alarm : due) {
            try {
                boolean done = TenantContext.callAs(TenantScope.of(alarm.tenantId(), alarm.tenantCode()),
                        () -> alarms.escalate(alarm.alarmId(), alarm.level()).isPresent());
                if (done) escalated++;
            } catch (RuntimeException e) {
                log.warn("Alarm {} could not be escalated now", alarm.alarmId(), e);
            }
        }
        return escalated;
    }
}
