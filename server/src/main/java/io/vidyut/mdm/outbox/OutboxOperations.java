package io.vidyut.mdm.outbox;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an operator does with the current tenant's messages (row-level security keeps them to it). */
@Service
class OutboxOperations {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    OutboxOperations(JdbcClient jdbc, Outbox outbox, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<StoredMessage> list(MessageStatus status, String kind, PageRequest page) {
        return outbox.messages(kind, null, status, page);
    }

    @Transactional(readOnly = true)
    StoredMessage get(UUID id) {
        return jdbc.sql("select * from outbox_message where id = ?").param(id).query(outbox::read).optional()
                .orElseThrow(() -> new NotFoundException("Outbox message", id));
    }

    /** A DEAD message is pending again, due now, with a fresh set of attempts. */
    @Transactional
    StoredMessage redrive(UUID id, String user) {
        StoredMessage before = get(id);
        Timestamp now = Timestamp.from(clock.instant());
        int redriven = jdbc.sql("""
                        update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = null,
                                                  redriven_at = ?, redriven_by = ?
                         where id = ? and status = 'DEAD'""")
                .params(now, now, user, id).update();
        if (redriven == 0) throw new ConflictException("Outbox message is " + before.status() + "; only a DEAD message can be redriven");
        StoredMessage after = get(id);
        audit.record(AuditedAction.of("outbox_message.redriven", "outbox_message", id, before, after));
        return after;
    }

    /** A pending or dead message is given up: kept as DISCARDED (with who and why) until the retention deletes it. */
    @Transactional
    StoredMessage discard(UUID id, String user, String reason) {
        StoredMessage before = get(id);
        int discarded = jdbc.sql("""
                        update outbox_message set status = 'DISCARDED', discarded_at = ?, discarded_by = ?, discard_reason = ?
                         where id = ? and status in ('PENDING', 'DEAD')""")
                .params(Timestamp.from(clock.instant()), user, reason, id).update();
        if (discarded == 0) {
            throw new ConflictException("Outbox message is " + before.status() + "; only a PENDING or DEAD message can be discarded");
        }
        StoredMessage after = get(id);
        audit.record(AuditedAction.of("outbox_message.discarded", "outbox_message", id, before, after));
        return after;
    }
}
