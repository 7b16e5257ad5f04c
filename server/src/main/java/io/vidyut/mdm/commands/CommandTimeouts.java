package io.vidyut.mdm.commands;

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
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends acknowledged commands whose result did not come within {@code mdm.commands.result-timeout}: TIMED_OUT, across
 * tenants (definer function {@code mdm_overdue_commands}), every {@code mdm.commands.poll}. The update is conditional
 * on the state, so a callback that comes at the same moment, or another instance, wins or loses cleanly.
 */
@Component
class CommandTimeouts implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(CommandTimeouts.class);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Commands commands;
    private final CommandSettings settings;
    private final Clock clock;

    CommandTimeouts(JdbcClient jdbc, TransactionTemplate transactions, Commands commands, CommandSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                timeOut(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Overdue commands could not be timed out now; it is tried again", e);
            }
        }, settings.poll());
    }

    private record Due(UUID commandId, UUID tenantId, String tenantCode) {}

    /** Times out what is overdue at {@code now}; returns how many. */
    int timeOut(Instant now) {
        List<Due> due = jdbc.sql("select * from mdm_overdue_commands(?, ?)").params(Timestamp.from(now), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
        int timedOut = 0;
        for (Due command : due) {
            try {
                Boolean ended = TenantContext.callAs(TenantScope.of(command.tenantId(), command.tenantCode()),
                        () -> transactions.execute(status -> timeOut(command.commandId(), now)));
                if (Boolean.TRUE.equals(ended)) timedOut++;
            } catch (RuntimeException e) {
                log.warn("Command {} could not be timed out now", command.commandId(), e);
            }
        }
        return timedOut;
    }

    private boolean timeOut(UUID id, Instant now) {
        Timestamp at = Timestamp.from(now);
        int updated = jdbc.sql("""
                        update meter_command set status = 'TIMED_OUT', reason = ?, completed_at = ?, transition_by = ?,
                                                 transition_at = ?
                         where id = ? and status = 'ACKNOWLEDGED' and result_due_at <= ?""")
                .params("no result from the HES within " + settings.resultTimeout(), at, CommandSender.DISPATCHER, at, id, at)
                .update();
        if (updated == 1) commands.announceCompleted(id);
        return updated == 1;
    }
}
