package io.vidyut.mdm.notifications;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.notifications.StoredNotice.NoticeDelivery;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's notices and their deliveries (tables {@code notice}, {@code notice_delivery}; row-level
 * security keeps them to it). Every method runs in the caller's transaction.
 */
@Component
class NoticeStore {
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NoticeStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A delivery as its outbox handler reads it. */
    record Delivery(UUID id, UUID noticeId, NoticeChannel channel, String to, String subject, String body,
                    String dltTemplateId, DeliveryStatus status) {}

    /** Records the notice; empty when the tenant has one with this dedupe key already (nothing is written then). */
    Optional<UUID> insertNotice(UUID id, NoticeKind kind, UUID consumerId, String dedupeKey, Map<String, String> values,
                                Instant now) {
        return jdbc.sql("""
                        insert into notice (id, tenant_id, kind, consumer_id, dedupe_key, placeholder_values, created_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (tenant_id, dedupe_key) do nothing
                        returning id""")
                .params(id, TenantContext.requireTenantId(), kind.name(), consumerId, dedupeKey, json.writeValueAsString(values),
                        Timestamp.from(now))
                .query(UUID.class).optional();
    }

    /** The notice recorded under a dedupe key. */
    Optional<UUID> noticeOfDedupeKey(String dedupeKey) {
        return jdbc.sql("select id from notice where dedupe_key = ?").param(dedupeKey).query(UUID.class).optional();
    }

    void insertDelivery(UUID id, UUID noticeId, NoticeChannel channel, String to, String subject, String body,
                        String dltTemplateId, DeliveryStatus status, String reason, Instant now) {
        jdbc.sql("""
                        insert into notice_delivery (id, tenant_id, notice_id, channel, to_address, subject, body, dlt_template_id,
                          status, last_error, sent_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), noticeId, channel.name(), to, subject, body, dltTemplateId,
                        status.name(), reason, status == DeliveryStatus.SENT ? Timestamp.from(now) : null, Timestamp.from(now))
                .update();
    }

    Optional<Delivery> delivery(UUID id) {
        return jdbc.sql("select * from notice_delivery where id = ?").param(id)
                .query((rs, n) -> new Delivery(id, rs.getObject("notice_id", UUID.class),
                        NoticeChannel.valueOf(rs.getString("channel")), rs.getString("to_address"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("dlt_template_id"), DeliveryStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** An attempt is being made: one more counted; a FAILED delivery an operator redrove is PENDING again. */
    void attempting(UUID id, Instant now) {
        jdbc.sql("""
                        update notice_delivery set attempts = attempts + 1, updated_at = ?,
                          status = case when status = 'FAILED' then 'PENDING' else status end
                         where id = ? and status in ('PENDING', 'FAILED')""")
                .params(Timestamp.from(now), id).update();
    }

    void sent(UUID id, String providerReference, Instant now) {
        jdbc.sql("""
                        update notice_delivery set status = 'SENT', sent_at = ?, provider_reference = ?, last_error = null,
                          updated_at = ?
                         where id = ? and status in ('PENDING', 'FAILED')""")
                .params(Timestamp.from(now), providerReference, Timestamp.from(now), id).update();
    }

    /** An attempt failed and another will be made. */
    void attemptFailed(UUID id, String error, Instant now) {
        jdbc.sql("update notice_delivery set last_error = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(limited(error), Timestamp.from(now), id).update();
    }

    /** No attempt will be made any more. */
    void failed(UUID id, String reason, Instant now) {
        jdbc.sql("""
                        update notice_delivery set status = 'FAILED', last_error = ?, updated_at = ?
                         where id = ? and status in ('PENDING', 'FAILED')""")
                .params(limited(reason), Timestamp.from(now), id).update();
    }

    /** When a notice of these kinds was last SENT to the consumer on one of these channels. */
    Optional<Instant> lastDelivered(UUID consumerId, Set<NoticeKind> kinds, Set<NoticeChannel> channels) {
        if (kinds.isEmpty() || channels.isEmpty()) return Optional.empty();
        Timestamp last = jdbc.sql("""
                        select max(d.sent_at) from notice n join notice_delivery d on d.notice_id = n.id
                         where n.consumer_id = ? and n.kind = any(?) and d.channel = any(?) and d.status = 'SENT'""")
                .params(consumerId, kinds.stream().map(Enum::name).toArray(String[]::new),
                        channels.stream().map(Enum::name).toArray(String[]::new))
                .query(Timestamp.class).optional().orElse(null);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    /** Notices newest first, of a consumer, of a kind, with a delivery in a status, when given; each with its deliveries. */
    Page<StoredNotice> list(UUID consumerId, NoticeKind kind, DeliveryStatus status, PageRequest page) {
        String where = " " + """
                where (:consumer::uuid is null or n.consumer_id = :consumer) and (:kind::text is null or n.kind = :kind)
                   and (:status::text is null or exists (select 1 from notice_delivery d where d.notice_id = n.id
                                                          and d.status = :status))""";
        String kindName = kind == null ? null : kind.name();
        String statusName = status == null ? null : status.name();
        List<StoredNotice> notices = jdbc.sql("select n.* from notice n" + where
                        + " order by n.created_at desc, n.id desc limit :limit offset :offset")
                .param("consumer", consumerId).param("kind", kindName).param("status", statusName)
                .param("limit", page.size()).param("offset", page.offset())
                .query(this::notice).list().stream().filter(java.util.Objects::nonNull).toList();
        long total = jdbc.sql("select count(*) from notice n" + where).param("consumer", consumerId).param("kind", kindName)
                .param("status", statusName).query(Long.class).single();
        return Page.of(withDeliveries(notices), page, total);
    }

    private List<StoredNotice> withDeliveries(List<StoredNotice> notices) {
        if (notices.isEmpty()) return notices;
        Map<UUID, List<NoticeDelivery>> byNotice = jdbc.sql("select * from notice_delivery where notice_id = any(?)")
                .param(notices.stream().map(StoredNotice::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("notice_id", UUID.class), delivery(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return notices.stream().map(notice -> new StoredNotice(notice.id(), notice.kind(), notice.consumerId(),
                notice.dedupeKey(), notice.values(), notice.createdAt(), byNotice.getOrDefault(notice.id(), List.of()).stream()
                .sorted(Comparator.comparing(NoticeDelivery::channel)).toList())).toList();
    }

    /** A notice without its deliveries; null for a kind this version of the code does not know. */
    private StoredNotice notice(ResultSet rs, int row) throws SQLException {
        NoticeKind kind;
        try {
            kind = NoticeKind.valueOf(rs.getString("kind"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new StoredNotice(rs.getObject("id", UUID.class), kind, rs.getObject("consumer_id", UUID.class),
                rs.getString("dedupe_key"), json.readValue(rs.getString("placeholder_values"), VALUES),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private static NoticeDelivery delivery(ResultSet rs) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new NoticeDelivery(rs.getObject("id", UUID.class), NoticeChannel.valueOf(rs.getString("channel")),
                rs.getString("to_address"), rs.getString("subject"), rs.getString("body"), rs.getString("dlt_template_id"),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("provider_reference"), sentAt == null ? null : sentAt.toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String limited(String text) {
        if (text == null) return null;
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
