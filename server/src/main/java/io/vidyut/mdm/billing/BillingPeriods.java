package io.vidyut.mdm.billing;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.vee.EditGuard;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Billing periods closed for editing: an edit touching a locked day is refused. */
@Service
class BillingPeriods implements EditGuard {
    private final JdbcClient jdbc;
    private final TenantDirectory tenants;

    BillingPeriods(JdbcClient jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    record Lock(LocalDate firstDay, LocalDate lastDay, String lockedBy, Instant lockedAt) {}

    @Transactional
    Lock lock(LocalDate firstDay, LocalDate lastDay, String user) {
        if (firstDay == null) throw FieldErrorsException.of("first_day", "required");
        if (lastDay == null || lastDay.isBefore(firstDay)) throw FieldErrorsException.of("last_day", "required, not before first_day");
        boolean overlaps = jdbc.sql("select exists (select 1 from billing_period_lock where first_day <= ? and last_day >= ?)")
                .params(lastDay, firstDay).query(Boolean.class).single();
        if (overlaps) throw new ConflictException("The period overlaps a locked one");
        jdbc.sql("insert into billing_period_lock (tenant_id, first_day, last_day, locked_by) values (?, ?, ?, ?)")
                .params(TenantContext.requireTenantId(), firstDay, lastDay, user).update();
        return list().stream().filter(l -> l.firstDay().equals(firstDay)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<Lock> list() {
        return jdbc.sql("select first_day, last_day, locked_by, locked_at from billing_period_lock order by first_day")
                .query((rs, n) -> new Lock(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public Optional<String> refusal(UUID meterId, Instant firstAt, Instant lastAt) {
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        // an interval belongs to the day it starts in: the one ending at midnight is the day before's
        LocalDate first = firstAt.minusSeconds(1).atZone(zone).toLocalDate();
        LocalDate last = lastAt.minusSeconds(1).atZone(zone).toLocalDate();
        return jdbc.sql("""
                        select first_day, last_day from billing_period_lock where first_day <= ? and last_day >= ?
                         order by first_day limit 1""")
                .params(last, first)
                .query((rs, n) -> "The billing period " + rs.getObject(1, LocalDate.class) + " to "
                        + rs.getObject(2, LocalDate.class) + " is locked")
                .optional();
    }
}
