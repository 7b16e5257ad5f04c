package io.vidyut.mdm.feed;

import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's feed, read by position (row-level security keeps it to the tenant). */
@Service
class Feed {
    static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;

    Feed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries after {@code position}, oldest first; types and meter narrow it when given. */
    @Transactional(readOnly = true)
    List<FeedEntry> after(long position, int limit, List<FeedType> types, UUID meterId) {
        TenantContext.requireTenantId();
        String code = TenantContext.current().orElseThrow().tenantCode();
        String[] typeNames = types.stream().map(t -> t.wireName).toArray(String[]::new);
        return jdbc.sql("""
                        select f.id, f.tenant_id, ? as tenant_code, f.pos, f.type, f.meter_id, f.occurred_at, f.data
                          from feed_event f
                         where f.pos > ? and (cardinality(?::text[]) = 0 or f.type = any(?::text[]))
                           and (?::uuid is null or f.meter_id = ?::uuid)
                         order by f.pos limit ?""")
                .params(code, position, typeNames, typeNames, meterId, meterId, limit)
                .query(Feed::entry).list();
    }

    static FeedEntry entry(ResultSet rs, int row) throws SQLException {
        return new FeedEntry(rs.getObject("id", UUID.class), rs.getLong("pos"), rs.getObject("tenant_id", UUID.class),
                rs.getString("tenant_code"), rs.getString("type"), rs.getObject("meter_id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("data"));
    }
}
