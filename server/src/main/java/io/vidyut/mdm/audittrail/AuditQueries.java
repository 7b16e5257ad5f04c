package io.vidyut.mdm.audittrail;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading the current chain: a page of a search, newest first, or every row of it as a stream (for exports). */
@Component
class AuditQueries {
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {};
    /** Rows fetched per round trip while streaming, so an export of a long trail never holds it all in memory. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final JsonMapper json;

    AuditQueries(JdbcClient jdbc, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.json = json;
    }

    @Transactional(readOnly = true)
    Page<AuditEvent> search(AuditFilter filter, PageRequest page) {
        Chain chain = Chain.current(jdbc);
        String where = filter.where(chain);
        List<AuditEvent> items = jdbc.sql("select * from audit_event where " + where
                        + " order by seq desc limit :limit offset :offset")
                .params(filter.params(chain)).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> event(row(rs))).list();
        long total = jdbc.sql("select count(*) from audit_event where " + where).params(filter.params(chain))
                .query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Every row the filter matches, newest first, handed over one at a time as the database returns them. */
    @Transactional(readOnly = true)
    void forEach(AuditFilter filter, Consumer<AuditEvent> each) {
        Chain chain = Chain.current(jdbc);
        streaming.sql("select * from audit_event where " + filter.where(chain) + " order by seq desc")
                .params(filter.params(chain)).query(rs -> { each.accept(event(row(rs))); });
    }

    /** The current chain in order, first row first, as stored (for checking it). */
    @Transactional(readOnly = true)
    <T> T walk(ChainWalker<T> walker) {
        Chain chain = Chain.current(jdbc);
        streaming.sql("select * from audit_event where " + chain.where() + " order by seq").params(chain.params())
                .query(rs -> { walker.accept(row(rs)); });
        return walker.result(chain);
    }

    /** Takes a chain's rows in order and says what it found. */
    interface ChainWalker<T> {
        void accept(AuditRow row);

        T result(Chain chain);
    }

    static AuditRow row(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getObject("tenant_id", UUID.class), rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                rs.getString("actor"), strings(rs.getArray("actor_roles")), rs.getString("address"),
                rs.getString("request_id"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("before"), rs.getString("after"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private AuditEvent event(AuditRow row) {
        return new AuditEvent(row.seq(), row.at(), row.actor(), row.actorRoles(), row.address(), row.requestId(),
                row.action(), row.targetType(), row.targetId(), state(row.before()), state(row.after()), row.hash());
    }

    private Map<String, Object> state(String text) {
        return text == null ? null : json.readValue(text, STATE);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
