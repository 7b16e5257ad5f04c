package io.vidyut.mdm.meters;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.common.ids.TypedId;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkLevel;
import io.vidyut.mdm.network.NetworkNode;
import io.vidyut.mdm.network.NetworkService;
import io.vidyut.mdm.network.NetworkTopology.ConsumerOnDt;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The meter registry: serial unique per tenant, linked to its HES vendor and where it is installed. */
@Service
public class MeterService {
    private final JdbcClient jdbc;
    private final MeterDirectory directory;
    private final HesVendorService vendors;
    private final ConsumerService consumers;
    private final NetworkService network;
    private final NetworkTopology topology;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    MeterService(JdbcClient jdbc, MeterDirectory directory, HesVendorService vendors, ConsumerService consumers,
                 NetworkService network, NetworkTopology topology, org.springframework.context.ApplicationEventPublisher events,
                 Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.directory = directory;
        this.vendors = vendors;
        this.consumers = consumers;
        this.network = network;
        this.topology = topology;
        this.clock = clock;
    }

    public record MeterDetails(String serial, String make, String model, Phase phase, MeterCategory category,
                               BigDecimal ctRatio, BigDecimal ptRatio, UUID hesVendorId, UUID consumerId,
                               UUID networkNodeId, LifecycleStage lifecycleStage) {}

    public record MeterFilter(String serialPrefix, MeterCategory category, UUID hesVendorId, LifecycleStage stage,
                              Phase phase, UUID consumerId, UUID networkNodeId, UUID dtId) {}

    @Transactional
    public Meter create(MeterDetails details) {
        UUID tenant = TenantContext.requireTenantId();
        validate(details);
        if (jdbc.sql("select count(*) from meter where serial = ?").param(details.serial()).query(Long.class).single() > 0) {
            throw new ConflictException("Meter serial " + details.serial() + " exists");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into meter (id, tenant_id, serial, make, model, phase, category, ct_ratio, pt_ratio,
                                   hes_vendor_id, consumer_id, network_node_id, lifecycle_stage, stage_changed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant, details.serial(), details.make(), details.model(), details.phase().code(),
                        details.category().name(), or(details.ctRatio(), BigDecimal.ONE), or(details.ptRatio(), BigDecimal.ONE),
                        details.hesVendorId(), details.consumerId(), details.networkNodeId(),
                        (details.lifecycleStage() == null ? LifecycleStage.IN_INVENTORY : details.lifecycleStage()).name(),
                        now, now)
                .update();
        return get(id);
    }

    /** Changes registry attributes; lifecycle stage changes go through field operations. */
    @Transactional
    public Meter update(UUID id, MeterDetails changes) {
        Meter existing = get(id);
        MeterDetails merged = new MeterDetails(existing.serial(), or(changes.make(), existing.make()),
                or(changes.model(), existing.model()), or(changes.phase(), existing.phase()), existing.category(),
                or(changes.ctRatio(), existing.ctRatio()), or(changes.ptRatio(), existing.ptRatio()),
                or(changes.hesVendorId(), existing.hesVendorId()), or(changes.consumerId(), existing.consumerId()),
                or(changes.networkNodeId(), existing.networkNodeId()), existing.lifecycleStage());
        validate(merged);
        jdbc.sql("""
                update meter set make = ?, model = ?, phase = ?, ct_ratio = ?, pt_ratio = ?, hes_vendor_id = ?,
                       consumer_id = ?, network_node_id = ? where id = ?""")
                .params(merged.make(), merged.model(), merged.phase().code(), merged.ctRatio(), merged.ptRatio(),
                        merged.hesVendorId(), merged.consumerId(), merged.networkNodeId(), id)
                .update();
        directory.forget(TenantContext.requireTenantId(), existing.serial());
        Meter updated = get(id);
        if (updated.multiplier().compareTo(existing.multiplier()) != 0) {
            events.publishEvent(new MeterMultiplierChanged(TenantContext.requireTenantId(), id, existing.multiplier(),
                    updated.multiplier(), clock.instant()));
        }
        return updated;
    }

    @Transactional
    public void delete(UUID id) {
        Meter existing = get(id);
        if (existing.lifecycleStage() != LifecycleStage.IN_INVENTORY) {
            throw new ConflictException("Only meters still in inventory can be deleted; decommission the others");
        }
        jdbc.sql("delete from meter where id = ?").param(id).update();
        directory.forget(TenantContext.requireTenantId(), existing.serial());
    }

    @Transactional(readOnly = true)
    public Meter get(UUID id) {
        return jdbc.sql("select * from meter where id = ?").param(id).query(MeterService::map).optional()
                .orElseThrow(() -> new NotFoundException("Meter", id));
    }

    /** The meters of the current tenant among {@code ids}, in one query; ids it has no meter for are left out. */
    @Transactional(readOnly = true)
    public List<Meter> getAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from meter where id = any(?)").param(ids.toArray(UUID[]::new)).query(MeterService::map).list();
    }

