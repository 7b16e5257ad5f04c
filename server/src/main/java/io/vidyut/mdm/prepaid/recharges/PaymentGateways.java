package io.vidyut.mdm.prepaid.recharges;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.security.SignedRequests;
import io.vidyut.mdm.tenancy.TenantContext;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's payment gateways: adding one with its first signing secret, rotating the secret (the one replaced is
 * still accepted until the next rotation), enabling and disabling. A secret is made here, shown to the administrator
 * once and stored only sealed; the master key's rotation re-seals them ({@link PaymentGatewaySecrets}).
 */
@Service
class PaymentGateways {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, code, name, enabled, secret_rotated_at, created_by, created_at";
    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private final AuditTrail audit;

    PaymentGateways(JdbcClient jdbc, SecretBox box, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
        this.audit = audit;
    }

    record NewPaymentGateway(String code, String name) {}

    /** The gateway and its signing secret, shown this once. */
    record PaymentGatewaySecret(PaymentGateway gateway, String secret) {}

    @Transactional
    PaymentGatewaySecret create(NewPaymentGateway request, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (request.code() == null || !CODE.matcher(request.code()).matches()) problems.add(new FieldError("code", "1–32 of A–Z a–z 0–9 _ -"));
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            problems.add(new FieldError("name", "required, at most 100 characters"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        if (find(request.code()).isPresent()) throw FieldErrorsException.of("code", "the tenant has a gateway " + request.code());
        String secret = newSecret();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into prepaid_gateway (id, tenant_id, code, name, secret, secret_rotated_at, enabled, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), request.code(), request.name().strip(), box.seal(secret),
                        Timestamp.from(clock.instant()), user, Timestamp.from(clock.instant()))
                .update();
        PaymentGateway created = get(request.code());
        audit.record(AuditedAction.of("prepaid_gateway.created", "prepaid_gateway", id, null, created));
        return new PaymentGatewaySecret(created, secret);
    }

    @Transactional(readOnly = true)
    List<PaymentGateway> list() {
        return jdbc.sql("select " + COLUMNS + " from prepaid_gateway order by code").query(PaymentGateways::read).list();
    }

    @Transactional(readOnly = true)
    PaymentGateway get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("Payment gateway", code));
    }

    @Transactional
    PaymentGatewaySecret rotateSecret(String code) {
        PaymentGateway before = get(code);
        String secret = newSecret();
        jdbc.sql("update prepaid_gateway set previous_secret = secret, secret = ?, secret_rotated_at = ? where id = ?")
                .params(box.seal(secret), Timestamp.from(clock.instant()), before.id()).update();
        PaymentGateway after = get(code);
        audit.record(AuditedAction.of("prepaid_gateway.secret_rotated", "prepaid_gateway", before.id(), before, after));
        return new PaymentGatewaySecret(after, secret);
    }

    @Transactional
    PaymentGateway enable(String code, boolean enabled) {
        PaymentGateway before = get(code);
        jdbc.sql("update prepaid_gateway set enabled = ? where id = ?").params(enabled, before.id()).update();
        PaymentGateway after = get(code);
        audit.record(AuditedAction.of("prepaid_gateway.updated", "prepaid_gateway", before.id(), before, after));
        return after;
    }

    /** An enabled gateway's secrets, for checking a signature (a disabled gateway signs nothing that counts). */
    @Transactional(readOnly = true)
    Optional<SignedRequests.Secrets<PaymentGateway>> signingSecrets(String code) {
        return jdbc.sql("select " + COLUMNS + ", secret, previous_secret from prepaid_gateway where code = ? and enabled")
                .param(code)
                .query((rs, n) -> new SignedRequests.Secrets<>(read(rs, n), box.open(rs.getString("secret")),
                        box.open(rs.getString("previous_secret"))))
                .optional();
    }

    private Optional<PaymentGateway> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from prepaid_gateway where code = ?").param(code).query(PaymentGateways::read).optional();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "pgsec_" + HexFormat.of().formatHex(bytes);
    }

    private static PaymentGateway read(ResultSet rs, int n) throws SQLException {
        return new PaymentGateway(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getBoolean("enabled"),
                rs.getTimestamp("secret_rotated_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
