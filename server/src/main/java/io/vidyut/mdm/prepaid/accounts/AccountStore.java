package io.vidyut.mdm.prepaid.accounts;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount.Status;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount.Supply;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's prepaid accounts (row-level security keeps to the tenant). */
@Component
public class AccountStore {
    private static final String COLUMNS = """
            id, consumer_id, account_no, status, converted_on, balance, arrears, last_recharge_amount, last_recharge_at,
            zero_since, charged_through, supply, hold_rule, hold_explanation, hold_goes_at, hold_evaluated_at, opened_by, opened_at,
            closed_at""";
    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which accounts a list shows: by supply state, or only those at or below zero. */
    public record Filter(Status status, Supply supply, Boolean negative, String accountNo) {}

    void insert(PrepaidAccount account) {
        jdbc.sql("""
                        insert into prepaid_account (id, tenant_id, consumer_id, account_no, status, converted_on, balance, arrears,
                                                     supply, opened_by, opened_at)
                        values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(account.id(), TenantContext.requireTenantId(), account.consumerId(), account.accountNo(),
                        account.status().name(), account.convertedOn(), account.arrears(), account.supply().name(),
                        account.openedBy(), Timestamp.from(account.openedAt()))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<PrepaidAccount> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_account where id = ?").param(id).query(AccountStore::read).optional();
    }

    /** The consumer's open account, if any. */
    @Transactional(readOnly = true)
    public Optional<PrepaidAccount> openOf(UUID consumerId) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_account where consumer_id = ? and status = 'ACTIVE'")
                .param(consumerId).query(AccountStore::read).optional();
    }

    /** The open account of this account number, if any. */
    @Transactional(readOnly = true)
    public Optional<PrepaidAccount> openByAccountNo(String accountNo) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_account where account_no = ? and status = 'ACTIVE'")
                .param(accountNo).query(AccountStore::read).optional();
    }

    /** Locks the rows for the caller's transaction, in id order, and returns them as they now stand. */
    public Map<UUID, PrepaidAccount> lock(Collection<UUID> ids) {
        Map<UUID, PrepaidAccount> locked = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from prepaid_account where id = any(?) order by id for no key update")
                .param(ids.toArray(UUID[]::new)).query(AccountStore::read).list()
                .forEach(account -> locked.put(account.id(), account));
        return locked;
    }

    public PrepaidAccount lock(UUID id) {
        PrepaidAccount account = lock(List.of(id)).get(id);
        if (account == null) throw new IllegalArgumentException("no account " + id);
        return account;
    }

    /** Active accounts after {@code afterId} in id order: a run walks them in chunks. */
    @Transactional(readOnly = true)
    public List<PrepaidAccount> activeAfter(UUID afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_account where status = 'ACTIVE' and id > ? order by id limit ?")
                .params(afterId, limit).query(AccountStore::read).list();
    }

    @Transactional(readOnly = true)
    public Page<PrepaidAccount> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.supply() != null) {
            where.append(" and supply = :supply");
            params.put("supply", filter.supply().name());
        }
        if (Boolean.TRUE.equals(filter.negative())) where.append(" and status = 'ACTIVE' and balance <= 0");
        if (filter.accountNo() != null) {
            where.append(" and account_no = :accountNo");
            params.put("accountNo", filter.accountNo());
        }
        List<PrepaidAccount> items = jdbc.sql("select " + COLUMNS + " from prepaid_account" + where
                        + " order by balance, account_no limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(AccountStore::read).list();
        long total = jdbc.sql("select count(*) from prepaid_account" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    public BigDecimal arrears(List<UUID> ids) {
        return jdbc.sql("select coalesce(sum(arrears), 0) from prepaid_account where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(BigDecimal.class).single().setScale(2);
    }

    public void recharged(UUID id, BigDecimal amount, Instant at, BigDecimal arrears) {
        jdbc.sql("update prepaid_account set last_recharge_amount = ?, last_recharge_at = ?, arrears = ? where id = ?")
                .params(amount, Timestamp.from(at), arrears, id).update();
    }

    public void arrears(UUID id, BigDecimal arrears) {
        jdbc.sql("update prepaid_account set arrears = ? where id = ?").params(arrears, id).update();
    }

    public void chargedThrough(Collection<UUID> ids, LocalDate day) {
        jdbc.sql("update prepaid_account set charged_through = ? where id = any(?) and (charged_through is null or charged_through < ?)")
                .params(day, ids.toArray(UUID[]::new), day).update();
    }

    public void close(UUID id, Instant at) {
        jdbc.sql("update prepaid_account set status = 'CLOSED', closed_at = ?, hold_rule = null, hold_explanation = null, hold_goes_at = null"
                + " where id = ?").params(Timestamp.from(at), id).update();
    }

    public void supply(UUID id, Supply supply) {
        jdbc.sql("update prepaid_account set supply = ? where id = ?").params(supply.name(), id).update();
    }

    /** What holds the account's disconnection back now (all null: nothing, or it is not in negative balance). */
    public void hold(UUID id, String rule, String explanation, Instant goesAt, Instant evaluatedAt) {
        jdbc.sql("update prepaid_account set hold_rule = ?, hold_explanation = ?, hold_goes_at = ?, hold_evaluated_at = ? where id = ?")
                .params(rule, explanation, goesAt == null ? null : Timestamp.from(goesAt),
                        evaluatedAt == null ? null : Timestamp.from(evaluatedAt), id)
                .update();
    }

    /** Active accounts at or below zero with supply on and no disconnection or reconnection under way. */
    @Transactional(readOnly = true)
    public List<PrepaidAccount> negativeConnected(int limit) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_account a where status = 'ACTIVE' and balance <= 0 and supply = 'CONNECTED'"
                        + " and not exists (select 1 from prepaid_switching s where s.account_id = a.id and s.status in ('SCHEDULED', 'SENT'))"
                        + " order by balance, id limit ?")
                .param(limit).query(AccountStore::read).list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static PrepaidAccount read(ResultSet rs, int n) throws SQLException {
        Timestamp lastRecharge = rs.getTimestamp("last_recharge_at");
        Timestamp zeroSince = rs.getTimestamp("zero_since");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new PrepaidAccount(rs.getObject("id", UUID.class), rs.getObject("consumer_id", UUID.class), rs.getString("account_no"),
                Status.valueOf(rs.getString("status")), rs.getObject("converted_on", LocalDate.class), rs.getBigDecimal("balance"),
                rs.getBigDecimal("arrears"), rs.getBigDecimal("last_recharge_amount"),
                lastRecharge == null ? null : lastRecharge.toInstant(), zeroSince == null ? null : zeroSince.toInstant(),
                rs.getObject("charged_through", LocalDate.class), Supply.valueOf(rs.getString("supply")), rs.getString("hold_rule"),
                rs.getString("hold_explanation"), instant(rs.getTimestamp("hold_goes_at")), instant(rs.getTimestamp("hold_evaluated_at")),
                rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant());
    }
}
