package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.systems.InboundEvent.BillComponentAmount;
import io.vidyut.mdm.billing.systems.InboundEvent.BillGenerated;
import io.vidyut.mdm.billing.systems.InboundEvent.PaymentReceived;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's inbound billing data: which events were accepted (the idempotency keys), the bills and
 * payments they carried, and the events rejected with their reasons. Row-level security keeps it to the tenant.
 */
@Component
class InboundStore {
    private static final TypeReference<List<BillComponentAmount>> AMOUNTS = new TypeReference<>() {};
    private static final TypeReference<List<FieldError>> REASONS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    InboundStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A bill as received, with the system that sent it and the consumer its account is. */
    record ReceivedBill(UUID id, String system, String eventId, UUID consumerId, String accountNo, String billNumber,
                        LocalDate periodFrom, LocalDate periodTo, LocalDate billDate, LocalDate dueDate,
                        List<BillComponentAmount> amounts, BigDecimal total, Instant receivedAt) {}

    record ReceivedPayment(UUID id, String system, String eventId, UUID consumerId, String accountNo, String receiptNo,
                           BigDecimal amount, Instant paidAt, InboundEvent.PaymentMode mode, String billNumber,
                           Instant receivedAt) {}

    /** An event kept as it was sent ({@code event}, the JSON), with why it was not stored. */
    record RejectedBillingEvent(UUID id, String system, String eventId, int eventIndex, String type, JsonNode event,
                                List<FieldError> reasons, Instant receivedAt) {}

    /** What the reads filter by: a consumer, an account, or neither. */
    record AccountFilter(UUID consumerId, String accountNo) {}

    boolean accepted(UUID systemId, String eventId) {
        return jdbc.sql("select exists (select 1 from billing_inbound_event where system_id = ? and event_id = ?)")
                .params(systemId, eventId).query(Boolean.class).single();
    }

