package io.vidyut.mdm.notifications;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.notifications.NoticeTemplate.NoticeTemplateChange;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's templates (table {@code notice_template}, row-level security keeping them to it): one per kind
 * and channel, the built-in text ({@link DefaultTemplates}) where the tenant has saved none.
 */
@Service
class NoticeTemplates {
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    NoticeTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every kind's template on every channel, the tenant's own where it has one, by kind and channel. */
    @Transactional(readOnly = true)
    List<NoticeTemplate> list() {
        Map<NoticeKind, Map<NoticeChannel, NoticeTemplate>> saved = new EnumMap<>(NoticeKind.class);
        for (NoticeTemplate template : jdbc.sql("select * from notice_template").query(NoticeTemplates::read).list()) {
            if (template == null) continue;
            saved.computeIfAbsent(template.kind(), k -> new EnumMap<>(NoticeChannel.class)).put(template.channel(), template);
        }
        List<NoticeTemplate> all = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            for (NoticeChannel channel : NoticeChannel.values()) {
                NoticeTemplate own = saved.getOrDefault(kind, Map.of()).get(channel);
                all.add(own != null ? own : NoticeTemplate.builtIn(kind, channel));
            }
        }
        return all;
    }

    /** The templates a notice of this kind is sent with, per channel. */
    @Transactional(readOnly = true)
    Map<NoticeChannel, NoticeTemplate> effective(NoticeKind kind) {
        Map<NoticeChannel, NoticeTemplate> templates = new EnumMap<>(NoticeChannel.class);
        for (NoticeChannel channel : NoticeChannel.values()) templates.put(channel, NoticeTemplate.builtIn(kind, channel));
        jdbc.sql("select * from notice_template where kind = ?").param(kind.name()).query(NoticeTemplates::read).list()
                .forEach(own -> templates.put(own.channel(), own));
        return templates;
    }

    /** Saves the tenant's text for a kind on a channel (422 with every problem); returns it as stored. */
    @Transactional
    NoticeTemplate save(NoticeKind kind, NoticeChannel channel, NoticeTemplateChange change, String user) {
        List<FieldError> problems = TemplateValidator.problems(kind, channel, change);
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        NoticeTemplate before = find(kind, channel).orElse(NoticeTemplate.builtIn(kind, channel));
        jdbc.sql("""
                        insert into notice_template (tenant_id, kind, channel, subject, body, dlt_template_id, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, kind, channel) do update set subject = excluded.subject, body = excluded.body,
                          dlt_template_id = excluded.dlt_template_id, updated_by = excluded.updated_by,
                          updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), kind.name(), channel.name(), change.subject(), change.body(),
                        change.dltTemplateId(), user, Timestamp.from(clock.instant()))
                .update();
        NoticeTemplate after = find(kind, channel).orElseThrow();
        audit.record(AuditedAction.of("notice_template.saved", "notice_template", kind + "/" + channel, before, after));
        return after;
    }

    /** Forgets the tenant's text, so the built-in one is used again (404 when it has none); returns the built-in one. */
    @Transactional
    NoticeTemplate delete(NoticeKind kind, NoticeChannel channel) {
        NoticeTemplate before = find(kind, channel).orElseThrow(() -> new NotFoundException("Saved template",
                kind + "/" + channel + " (the built-in text is in use)"));
        jdbc.sql("delete from notice_template where kind = ? and channel = ?").params(kind.name(), channel.name()).update();
        NoticeTemplate after = NoticeTemplate.builtIn(kind, channel);
        audit.record(AuditedAction.of("notice_template.deleted", "notice_template", kind + "/" + channel, before, after));
        return after;
    }

    private Optional<NoticeTemplate> find(NoticeKind kind, NoticeChannel channel) {
        return jdbc.sql("select * from notice_template where kind = ? and channel = ?").params(kind.name(), channel.name())
                .query(NoticeTemplates::read).optional();
    }

    /** A stored template; null for a kind this version of the code does not know (a row from a newer one). */
    private static NoticeTemplate read(ResultSet rs, int row) throws SQLException {
        NoticeKind kind;
        try {
            kind = NoticeKind.valueOf(rs.getString("kind"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new NoticeTemplate(kind, NoticeChannel.valueOf(rs.getString("channel")), rs.getString("subject"),
                rs.getString("body"), rs.getString("dlt_template_id"), kind.placeholders(), false, rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
