package io.vidyut.mdm.outbox;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues messages in the caller's transaction, and lets the module that enqueued them find or forget them again.
 * The tenant of a message is the transaction's (row-level security checks it), never a parameter.
 */
@Service
public class Outbox {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A message to enqueue. {@code payload} is anything the API's JSON mapper writes as an object (a record, a map).
     * Messages with the same {@code orderingKey} (within a tenant) are delivered one at a time in the order they were
     * enqueued: a later one waits while an earlier one is pending. {@code subject} says what the message is about, for
     * its module to find its messages again ({@link #messages}, {@link #deleteAll}): a subscription id, a command id.
     */
    public record Message(String kind, String orderingKey, String subject, Object payload) {
        public Message {
            Objects.requireNonNull(payload, "payload");
            if (kind == null || kind.length() > 50 || !KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("an outbox kind is lower case with dots or dashes, at most 50 characters: " + kind);
            }
        }

        public static Message of(String kind, Object payload) {
            return new Message(kind, null, null, payload);
        }

        public Message orderedBy(String key) {
            return new Message(kind, key, subject, payload);
        }

        public Message about(String what) {
            return new Message(kind, orderingKey, what, payload);
        }
    }

    /** Enqueues one message in the caller's transaction (there must be one); returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(Message message) {
        TenantContext.requireTenantId();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into outbox_message (id, tenant_id, kind, ordering_key, subject, payload, next_attempt_at, created_at)
                        values (?, mdm_current_tenant(), ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(id, message.kind(), message.orderingKey(), message.subject(), json.writeValueAsString(message.payload()),
                        now, now)
                .update();
        return id;
    }

    /** Enqueues messages in the caller's transaction, in this order; returns their ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> enqueueAll(List<Message> messages) {
        List<UUID> ids = new ArrayList<>(messages.size());
        for (Message message : messages) ids.add(enqueue(message));
        return ids;
    }

    /** The current tenant's messages of a kind (about a subject, in a status, when given), newest first. */
    @Transactional(readOnly = true)
    public Page<StoredMessage> messages(String kind, String subject, MessageStatus status, PageRequest page) {
        String where = " where (:kind::text is null or kind = :kind) and (:subject::text is null or subject = :subject)"
                + " and (:status::text is null or status = :status)";
        String statusName = status == null ? null : status.name();
        List<StoredMessage> items = jdbc.sql("select * from outbox_message" + where
                        + " order by created_at desc, seq desc limit :limit offset :offset")
                .param("kind", kind).param("subject", subject).param("status", statusName)
                .param("limit", page.size()).param("offset", page.offset()).query(this::read).list();
        long total = jdbc.sql("select count(*) from outbox_message" + where).param("kind", kind).param("subject", subject)
                .param("status", statusName).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Forgets every message of a kind about a subject, whatever its state (e.g. a deleted subscription's); returns how many. */
    @Transactional
    public int deleteAll(String kind, String subject) {
        return jdbc.sql("delete from outbox_message where kind = ? and subject = ?").params(kind, subject).update();
    }

    StoredMessage read(ResultSet rs, int row) throws SQLException {
        MessageStatus status = MessageStatus.valueOf(rs.getString("status"));
        JsonNode payload = json.readTree(rs.getString("payload"));
        return new StoredMessage(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("ordering_key"),
                rs.getString("subject"), status, rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"),
                status == MessageStatus.PENDING ? instant(rs, "next_attempt_at") : null, instant(rs, "delivered_at"),
                instant(rs, "dead_at"), instant(rs, "redriven_at"), rs.getString("redriven_by"), instant(rs, "discarded_at"),
                rs.getString("discarded_by"), rs.getString("discard_reason"), payload);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
