package io.vidyut.mdm.alarms;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's alarm rules; defaults until a tenant administrator saves its own. */
@Component
class AlarmRulesStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    AlarmRulesStore(JdbcClient jdbc, JsonMapper json, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    AlarmRules current() {
        return jdbc.sql("select rules from alarm_rules").query(String.class).optional()
                .map(rules -> json.readValue(rules, AlarmRules.class)).orElse(AlarmRules.DEFAULTS);
    }

    @Transactional
    AlarmRules save(AlarmRules rules, String user) {
        var problems = rules.problems();
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        AlarmRules previous = current();
        jdbc.sql("""
                        insert into alarm_rules (tenant_id, rules, updated_by, updated_at) values (?, ?::jsonb, ?, ?)
                        on conflict (tenant_id) do update set rules = excluded.rules, updated_at = excluded.updated_at,
                                                              updated_by = excluded.updated_by""")
                .params(TenantContext.requireTenantId(), json.writeValueAsString(rules), user, Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditedAction.of("alarm_rules.saved", "alarm_rules", null, previous, rules));
        return rules;
    }
}
