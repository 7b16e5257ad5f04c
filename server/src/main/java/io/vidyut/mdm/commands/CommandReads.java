package io.vidyut.mdm.commands;

import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.OnDemandReads;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches and ingests the result of an executed on-demand read (the HES's read_path, through the ingestion pipeline
 * like any push): the handler of the outbox's {@code command.read} messages, enqueued in the transaction that executed
 * the command. One try: the pull client retries within it, and the outcome goes into the command's audit trail either
 * way, so the message is delivered whatever the HES answered.
 */
@Component
class CommandReads implements OutboxHandler {
    static final String KIND = "command.read";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Commands commands;
    private final MeterService meters;
    private final OnDemandReads reads;
    private final Clock clock;

    CommandReads(JdbcClient jdbc, TransactionTemplate transactions, Commands commands, MeterService meters,
                 OnDemandReads reads, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.meters = meters;
        this.reads = reads;
        this.clock = clock;
    }

    /** The message that fetches an executed read's result and ingests it. */
    static Outbox.Message message(UUID commandId) {
        return CommandMessages.about(KIND, commandId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A read and its ingestion take a while: five minutes before another attempt may take it. */
    @Override
    public KindSettings defaults() {
        return new KindSettings(3, Duration.ofSeconds(30), null, Duration.ofMinutes(5), null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        UUID id = CommandMessages.commandOf(message);
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
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update meter_command set read_pending = false, read_batch_id = ?, transition_by = ?, transition_at = ?,
                                                 transition_note = ?
                         where id = ? and read_pending""")
                .params(batch, CommandSender.DISPATCHER, now, trail, id).update());
        return Outcome.delivered();
    }
}
