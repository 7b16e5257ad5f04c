package io.vidyut.mdm.audittrail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends one row to the current chain, in the caller's transaction (or its own): takes the chain's transaction
 * lock, reads the chain's last row, and inserts the next with the hash over it. The lock is held until the
 * transaction ends, so concurrent actions of one tenant append one after the other and a rolled-back action
 * leaves neither its row nor a gap.
 */
@Component
class AuditRecorder implements AuditTrail {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Redaction redaction;

    AuditRecorder(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.redaction = new Redaction(json);
    }

    private record Head(long seq, String hash) {
        static final Head EMPTY = new Head(0, ChainHash.GENESIS);
    }

    /** Before and after as PostgreSQL will store them: the text the hash covers must be what a later check reads. */
    private record StoredStates(String before, String after) {}

    @Override
    @Transactional
    public void record(AuditedAction action) {
        Caller caller = Caller.current(action.actor());
        Chain chain = Chain.current(jdbc);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(chain.lockKey()).query(Object.class).optional();
        // a statement after the lock: it sees the row of whoever held the lock before
        Head head = jdbc.sql("select seq, hash from audit_event where " + chain.where() + " order by seq desc limit 1")
                .params(chain.params()).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(Head.EMPTY);
        StoredStates states = jdbc.sql("select cast(? as jsonb)::text, cast(? as jsonb)::text")
                .params(redaction.redactedJson(action.before()), redaction.redactedJson(action.after()))
                .query((rs, n) -> new StoredStates(rs.getString(1), rs.getString(2))).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRow unhashed = new AuditRow(chain.tenantId(), head.seq() + 1, at, caller.actor(), caller.roles(),
                caller.address(), caller.requestId(), action.action(), action.targetType(), action.targetId(),
                states.before(), states.after(), head.hash(), null);
        String hash = ChainHash.of(head.hash(), unhashed);
        jdbc.sql("""
                        insert into audit_event (tenant_id, seq, at, actor, actor_roles, address, request_id, action,
                                                 target_type, target_id, before, after, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(chain.tenantId(), unhashed.seq(), Timestamp.from(at), caller.actor(),
                        caller.roles().toArray(String[]::new), caller.address(), caller.requestId(), action.action(),
                        action.targetType(), action.targetId(), states.before(), states.after(), head.hash(), hash)
                .update();
    }
}
