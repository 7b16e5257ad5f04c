package io.vidyut.mdm.commands;

import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.OnDemandReads;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due commands to their HES, across tenants. A command is marked SENT (with a deadline) before
 * the call, so a crash mid-call retries it later rather than losing it; the HES deduplicates by
 * command_id. Failures are retried with doubling delays; after the last attempt the command is FAILED
 * with the reason. An acknowledged command without a result by its deadline is TIMED_OUT.
 */
@Component
class CommandDispatcher {
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    static final int BATCH = 100;
    /** How long a command being sent is left to its call before the dispatcher takes it as interrupted. */
    private static final Duration SEND_LEASE = Duration.ofSeconds(60);
    /** The actor the audit trail names for the MDM's own steps. */
    static final String DISPATCHER = "mdm.dispatcher";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Commands commands;
    private final MeterService meters;
    private final VendorMappingService mappings;
    private final HesCommandClient client;
    private final CommandSettings settings;
    private final OnDemandReads reads;
    private final Clock clock;

    CommandDispatcher(JdbcClient jdbc, TransactionTemplate transactions, Commands commands, MeterService meters,
                      VendorMappingService mappings, HesCommandClient client, CommandSettings settings,
                      OnDemandReads reads, Clock clock) {
        this.reads = reads;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.meters = meters;
        this.mappings = mappings;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    private record Due(UUID commandId, UUID tenantId, String tenantCode) {}

    @Scheduled(fixedDelayString = "${mdm.commands.poll:PT0.5S}")
    void dispatchDue() {
        List<Due> due = jdbc.sql("select * from mdm_due_commands(?, ?)").params(now(), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
        for (Due command : due) {
            try {
                TenantContext.runAs(TenantScope.of(command.tenantId(), command.tenantCode()), () -> dispatch(command.commandId()));
            } catch (RuntimeException e) {
                log.warn("Command {} could not be dispatched now", command.commandId(), e);
            }
        }
    }

    /**
     * Fetches and ingests the results of executed on-demand reads (the HES's read_path, through the ingestion
     * pipeline like any push). One try: the pull client retries within it; the outcome goes into the command's
     * audit trail either way.
     */
    @Scheduled(fixedDelayString = "${mdm.commands.poll:PT0.5S}")
    void ingestReadResults() {
        List<Due> due = jdbc.sql("select * from mdm_due_command_reads(?)").param(BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
        for (Due command : due) {
            try {
                TenantContext.runAs(TenantScope.of(command.tenantId(), command.tenantCode()), () -> ingestRead(command.commandId()));
            } catch (RuntimeException e) {
                log.warn("The result of on-demand read {} could not be ingested now", command.commandId(), e);
            }
        }
    }

    private void ingestRead(UUID id) {
        Command command = commands.get(id);
        String note;
        UUID batchId = null;
        try {
            BatchReceipt receipt = reads.readAndIngest(meters.get(command.meterId()));
            batchId = receipt.batchId();
            note = "read result ingested: batch " + receipt.batchId() + " (" + receipt.valuesAccepted() + " values accepted, "
                    + receipt.valuesRejected() + " rejected)";
        } catch (RuntimeException e) {
            note = "read result could not be fetched from the HES: " + e.getMessage();
        }
        UUID batch = batchId;
        String trail = note;
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update meter_command set read_pending = false, read_batch_id = ?, transition_by = ?, transition_at = ?, transition_note = ?
                         where id = ? and read_pending""")
                .params(batch, DISPATCHER, now(), trail, id).update());
    }

    private void dispatch(UUID id) {
        Optional<Command> claimed = transactions.execute(status -> claim(id));
        if (claimed.isEmpty()) return;
        Command command = claimed.get();
        if (command.status() == CommandStatus.ACKNOWLEDGED) {
            finish(id, CommandStatus.ACKNOWLEDGED, CommandStatus.TIMED_OUT,
                    "no result from the HES within " + settings.resultTimeout());
            return;
        }
        String serial = meters.get(command.meterId()).serial();
        PayloadMapping.PullEndpoint endpoint = mappings.current(command.vendorId()).map(m -> m.mapping().pull())
                .filter(pull -> pull.commandPath() != null).orElse(null);
        HesCommandClient.Outcome outcome = endpoint == null
                ? new HesCommandClient.Refused("the HES vendor's mapping has no command_path any more")
                : client.send(endpoint, command, serial);
        if (outcome instanceof HesCommandClient.Accepted accepted) {
            accepted(command, accepted);
        } else if (outcome instanceof HesCommandClient.Refused refused) {
            finish(id, CommandStatus.SENT, CommandStatus.FAILED, refused.reason());
        } else if (outcome instanceof HesCommandClient.Retryable retryable) {
            retryOrFail(command, retryable.reason());
        }
    }

    /**
     * Takes a due command: one still to send is marked SENT with a deadline for the call (a SENT command
     * found due again was interrupted, and is sent again); an acknowledged one is due for its timeout.
     */
    private Optional<Command> claim(UUID id) {
        Optional<Command> command = jdbc.sql("""
                        select * from meter_command where id = ? and status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED')
                           and next_attempt_at <= ? for update skip locked""")
                .params(id, now()).query(commands::read).optional();
        if (command.isEmpty() || command.get().status() == CommandStatus.ACKNOWLEDGED) return command;
        jdbc.sql("""
                        update meter_command set status = 'SENT', attempts = attempts + 1, sent_at = ?,
                                                 next_attempt_at = ?, transition_by = ?, transition_at = ?,
                                                 transition_note = case when status = 'SENT'
                                                     then 'sent again: the previous call did not finish' end
                         where id = ?""")
                .params(now(), Timestamp.from(clock.instant().plus(SEND_LEASE)), DISPATCHER, now(), id).update();
        return Optional.of(commands.get(id));
    }

    private void accepted(Command command, HesCommandClient.Accepted accepted) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update meter_command set status = ?, acknowledged_at = ?, hes_reference = ?, reason = null,
                                   completed_at = case when ? then ?::timestamptz end, next_attempt_at = ?, transition_by = ?, transition_at = ?,
                                   transition_note = ?
                             where id = ? and status = 'SENT'""")
                    .params(accepted.executed() ? "EXECUTED" : "ACKNOWLEDGED", now(), accepted.reference(), accepted.executed(),
                            now(), Timestamp.from(clock.instant().plus(settings.resultTimeout())), DISPATCHER, now(),
                            "the HES accepted the command" + (accepted.executed() ? " and executed it at once" : "")
                                    + (accepted.reference() == null ? "" : " (reference " + accepted.reference() + ")"),
                            command.id())
                    .update();
            if (updated == 1 && accepted.executed()) commands.announceCompleted(command.id());
        });
    }

    private void retryOrFail(Command command, String reason) {
        if (command.attempts() >= settings.maxAttempts()) {
            finish(command.id(), CommandStatus.SENT, CommandStatus.FAILED, reason + " (after " + command.attempts()
                    + " attempts)");
            return;
        }
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update meter_command set status = 'REQUESTED', reason = ?, next_attempt_at = ?, transition_by = ?, transition_at = ?,
                               transition_note = ?
                         where id = ? and status = 'SENT'""")
                .params(reason, Timestamp.from(clock.instant().plus(settings.backoffAfter(command.attempts()))), DISPATCHER, now(),
                        reason + "; attempt " + (command.attempts() + 1) + " in " + settings.backoffAfter(command.attempts()),
                        command.id())
                .update());
    }

    /** Ends a command, unless it has left {@code from} meanwhile (e.g. the HES's callback came first). */
    private void finish(UUID id, CommandStatus from, CommandStatus to, String reason) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update meter_command set status = ?, reason = ?, completed_at = ?, transition_by = ?, transition_at = ?
                             where id = ? and status = ?""")
                    .params(to.name(), reason, now(), DISPATCHER, now(), id, from.name()).update();
            if (updated == 1) commands.announceCompleted(id);
        });
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
