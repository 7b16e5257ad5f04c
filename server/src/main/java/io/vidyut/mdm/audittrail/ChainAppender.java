package io.vidyut.mdm.audittrail;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends records to the current transaction's chain: takes the chain's transaction lock, reads the chain's last
 * row, and inserts each record with the hash over its predecessor. The lock is held until the transaction ends, so
 * concurrent transactions of one tenant append one after the other, and a rolled-back transaction leaves neither
 * its rows nor a gap.
 */
@Component
class ChainAppender {
    private final JdbcClient jdbc;

    ChainAppender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long seq, String hash) {
        static final Head EMPTY = new Head(0, ChainHash.GENESIS);
    }

    /** Before and after as PostgreSQL stores them: the text the hash covers must be what a later check reads. */
    private record StoredStates(String before, String after) {}

    /** Must run inside a transaction. */
    void append(List<PendingRecord> records) {
        if (records.isEmpty()) return;
        Chain chain = Chain.current(jdbc);
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(chain.lockKey()).query(Object.class).optional();
        // a statement after the lock: it sees the rows of whoever held the lock before
        Head head = jdbc.sql("select seq, hash from audit_event where " + chain.where() + " order by seq desc limit 1")
                .params(chain.params()).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(Head.EMPTY);
        for (PendingRecord record : records) head = insert(chain, head, record);
    }

    private Head insert(Chain chain, Head head, PendingRecord record) {
        StoredStates states = jdbc.sql("select cast(? as jsonb)::text, cast(? as jsonb)::text")
                .params(record.before(), record.after())
                .query((rs, n) -> new StoredStates(rs.getString(1), rs.getString(2))).single();
        Caller caller = record.caller();
        AuditRow row = new AuditRow(chain.tenantId(), head.seq() + 1, record.at(), caller.actor(), caller.roles(),
                caller.address(), caller.requestId(), record.action(), record.targetType(), record.targetId(),
                states.before(), states.after(), head.hash(), null);
        String hash = ChainHash.of(head.hash(), row);
        jdbc.sql("""
                        insert into audit_event (tenant_id, seq, at, actor, actor_roles, address, request_id, action,
                                                 target_type, target_id, before, after, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(chain.tenantId(), row.seq(), Timestamp.from(row.at()), row.actor(),
                        row.actorRoles().toArray(String[]::new), row.address(), row.requestId(), row.action(),
                        row.targetType(), row.targetId(), row.before(), row.after(), row.prevHash(), hash)
                .update();
        return new Head(row.seq(), hash);
    }
}
