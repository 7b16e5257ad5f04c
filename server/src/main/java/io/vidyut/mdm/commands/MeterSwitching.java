package io.vidyut.mdm.commands;

import io.vidyut.mdm.meters.MeterService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disconnecting and reconnecting a meter's supply for another module (prepaid), through the same command routing as
 * an operator's: the command is recorded, audited and sent to the meter's HES by the outbox after the caller's
 * transaction commits; its end comes back as {@link CommandCompleted}.
 */
@Service
public class MeterSwitching {
    private final Commands commands;
    private final MeterService meters;

    MeterSwitching(Commands commands, MeterService meters) {
        this.commands = commands;
        this.meters = meters;
    }

    /** The command made, or why none could be (the meter's HES takes no commands); never throws for that. */
    public record Issued(UUID commandId, String refusal) {}

    /** Call in the caller's transaction; the same key again returns the first command and sends nothing more. */
    @Transactional
    public Issued disconnect(UUID meterId, String idempotencyKey, String requestedBy) {
        return issue(CommandType.DISCONNECT, meterId, idempotencyKey, requestedBy);
    }

    /** Call in the caller's transaction; the same key again returns the first command and sends nothing more. */
    @Transactional
    public Issued reconnect(UUID meterId, String idempotencyKey, String requestedBy) {
        return issue(CommandType.CONNECT, meterId, idempotencyKey, requestedBy);
    }

    private Issued issue(CommandType type, UUID meterId, String idempotencyKey, String requestedBy) {
        // checked first: a refusal thrown through the transactional issue would roll back the caller's transaction
        String refusal = commands.whyUnroutable(meters.get(meterId));
        if (refusal != null) return new Issued(null, refusal);
        return new Issued(commands.issue(new Commands.Issue(type, List.of(meterId), Map.of(), idempotencyKey), requestedBy)
                .commands().get(0).id(), null);
    }
}
