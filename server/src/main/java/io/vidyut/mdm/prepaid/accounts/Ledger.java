package io.vidyut.mdm.prepaid.accounts;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts' append-only ledger. Posting locks the accounts' rows, so entries of a recharge and of the daily run
 * racing for one account are written one after the other, each with the balance after it, and the account keeps
 * the last: the balance is the ledger's sum, exactly, whatever the interleaving.
 */
@Component
public class Ledger {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AccountStore accounts;
    private final Clock clock;

    Ledger(JdbcClient jdbc, JdbcTemplate template, AccountStore accounts, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * An entry to post: credit positive, debit negative, to the paisa; why (the tariff's charge line, a rule, a
     * reason); the day a charge is for; the tariff version and data version that made it; the recharge it belongs to.
     */
    public record Entry(EntryType type, BigDecimal amount, LocalDate day, String description, UUID tariffId, Integer tariffVersion,
                        Long dataVersion, UUID rechargeId) {
        public Entry {
            if (amount.scale() > 2) throw new IllegalArgumentException("an entry is to the paisa: " + amount);
        }

        public static Entry of(EntryType type, BigDecimal amount, String description) {
            return new Entry(type, amount, null, description, null, null, null, null);
        }
    }

    /** An account's balance before and after a posting, and since when it is at or below zero (null while positive). */
    public record Posted(UUID accountId, BigDecimal before, BigDecimal after, Instant zeroSince) {
        public boolean fellToZero() {
            return before.signum() > 0 && after.signum() <= 0;
        }
    }

    /** A ledger entry as stored. */
    public record LedgerEntry(long id, EntryType type, BigDecimal amount, BigDecimal balanceAfter, LocalDate day, String description,
                              UUID tariffId, Integer tariffVersion, Long dataVersion, UUID rechargeId, String postedBy,
                              Instant postedAt) {}

    @Transactional
    public Posted post(UUID accountId, List<Entry> entries, String postedBy) {
        return post(Map.of(accountId, entries), postedBy).get(accountId);
    }

    /** In the caller's transaction of the tenant; accounts are locked in id order (two postings never deadlock). */
    @Transactional
    public Map<UUID, Posted> post(Map<UUID, List<Entry>> entries, String postedBy) {
        Instant now = clock.instant();
        Map<UUID, PrepaidAccount> locked = accounts.lock(entries.keySet());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> balances = new ArrayList<>();
        Map<UUID, Posted> posted = new HashMap<>();
        UUID tenant = TenantContext.requireTenantId();
        for (Map.Entry<UUID, List<Entry>> e : entries.entrySet()) {
            PrepaidAccount account = locked.get(e.getKey());
            if (account == null) throw new IllegalArgumentException("no account " + e.getKey());
            BigDecimal balance = account.balance();
            for (Entry entry : e.getValue()) {
                balance = balance.add(entry.amount());
                rows.add(new Object[] {tenant, account.id(), entry.type().name(), entry.amount(), balance,
                        entry.day() == null ? null : Date.valueOf(entry.day()), entry.description(), entry.tariffId(),
                        entry.tariffVersion(), entry.dataVersion(), entry.rechargeId(), postedBy, Timestamp.from(now)});
            }
            Instant zeroSince = balance.signum() > 0 ? null : account.zeroSince() != null ? account.zeroSince() : now;
            balances.add(new Object[] {balance, zeroSince == null ? null : Timestamp.from(zeroSince), account.id()});
            posted.put(account.id(), new Posted(account.id(), account.balance(), balance, zeroSince));
        }
        template.batchUpdate("""
                insert into prepaid_ledger (tenant_id, account_id, entry_type, amount, balance_after, day, description, tariff_id,
                                            tariff_version, data_version, recharge_id, posted_by, posted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {Types.OTHER, Types.OTHER, Types.VARCHAR,
                Types.NUMERIC, Types.NUMERIC, Types.DATE, Types.VARCHAR, Types.OTHER, Types.INTEGER, Types.BIGINT, Types.OTHER,
                Types.VARCHAR, Types.TIMESTAMP});
        template.batchUpdate("update prepaid_account set balance = ?, zero_since = ? where id = ?", balances,
                new int[] {Types.NUMERIC, Types.TIMESTAMP, Types.OTHER});
        return posted;
    }

    /** An account's entries, the latest first. */
    @Transactional(readOnly = true)
    public Page<LedgerEntry> entries(UUID accountId, PageRequest page) {
        List<LedgerEntry> items = jdbc.sql("""
                        select id, entry_type, amount, balance_after, day, description, tariff_id, tariff_version, data_version,
                               recharge_id, posted_by, posted_at
                          from prepaid_ledger where account_id = ? order by id desc limit ? offset ?""")
                .params(accountId, page.size(), page.offset())
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), EntryType.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, UUID.class),
                        (Integer) rs.getObject(8), (Long) rs.getObject(9), rs.getObject(10, UUID.class), rs.getString(11),
                        rs.getTimestamp(12).toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from prepaid_ledger where account_id = ?").param(accountId).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** The opening balances posted to these accounts. */
    @Transactional(readOnly = true)
    public BigDecimal openingBalances(List<UUID> accountIds) {
        return jdbc.sql("select coalesce(sum(amount), 0) from prepaid_ledger where account_id = any(?) and entry_type = 'OPENING_BALANCE'")
                .param(accountIds.toArray(UUID[]::new)).query(BigDecimal.class).single().setScale(2);
    }

    /** The sum of an account's entries: what its balance must always be. */
    @Transactional(readOnly = true)
    public BigDecimal sum(UUID accountId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from prepaid_ledger where account_id = ?").param(accountId)
                .query(BigDecimal.class).single().setScale(2);
    }
}
