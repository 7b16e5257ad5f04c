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

/** The tenant's electrical network, circle down to DT. */
@Service
public class NetworkService {
    private final JdbcClient jdbc;

    NetworkService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewNode(NetworkLevel level, String code, String name, UUID parentId, BigDecimal capacityKva,
                          BigDecimal voltageKv) {}

    /** A node with how many children and consumers hang below it directly. */
    public record NodeSummary(NetworkNode node, long children, long consumers) {}

    @Transactional
    public NetworkNode create(NewNode node) {
        UUID tenant = TenantContext.requireTenantId();
        checkParent(node.level(), node.parentId());
        if (findByCode(node.code()).isPresent()) throw new ConflictException("Network node code " + node.code() + " exists");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into network_node (id, tenant_id, level, code, name, parent_id, capacity_kva, voltage_kv)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, node.level().name(), node.code(), node.name(), node.parentId(), node.capacityKva(),
                        node.voltageKv())
                .update();
        return get(id);
    }

    @Transactional
    public NetworkNode update(UUID id, String name, UUID parentId, BigDecimal capacityKva, BigDecimal voltageKv) {
        NetworkNode existing = get(id);
        UUID parent = parentId == null ? existing.parentId() : parentId;
        checkParent(existing.level(), parent);
        jdbc.sql("update network_node set name = ?, parent_id = ?, capacity_kva = ?, voltage_kv = ? where id = ?")
                .params(name == null ? existing.name() : name, parent,
                        capacityKva == null ? existing.capacityKva() : capacityKva,
                        voltageKv == null ? existing.voltageKv() : voltageKv, id)
                .update();
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("delete from network_node where id = ?").param(id).update();
    }

    @Transactional(readOnly = true)
    public NetworkNode get(UUID id) {
        return jdbc.sql("select * from network_node where id = ?").param(id).query(NetworkService::map).optional()
                .orElseThrow(() -> new NotFoundException("Network node", id));
    }

    @Transactional(readOnly = true)
    public Optional<NetworkNode> findByCode(String code) {
        return jdbc.sql("select * from network_node where code = ?").param(code).query(NetworkService::map).optional();
    }

    @Transactional(readOnly = true)
    public Page<NodeSummary> list(NetworkLevel level, UUID parentId, String search, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (level != null) {
            where.append(" and n.level = :level");
            params.put("level", level.name());
        }
        if (parentId != null) {
            where.append(" and n.parent_id = :parent");
            params.put("parent", parentId);
        }
        if (search != null && !search.isBlank()) {
            where.append(" and (n.code ilike :search or n.name ilike :search)");
            params.put("search", "%" + search.trim() + "%");
        }
        List<NodeSummary> items = jdbc.sql("""
                select n.*,
                       (select count(*) from network_node c where c.parent_id = n.id) as children,
                       (select count(*) from consumer s where s.dt_id = n.id) as consumers
                  from network_node n""" + where + " order by n.level, n.code limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new NodeSummary(map(rs, n), rs.getLong("children"), rs.getLong("consumers")))
                .list();
        long total = jdbc.sql("select count(*) from network_node n" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** The node and its ancestors up to the circle, top first. */
    @Transactional(readOnly = true)
    public List<NetworkNode> path(UUID id) {
        get(id);
        return jdbc.sql("""
                with recursive up as (
                  select n.*, 0 as depth from network_node n where n.id = ?
                  union all
                  select p.*, up.depth + 1 from network_node p join up on p.id = up.parent_id)
                select * from up order by depth desc""").param(id).query(NetworkService::map).list();
    }

    private void checkParent(NetworkLevel level, UUID parentId) {
        NetworkLevel expected = level.parentLevel();
        if (expected == null) {
            if (parentId != null) throw FieldErrorsException.of("parent_id", "a circle has no parent");
            return;
        }
        if (parentId == null) throw FieldErrorsException.of("parent_id", "a " + level + " needs a " + expected + " parent");
        NetworkNode parent = jdbc.sql("select * from network_node where id = ?").param(parentId)
                .query(NetworkService::map).optional()
                .orElseThrow(() -> FieldErrorsException.of("parent_id", "no network node " + parentId));
        if (parent.level() != expected) {
            throw FieldErrorsException.of("parent_id", "a " + level + " must hang below a " + expected + ", not a " + parent.level());
        }
    }

    static NetworkNode map(ResultSet rs, int row) throws SQLException {
        return new NetworkNode(rs.getObject("id", UUID.class), NetworkLevel.valueOf(rs.getString("level")),
                rs.getString("code"), rs.getString("name"), rs.getObject("parent_id", UUID.class),
                rs.getBigDecimal("capacity_kva"), rs.getBigDecimal("voltage_kv"), rs.getTimestamp("created_at").toInstant());
    }
}