    /** Claims the event id for this event; false when it is taken already (accepted meanwhile by another request). */
    boolean claim(UUID systemId, InboundEvent event, Instant now) {
        return jdbc.sql("""
                        insert into billing_inbound_event (tenant_id, system_id, event_id, type, received_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(TenantContext.requireTenantId(), systemId, event.eventId(), event.type().name(), Timestamp.from(now))
                .update() == 1;
    }

    /** Gives a claimed event id back, when its event could not be stored after all. */
    void release(UUID systemId, String eventId) {
        jdbc.sql("delete from billing_inbound_event where system_id = ? and event_id = ?").params(systemId, eventId).update();
    }

    /** Stores the bill; false when the system sent a bill of that number already (under another event id). */
    boolean insert(UUID systemId, UUID consumerId, BillGenerated bill, Instant now) {
        return jdbc.sql("""
                        insert into billing_bill (id, tenant_id, system_id, event_id, consumer_id, account_no, bill_number,
                          period_from, period_to, bill_date, due_date, amounts, total, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict (tenant_id, system_id, bill_number) do nothing""")
                .params(UUID.randomUUID(), TenantContext.requireTenantId(), systemId, bill.eventId(), consumerId,
                        bill.accountNo(), bill.billNumber(), bill.periodFrom(), bill.periodTo(), bill.billDate(),
                        bill.dueDate(), json.writeValueAsString(bill.amounts()), bill.total(), Timestamp.from(now))
                .update() == 1;
    }

    /** Stores the payment; false when the system sent a receipt of that number already (under another event id). */
    boolean insert(UUID systemId, UUID consumerId, PaymentReceived payment, Instant now) {
        return jdbc.sql("""
                        insert into billing_payment (id, tenant_id, system_id, event_id, consumer_id, account_no, receipt_no,
                          amount, paid_at, mode, bill_number, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, system_id, receipt_no) do nothing""")
                .params(UUID.randomUUID(), TenantContext.requireTenantId(), systemId, payment.eventId(), consumerId,
                        payment.accountNo(), payment.receiptNo(), payment.amount(), Timestamp.from(payment.paidAt()),
                        payment.mode().name(), payment.billNumber(), Timestamp.from(now))
                .update() == 1;
    }

    void reject(UUID systemId, int index, String eventId, InboundEvent.Type type, JsonNode event, List<FieldError> reasons,
                Instant now) {
        jdbc.sql("""
                        insert into billing_inbound_rejected (id, tenant_id, system_id, event_id, event_index, type, event,
                          reasons, received_at)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""")
                .params(UUID.randomUUID(), TenantContext.requireTenantId(), systemId, eventId, index,
                        type == null ? null : type.name(), json.writeValueAsString(event), json.writeValueAsString(reasons),
                        Timestamp.from(now))
                .update();
    }

    Page<ReceivedBill> bills(AccountFilter filter, PageRequest page) {
        return page("billing_bill", filter, "bill_date desc, b.received_at desc, b.id", page, this::bill);
    }

    Page<ReceivedPayment> payments(AccountFilter filter, PageRequest page) {
        return page("billing_payment", filter, "paid_at desc, b.id", page, this::payment);
    }

    Page<RejectedBillingEvent> rejected(PageRequest page) {
        long total = jdbc.sql("select count(*) from billing_inbound_rejected").query(Long.class).single();
        List<RejectedBillingEvent> items = jdbc.sql("""
                        select r.*, s.code as system from billing_inbound_rejected r join billing_system s on s.id = r.system_id
                        order by r.received_at desc, r.event_index limit ? offset ?""")
                .params(page.size(), page.offset()).query(this::rejectedEvent).list();
        return Page.of(items, page, total);
    }

    /** One page of bills or payments ({@code table} and {@code order} are this class's constants, never input). */
    private <T> Page<T> page(String table, AccountFilter filter, String order, PageRequest page,
                             org.springframework.jdbc.core.RowMapper<T> mapper) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (filter.consumerId() != null) {
            where.append(" and b.consumer_id = ?");
            params.add(filter.consumerId());
        }
        if (filter.accountNo() != null) {
            where.append(" and b.account_no = ?");
            params.add(filter.accountNo());
        }
        long total = jdbc.sql("select count(*) from " + table + " b" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<T> items = jdbc.sql("select b.*, s.code as system from " + table + " b join billing_system s on s.id = b.system_id"
                        + where + " order by b." + order + " limit ? offset ?")
                .params(paged).query(mapper).list();
        return Page.of(items, page, total);
    }

    private ReceivedBill bill(ResultSet rs, int row) throws SQLException {
        return new ReceivedBill(rs.getObject("id", UUID.class), rs.getString("system"), rs.getString("event_id"),
                rs.getObject("consumer_id", UUID.class), rs.getString("account_no"), rs.getString("bill_number"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                rs.getObject("bill_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                json.readValue(rs.getString("amounts"), AMOUNTS), rs.getBigDecimal("total"),
                rs.getTimestamp("received_at").toInstant());
    }

    private ReceivedPayment payment(ResultSet rs, int row) throws SQLException {
        return new ReceivedPayment(rs.getObject("id", UUID.class), rs.getString("system"), rs.getString("event_id"),
                rs.getObject("consumer_id", UUID.class), rs.getString("account_no"), rs.getString("receipt_no"),
                rs.getBigDecimal("amount"), rs.getTimestamp("paid_at").toInstant(),
                InboundEvent.PaymentMode.valueOf(rs.getString("mode")), rs.getString("bill_number"),
                rs.getTimestamp("received_at").toInstant());
    }

    private RejectedBillingEvent rejectedEvent(ResultSet rs, int row) throws SQLException {
        return new RejectedBillingEvent(rs.getObject("id", UUID.class), rs.getString("system"), rs.getString("event_id"),
                rs.getInt("event_index"), rs.getString("type"), json.readTree(rs.getString("event")),
                json.readValue(rs.getString("reasons"), REASONS), rs.getTimestamp("received_at").toInstant());
    }
}
