package io.vidyut.mdm.events;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads recorded events of the current tenant: filtered lists and episodes. */
@Service
class EventQueries {
    /** Episodes pair events in memory: a bounded period keeps that small. */
    static final Duration MAX_EPISODE_PERIOD = Duration.ofDays(92);

    private final JdbcClient jdbc;

    EventQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which events to list; null fields do not filter. */
    record Filter(UUID meterId, Instant from, Instant to, EventCategory category, Integer code, Boolean known) {
        Filter {
            if (from.isAfter(to)) throw FieldErrorsException.of("from", "must not be after to");
        }
    }

    @Transactional(readOnly = true)
    public Page<MeterEvent> list(Filter filter, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where occurred_at >= :from and occurred_at < :to");
        params.put("from", Timestamp.from(filter.from()));
        params.put("to", Timestamp.from(filter.to()));
        if (filter.meterId() != null) {
            where.append(" and meter_id = :meter");
            params.put("meter", filter.meterId());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.code() != null) {
            where.append(" and code = :code");
            params.put("code", filter.code());
        }
        if (filter.known() != null) {
            where.append(" and known = :known");
            params.put("known", filter.known());
        }
        List<MeterEvent> items = jdbc.sql("select * from meter_event" + where
                        + " order by occurred_at desc, event_key limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(EventRows::read).list();
        long total = jdbc.sql("select count(*) from meter_event" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Transactional(readOnly = true)
    public List<Episode> episodes(UUID meterId, Instant from, Instant to) {
        if (from.isAfter(to)) throw FieldErrorsException.of("from", "must not be after to");
        if (Duration.between(from, to).compareTo(MAX_EPISODE_PERIOD) > 0) {
            throw FieldErrorsException.of("to", "episodes cover at most " + MAX_EPISODE_PERIOD.toDays() + " days at a time");
        }
        List<MeterEvent> events = jdbc.sql("""
                        select * from meter_event where meter_id = ? and occurred_at >= ? and occurred_at < ? and known""")
                .params(meterId, Timestamp.from(from), Timestamp.from(to))
                .query(EventRows::read).list();
        return EpisodePairing.pair(events);
    }
}