    /** Every meter the consumers among {@code consumerIds} have had, decommissioned ones too (a replaced meter), in one query. */
    @Transactional(readOnly = true)
    public List<Meter> ofConsumers(java.util.Collection<UUID> consumerIds) {
        if (consumerIds.isEmpty()) return List.of();
        return jdbc.sql("select * from meter where consumer_id = any(?)").param(consumerIds.toArray(UUID[]::new))
                .query(MeterService::map).list();
    }

    @Transactional(readOnly = true)
    public Meter getBySerial(String serial) {
        return jdbc.sql("select * from meter where serial = ?").param(serial).query(MeterService::map).optional()
                .orElseThrow(() -> new NotFoundException("Meter", serial));
    }

    @Transactional(readOnly = true)
    public Page<Meter> list(MeterFilter filter, PageRequest page) {
        return list(filter, page, MeterSort.BY_SERIAL);
    }

    @Transactional(readOnly = true)
    public Page<Meter> list(MeterFilter filter, PageRequest page, MeterSort sort) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.serialPrefix() != null && !filter.serialPrefix().isBlank()) {
            where.append(" and m.serial like :serial");
            params.put("serial", filter.serialPrefix().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        condition(where, params, "m.category", "category", filter.category() == null ? null : filter.category().name());
        condition(where, params, "m.hes_vendor_id", "vendor", filter.hesVendorId());
        condition(where, params, "m.lifecycle_stage", "stage", filter.stage() == null ? null : filter.stage().name());
        condition(where, params, "m.phase", "phase", filter.phase() == null ? null : filter.phase().code());
        condition(where, params, "m.consumer_id", "consumer", filter.consumerId());
        condition(where, params, "m.network_node_id", "node", filter.networkNodeId());
        if (filter.dtId() != null) {
            where.append(" and (m.network_node_id = :dt or m.consumer_id = any(:dt_consumers))");
            params.put("dt", filter.dtId());
            params.put("dt_consumers", TypedId.uuids(topology.consumersUnder(List.of(new NodeId(filter.dtId()))).stream()
                    .map(ConsumerOnDt::consumer).toList()));
        }
        List<Meter> items = jdbc.sql("select m.* from meter m" + where + " order by " + sort.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(MeterService::map).list();
        long total = jdbc.sql("select count(*) from meter m" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String name, Object value) {
        if (value == null) return;
        where.append(" and ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    private void validate(MeterDetails details) {
        if (details.phase() == null) throw FieldErrorsException.of("phase", "required: 1P or 3P");
        if (details.category() == null) throw FieldErrorsException.of("category", "required");
        if (details.ctRatio() != null && details.ctRatio().signum() <= 0) throw FieldErrorsException.of("ct_ratio", "must be more than 0");
        if (details.ptRatio() != null && details.ptRatio().signum() <= 0) throw FieldErrorsException.of("pt_ratio", "must be more than 0");
        if (details.hesVendorId() != null) vendors.get(details.hesVendorId());
        if (details.consumerId() != null) {
            if (details.category() != MeterCategory.CONSUMER) {
                throw FieldErrorsException.of("consumer_id", "only CONSUMER meters are installed at a consumer");
            }
            consumers.get(details.consumerId());
        }
        if (details.networkNodeId() != null) {
            if (details.category() == MeterCategory.CONSUMER) {
                throw FieldErrorsException.of("network_node_id", "a CONSUMER meter is linked through its consumer");
            }
            NetworkNode node = network.get(details.networkNodeId());
            NetworkLevel expected = switch (details.category()) {
                case DT -> NetworkLevel.DT;
                case FEEDER -> NetworkLevel.FEEDER;
                default -> null;
            };
            if (expected != null && node.level() != expected) {
                throw FieldErrorsException.of("network_node_id", "a " + details.category() + " meter belongs to a "
                        + expected + ", not a " + node.level());
            }
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static BigDecimal multiplier(BigDecimal ct, BigDecimal pt) {
        BigDecimal product = ct.multiply(pt).stripTrailingZeros();
        return product.scale() < 0 ? product.setScale(0) : product;
    }

    static Meter map(ResultSet rs, int row) throws SQLException {
        BigDecimal ct = rs.getBigDecimal("ct_ratio");
        BigDecimal pt = rs.getBigDecimal("pt_ratio");
        return new Meter(rs.getObject("id", UUID.class), rs.getString("serial"), rs.getString("make"),
                rs.getString("model"), Phase.ofCode(rs.getString("phase")), MeterCategory.valueOf(rs.getString("category")),
                ct, pt, multiplier(ct, pt), rs.getObject("hes_vendor_id", UUID.class),
                rs.getObject("consumer_id", UUID.class), rs.getObject("network_node_id", UUID.class),
                LifecycleStage.valueOf(rs.getString("lifecycle_stage")), rs.getTimestamp("stage_changed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
