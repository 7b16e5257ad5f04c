package io.vidyut.mdm.prepaid.switching;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.prepaid.switching.SwitchOrder.Action;
import io.vidyut.mdm.prepaid.switching.SwitchOrder.Status;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's switch orders (table prepaid_switching). */
@Component
class SwitchOrders {
    private static final String COLUMNS = """
            s.id, s.account_id, a.account_no, s.meter_id, s.action, s.status, s.send_at, s.deadline, s.late, s.command_id, s.attempts,
            s.reason, s.last_error, s.requested_by, s.created_at, s.sent_at, s.completed_at""";
    private static final String FROM = " from prepaid_switching s join prepaid_account a on a.id = s.account_id";
    private final JdbcClient jdbc;

    SwitchOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID accountId, UUID meterId, Action action, Instant sendAt, Instant deadline, String reason, String user, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into prepaid_switching (id, tenant_id, account_id, meter_id, action, status, send_at, deadline, reason,
                                                       requested_by, created_at)
                        values (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), accountId, meterId, action.name(), Timestamp.from(sendAt),
                        deadline == null ? null : Timestamp.from(deadline), reason, user, Timestamp.from(now))
                .update();
        return id;
    }

    void sent(UUID id, UUID commandId, Instant now) {
        jdbc.sql("update prepaid_switching set status = 'SENT', command_id = ?, attempts = attempts + 1, sent_at = ? where id = ?")
                .params(commandId, Timestamp.from(now), id).update();
    }

    void ended(UUID id, Status status, String error, Instant now) {
        jdbc.sql("""
                        update prepaid_switching set status = ?, last_error = ?, completed_at = ?,
                               late = late or (deadline is not null and deadline < ?)
                         where id = ?""")
                .params(status.name(), error, Timestamp.from(now), Timestamp.from(now), id).update();
    }

    /** Open orders of the account (scheduled or sent). */
    List<SwitchOrder> open(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where s.account_id = ? and s.status in ('SCHEDULED', 'SENT') order by s.created_at")
                .param(accountId).query(SwitchOrders::read).list();
    }

    @Transactional(readOnly = true)
    SwitchOrder get(UUID id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where s.id = ?").param(id).query(SwitchOrders::read).single();
    }

    Optional<SwitchOrder> byCommand(UUID commandId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where s.command_id = ?").param(commandId).query(SwitchOrders::read).optional();
    }

    List<SwitchOrder> dueDisconnections(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + FROM + " where s.status = 'SCHEDULED' and s.action = 'DISCONNECT' and s.send_at <= ?"
                        + " order by s.send_at limit ?")
                .params(Timestamp.from(now), limit).query(SwitchOrders::read).list();
    }

    /** Reconnections past their deadline and not executed: late, the DISCOMs compensates. */
    int markLate(Instant now) {
        return jdbc.sql("""
                        update prepaid_switching set late = true
                         where action = 'RECONNECT' and status in ('SCHEDULED', 'SENT') and not late and deadline < ?""")
                .param(Timestamp.from(now)).update();
    }

    /** Disconnections sent today (tenant-local day from {@code dayStart}) per DT of the consumer. */
    Map<UUID, Integer> disconnectionsSince(Instant dayStart, Map<UUID, UUID> dtOfAccount) {
        Map<UUID, Integer> perDt = new HashMap<>();
        jdbc.sql("select account_id from prepaid_switching where action = 'DISCONNECT' and status in ('SENT', 'EXECUTED') and sent_at >= ?")
                .param(Timestamp.from(dayStart)).query(UUID.class).list()
                .forEach(account -> {
                    UUID dt = dtOfAccount.get(account);
                    if (dt != null) perDt.merge(dt, 1, Integer::sum);
                });
        return perDt;
    }

    @Transactional(readOnly = true)
    Page<SwitchOrder> list(Action action, Status status, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (action != null) {
            where.append(" and s.action = :action");
            params.put("action", action.name());
        }
        if (status != null) {
            where.append(" and s.status = :status");
            params.put("status", status.name());
        }
        List<SwitchOrder> items = jdbc.sql("select " + COLUMNS + FROM + where + " order by s.created_at desc, s.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(SwitchOrders::read).list();
        long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    private static SwitchOrder read(ResultSet rs, int n) throws SQLException {
        return new SwitchOrder(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("account_no"),
                rs.getObject("meter_id", UUID.class), Action.valueOf(rs.getString("action")), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("send_at").toInstant(), instant(rs.getTimestamp("deadline")), rs.getBoolean("late"),
                rs.getObject("command_id", UUID.class), rs.getInt("attempts"), rs.getString("reason"), rs.getString("last_error"),
                rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
