package io.vidyut.mdm.commands;

import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends commands to their HES: the handler of the outbox's {@code command} messages, one per command, enqueued with it.
 * The outbox gives the durable retries (doubling from {@code mdm.commands.backoff}, {@code mdm.commands.max-attempts}
 * in all) and the lease; this class keeps the command's state machine in step with each attempt.
 *
 * <p>A command is marked SENT (attempts + 1) and committed before the call, so the trail shows every attempt; a SENT
 * command met again was interrupted mid-call (the lease ran out) and is sent again: the HES deduplicates by
 * command_id. 2xx → ACKNOWLEDGED (or EXECUTED when the HES says so) with a result deadline; a 4xx refusal → FAILED;
 * 5xx, 429 and unreachable → REQUESTED again until the last attempt, after which the outbox marks the message DEAD and
 * {@link #dead} fails the command with the reason, in that same transaction. A command cancelled, answered by the
 * HES's callback or ended meanwhile is not sent.
 */
@Component
class CommandSender implements OutboxHandler {
    static final String KIND = "command";
    /** The actor the audit trail names for the MDM's own steps. */
    static final String DISPATCHER = "mdm.dispatcher";
    /** How long a command being sent is left to its call before the outbox takes it as interrupted. */
    private static final Duration SEND_LEASE = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Commands commands;
    private final MeterService meters;
    private final VendorMappingService mappings;
    private final HesCommandClient client;
    private final CommandSettings settings;
    private final Clock clock;

    CommandSender(JdbcClient jdbc, TransactionTemplate transactions, Commands commands, MeterService meters,
                  VendorMappingService mappings, HesCommandClient client, CommandSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.meters = meters;
        this.mappings = mappings;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** The message that sends a command, enqueued in the transaction that issues it. */
    static Outbox.Message message(UUID commandId) {
        return CommandMessages.about(KIND, commandId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public KindSettings defaults() {
        return new KindSettings(settings.maxAttempts(), settings.backoff(), null, SEND_LEASE, null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        UUID id = CommandMessages.commandOf(message);
        Optional<Command> found = transactions.execute(status -> markSent(id));
        if (found.isEmpty()) return Outcome.permanentFailure("command " + id + " no longer exists");
        Command command = found.get();
        if (command.status() != CommandStatus.SENT) {
            if (command.status() == CommandStatus.FAILED || command.status() == CommandStatus.TIMED_OUT) {
                return Outcome.permanentFailure("the command already ended " + command.status()
                        + "; issue a new command to send it again");
            }
            return Outcome.delivered(); // cancelled, or the HES answered (its callback) before this attempt: nothing to send
        }
        String serial = meters.get(command.meterId()).serial();
        PayloadMapping.PullEndpoint endpoint = mappings.current(command.vendorId()).map(m -> m.mapping().pull())
                .filter(pull -> pull.commandPath() != null).orElse(null);
        if (endpoint == null) return Outcome.permanentFailure("the HES vendor's mapping has no command_path any more");
        HesCommandClient.Outcome outcome = client.send(endpoint, command, serial);
        if (outcome instanceof HesCommandClient.Accepted accepted) {
            accepted(command, accepted);
            return Outcome.delivered();
        }
        if (outcome instanceof HesCommandClient.NotSent notSent) return Outcome.permanentFailure(notSent.reason());
        if (outcome instanceof HesCommandClient.Refused refused) {
            finish(id, CommandStatus.FAILED, refused.reason());
            return Outcome.delivered(); // the HES had it and said no: the command's end, not a delivery to retry
        }
        String reason = ((HesCommandClient.Retryable) outcome).reason();
        if (!message.lastAttempt()) retryLater(command, reason, message.retryDelay());
        return Outcome.retry(reason);
    }

    /** The message died (its attempts ran out, or it could not be sent at all): the command fails with the reason. */
    @Override
    public void dead(OutboxMessage message, String reason) {
        finish(CommandMessages.commandOf(message), CommandStatus.FAILED, reason);
    }

    /**
     * A command to send is marked SENT with one more attempt (a SENT command met again was interrupted, and is sent
     * again); returns the command as it is now, whatever its state.
     */
    private Optional<Command> markSent(UUID id) {
        Optional<Command> command = jdbc.sql("select * from meter_command where id = ? for update").param(id)
                .query(commands::read).optional();
        if (command.isEmpty()) return command;
        CommandStatus status = command.get().status();
        if (status != CommandStatus.REQUESTED && status != CommandStatus.SENT) return command;
        jdbc.sql("""
                        update meter_command set status = 'SENT', attempts = attempts + 1, sent_at = ?, transition_by = ?,
                                                 transition_at = ?,
                                                 transition_note = case when status = 'SENT'
                                                     then 'sent again: the previous call did not finish' end
                         where id = ?""")
                .params(now(), DISPATCHER, now(), id).update();
        return Optional.of(commands.get(id));
    }

    private void accepted(Command command, HesCommandClient.Accepted accepted) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update meter_command set status = ?, acknowledged_at = ?, hes_reference = ?, reason = null,
                                   completed_at = case when ? then ?::timestamptz end,
                                   result_due_at = case when ? then null else ?::timestamptz end,
                                   transition_by = ?, transition_at = ?, transition_note = ?
                             where id = ? and status = 'SENT'""")
                    .params(accepted.executed() ? "EXECUTED" : "ACKNOWLEDGED", now(), accepted.reference(), accepted.executed(),
                            now(), accepted.executed(), Timestamp.from(clock.instant().plus(settings.resultTimeout())),
                            DISPATCHER, now(),
                            "the HES accepted the command" + (accepted.executed() ? " and executed it at once" : "")
                                    + (accepted.reference() == null ? "" : " (reference " + accepted.reference() + ")"),
                            command.id())
                    .update();
            if (updated == 1 && accepted.executed()) commands.announceCompleted(command.id());
        });
    }

    /** Back to REQUESTED with the reason and when the next attempt comes (the outbox's delay). */
    private void retryLater(Command command, String reason, Duration delay) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update meter_command set status = 'REQUESTED', reason = ?, transition_by = ?, transition_at = ?,
                               transition_note = ?
                         where id = ? and status = 'SENT'""")
                .params(reason, DISPATCHER, now(), reason + "; attempt " + (command.attempts() + 1) + " in " + delay,
                        command.id())
                .update());
    }

    /** Ends a command being sent (or waiting for its next attempt), unless it has left those states meanwhile. */
    private void finish(UUID id, CommandStatus to, String reason) {
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                            update meter_command set status = ?, reason = ?, completed_at = ?, transition_by = ?, transition_at = ?
                             where id = ? and status in ('REQUESTED', 'SENT')""")
                    .params(to.name(), reason, now(), DISPATCHER, now(), id).update();
            if (updated == 1) commands.announceCompleted(id);
        });
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
