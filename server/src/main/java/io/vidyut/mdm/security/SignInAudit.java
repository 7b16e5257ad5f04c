package io.vidyut.mdm.security;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-ins, sign-outs and tenant switches in the audit trail. A sign-in happens before any tenant is known, so it is
 * recorded in the trail of the account's tenant (where its administrators look), or the platform's for platform
 * accounts and usernames that match no account. The actor is the username given.
 */
@Component
class SignInAudit {
    private final AuditTrail trail;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SignInAudit(AuditTrail trail, JdbcClient jdbc, TransactionTemplate transactions) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    void succeeded(UserService.SignedIn user, UUID sessionId) {
        TenantScope scope = user.tenantId() == null ? TenantScope.platformScope()
                : TenantScope.of(user.tenantId(), user.tenantCode());
        TenantContext.runAs(scope, () -> trail.record(
                AuditedAction.of("sign_in.succeeded", "session", sessionId, null, null).by(user.username())));
    }

    /** A wrong password, unknown username or disabled account; {@code locked}: this failure locked the account. */
    void failed(String username, boolean locked) {
        TenantContext.runAs(scopeOfAccount(username), () -> trail.record(
                AuditedAction.of(locked ? "sign_in.locked" : "sign_in.failed", null, null, null, null).by(username)));
    }

    void signedOut(UUID sessionId) {
        trail.record(AuditedAction.of("sign_out", "session", sessionId, null, null));
    }

    void switchedTenant(String tenantCode) {
        trail.record(AuditedAction.of("session.tenant_switched", "tenant", tenantCode, null, null));
    }

    private TenantScope scopeOfAccount(String username) {
        record Account(UUID tenantId, String tenantCode) {}
        Account account = transactions.execute(status -> jdbc.sql("select tenant_id, tenant_code from mdm_sign_in_lookup(?)")
                .param(username).query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional().orElse(null));
        return account == null || account.tenantId() == null ? TenantScope.platformScope()
                : TenantScope.of(account.tenantId(), account.tenantCode());
    }
}
