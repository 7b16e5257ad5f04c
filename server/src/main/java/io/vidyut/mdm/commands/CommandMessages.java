package io.vidyut.mdm.commands;

import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxMessage;
import java.util.Map;
import java.util.UUID;

/** The outbox messages of commands (sending one, fetching a read's result) name the command they are about. */
final class CommandMessages {
    private CommandMessages() {}

    static Outbox.Message about(String kind, UUID commandId) {
        return Outbox.Message.of(kind, Map.of("command_id", commandId)).about(commandId.toString());
    }

    static UUID commandOf(OutboxMessage message) {
        return UUID.fromString(message.payload().get("command_id").asString());
    }
}
