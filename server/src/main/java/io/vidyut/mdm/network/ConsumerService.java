package io.vidyut.mdm.network;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consumers (service points) of the tenant; the account number is their business key. */
@Service
public class ConsumerService {
    private final JdbcClient jdbc;

    ConsumerService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ConsumerDetails(String accountNo, String name, String address, BigDecimal latitude,
                                  BigDecimal longitude, String tariffCategory, BigDecimal sanctionedLoadKw,
                                  SupplyMode supplyMode, Boolean netMetered, UUID dtId) {}

    public record ConsumerFilter(UUID dtId, SupplyMode supplyMode, Boolean netMetered, String tariffCategory,
                                 String search) {}

    @Transactional
    public ConsumerAccount create(ConsumerDetails details) {
        UUID tenant = TenantContext.requireTenantId();
        validate(details);
        if (findByAccountNo(details.accountNo()).isPresent()) {
            throw new ConflictException("Account number " + details.accountNo() + " exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consumer (id, tenant_id, account_no, name, address, latitude, longitude, tariff_category,
                                      sanctioned_load_kw, supply_mode, net_metered, dt_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, details.accountNo(), details.name(), details.address(), details.latitude(),
                        details.longitude(), details.tariffCategory(), details.sanctionedLoadKw(),
                        details.supplyMode().name(), Boolean.TRUE.equals(details.netMetered()), details.dtId())
                .update();
        return get(id);
    }

    @Transactional
    public ConsumerAccount update(UUID id, ConsumerDetails details) {
        ConsumerAccount existing = get(id);
        ConsumerDetails merged = new ConsumerDetails(existing.accountNo(),
                or(details.name(), existing.name()), or(details.address(), existing.address()),
                or(details.latitude(), existing.latitude()), or(details.longitude(), existing.longitude()),
                or(details.tariffCategory(), existing.tariffCategory()),
                or(details.sanctionedLoadKw(), existing.sanctionedLoadKw()),
                or(details.supplyMode(), existing.supplyMode()), or(details.netMetered(), existing.netMetered()),
                or(details.dtId(), existing.dtId()));
        validate(merged);
        jdbc.sql("""
                update consumer set name = ?, address = ?, latitude = ?, longitude = ?, tariff_category = ?,
                       sanctioned_load_kw = ?, supply_mode = ?, net_metered = ?, dt_id = ? where id = ?""")
                .params(merged.name(), merged.address(), merged.latitude(), merged.longitude(), merged.tariffCategory(),
                        merged.sanctionedLoadKw(), merged.supplyMode().name(), merged.netMetered(), merged.dtId(), id)
                .update();
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("delete from consumer where id = ?").param(id).update();
    }

    @Transactional(readOnly = true)
    public ConsumerAccount get(UUID id) {
        return jdbc.sql("select * from consumer where id = ?").param(id).query(ConsumerService::map).optional()
                .orElseThrow(() -> new NotFoundException("Consumer", id));
    }

    /** The consumers of the current tenant among {@code ids}, in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public List<ConsumerAccount> getAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from consumer where id = any(?)").param(ids.toArray(UUID[]::new)).query(ConsumerService::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<ConsumerAccount> findByAccountNo(String accountNo) {
        return jdbc.sql("select * from consumer where account_no = ?").param(accountNo)
                .query(ConsumerService::map).optional();
    }

    @Transactional(readOnly = true)
    public Page<ConsumerAccount> list(ConsumerFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.dtId() != null) {
            where.append(" and dt_id = :dt");
            params.put("dt", filter.dtId());
        }
        if (filter.supplyMode() != null) {
            where.append(" and supply_mode = :mode");
            params.put("mode", filter.supplyMode().name());
        }
        if (filter.netMetered() != null) {
            where.append(" and net_metered = :net");
            params.put("net", filter.netMetered());
        }
        if (filter.tariffCategory() != null) {
            where.append(" and tariff_category = :tariff");
            params.put("tariff", filter.tariffCategory());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and (account_no ilike :search or name ilike :search)");
            params.put("search", "%" + filter.search().trim() + "%");
        }
        List<ConsumerAccount> items = jdbc.sql("select * from consumer" + where + " order by account_no limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(ConsumerService::map).list();
        long total = jdbc.sql("select count(*) from consumer" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    private void validate(ConsumerDetails details) {
        if (details.supplyMode() == null) throw FieldErrorsException.of("supply_mode", "required: PREPAID or POSTPAID");
        if (details.sanctionedLoadKw() == null || details.sanctionedLoadKw().signum() <= 0) {
            throw FieldErrorsException.of("sanctioned_load_kw", "must be more than 0");
        }
        if (details.dtId() != null) {
            String level = jdbc.sql("select level from network_node where id = ?").param(details.dtId())
                    .query(String.class).optional()
                    .orElseThrow(() -> FieldErrorsException.of("dt_id", "no network node " + details.dtId()));
            if (!NetworkLevel.DT.name().equals(level)) throw FieldErrorsException.of("dt_id", "must be a DT, not a " + level);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static ConsumerAccount map(ResultSet rs, int row) throws SQLException {
        return new ConsumerAccount(rs.getObject("id", UUID.class), rs.getString("account_no"), rs.getString("name"),
                rs.getString("address"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getString("tariff_category"), rs.getBigDecimal("sanctioned_load_kw"),
                SupplyMode.valueOf(rs.getString("supply_mode")), rs.getBoolean("net_metered"),
                rs.getObject("dt_id", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
