package io.vidyut.mdm.notifications;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.notifications.SmsGateway.SmsGatewayChange;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's SMS gateway (table {@code sms_gateway}, one row per tenant). The authentication header's value
 * comes in, is sealed ({@link SecretBox}) and is opened only to send ({@link #forSending}); the API never shows it.
 */
@Service
class SmsGateways {
    static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9]{6}");
    static final Pattern DLT_ENTITY_ID = Pattern.compile("[0-9]{12,25}");
    static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Headers the request sets itself, or that the HTTP client does not let a caller set. */
    static final Set<String> RESERVED_HEADERS = Set.of("accept", "connection", "content-length", "content-type", "expect",
            "host", "te", "trailer", "transfer-encoding", "upgrade");
    private static final int MAX_URL = 2000;
    private static final int MAX_HEADER_VALUE = 2000;

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final SmsSender sender;
    private final AuditTrail audit;
    private final Clock clock;

    SmsGateways(JdbcClient jdbc, SecretBox box, SmsSender sender, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.sender = sender;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored gateway with its authentication value sealed. */
    record Stored(SmsGateway gateway, String sealedAuthValue) {}

    /** The gateway with its authentication value open, to send with: never leaves this package, never logged. */
    record Opened(String url, String senderId, String dltEntityId, String authHeaderName, String authHeaderValue) {
        @Override
        public String toString() {
            return "Opened[" + url + ", " + senderId + "]";
        }
    }

    @Transactional(readOnly = true)
    Optional<SmsGateway> find() {
        return stored().map(Stored::gateway);
    }

    /** 404 when the tenant has none. */
    @Transactional(readOnly = true)
    SmsGateway get() {
        return find().orElseThrow(() -> new NotFoundException("SMS gateway", "of this tenant"));
    }

    /** Replaces the tenant's gateway (422 with every problem); the stored authentication value stays unless replaced. */
    @Transactional
    SmsGateway save(SmsGatewayChange change, String user) {
        // checked before the row is locked: the URL's check may wait for a name server
        String storedName = stored().map(s -> s.gateway().authHeaderName()).orElse(null);
        List<FieldError> problems = problems(change, storedName);
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        Optional<Stored> before = storedForUpdate();
        if (change.authHeaderValue() == null && change.authHeaderName() != null
                && !change.authHeaderName().equalsIgnoreCase(before.map(s -> s.gateway().authHeaderName()).orElse(""))) {
            throw FieldErrorsException.of("auth_header_value", "required with a new auth_header_name");
        }
        String sealed = before.map(Stored::sealedAuthValue).orElse(null);
        String name = change.authHeaderName();
        if (name == null) sealed = null;
        else if (change.authHeaderValue() != null) sealed = box.seal(change.authHeaderValue());
        boolean enabled = change.enabled() == null || change.enabled();
        jdbc.sql("""
                        insert into sms_gateway (tenant_id, url, sender_id, dlt_entity_id, auth_header_name, auth_header_value,
                          enabled, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set url = excluded.url, sender_id = excluded.sender_id,
                          dlt_entity_id = excluded.dlt_entity_id, auth_header_name = excluded.auth_header_name,
                          auth_header_value = excluded.auth_header_value, enabled = excluded.enabled,
                          updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), change.url().strip(), change.senderId(), change.dltEntityId(), name,
                        sealed, enabled, user, Timestamp.from(clock.instant()))
                .update();
        SmsGateway after = get();
        audit.record(AuditedAction.of("sms_gateway.saved", "sms_gateway", null, before.map(Stored::gateway).orElse(null), after));
        return after;
    }

    /** The enabled gateway, opened to send with; empty when the tenant has none or it is disabled. */
    @Transactional(readOnly = true)
    Optional<Opened> forSending() {
        return stored().filter(s -> s.gateway().enabled()).map(s -> new Opened(s.gateway().url(), s.gateway().senderId(),
                s.gateway().dltEntityId(), s.gateway().authHeaderName(), box.open(s.sealedAuthValue())));
    }

    /** The row locked, for re-sealing or a change. */
    Optional<Stored> storedForUpdate() {
        return jdbc.sql("select * from sms_gateway for update").query(SmsGateways::read).optional();
    }

    void reseal(String sealedAuthValue) {
        jdbc.sql("update sms_gateway set auth_header_value = ?").param(sealedAuthValue).update();
    }

    private Optional<Stored> stored() {
        return jdbc.sql("select * from sms_gateway").query(SmsGateways::read).optional();
    }

    private List<FieldError> problems(SmsGatewayChange change, String storedHeaderName) {
        List<FieldError> problems = new ArrayList<>();
        url(change.url(), problems);
        if (change.senderId() == null || !SENDER_ID.matcher(change.senderId()).matches()) {
            problems.add(new FieldError("sender_id", "required: the 6-character sender id (header) registered on the DLT platform"));
        }
        if (change.dltEntityId() == null || !DLT_ENTITY_ID.matcher(change.dltEntityId()).matches()) {
            problems.add(new FieldError("dlt_entity_id", "required: the principal entity id of the DLT registration, 12 to 25 digits"));
        }
        String name = change.authHeaderName();
        String value = change.authHeaderValue();
        if (name == null) {
            if (value != null) problems.add(new FieldError("auth_header_value", "only with auth_header_name"));
            return problems;
        }
        if (!HEADER_NAME.matcher(name).matches()) {
            problems.add(new FieldError("auth_header_name", "an HTTP header name: 1 to 64 of A-Z a-z 0-9 -"));
        } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldError("auth_header_name", "a header the request sets itself; use another (Authorization, X-Api-Key, …)"));
        }
        if (value == null) {
            if (storedHeaderName == null || !storedHeaderName.equalsIgnoreCase(name)) {
                problems.add(new FieldError("auth_header_value", "required with a new auth_header_name"));
            }
        } else if (value.isBlank() || value.length() > MAX_HEADER_VALUE
                || value.chars().anyMatch(c -> Character.isISOControl(c) || c > 0x7e)) {
            problems.add(new FieldError("auth_header_value", "1 to " + MAX_HEADER_VALUE + " printable ASCII characters"));
        }
        return problems;
    }

    private void url(String url, List<FieldError> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldError("url", "required: the gateway's https:// URL"));
            return;
        }
        if (url.length() > MAX_URL) {
            problems.add(new FieldError("url", "at most " + MAX_URL + " characters"));
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Objects.equals(scheme, "https") && !Objects.equals(scheme, "http") || uri.getHost() == null) {
                problems.add(new FieldError("url", "an absolute https:// or http:// URL with a host"));
                return;
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldError("url", "not a URL: " + e.getReason()));
            return;
        }
        sender.refusal(url.strip()).ifPresent(refusal -> problems.add(new FieldError("url", refusal)));
    }

    private static Stored read(ResultSet rs, int row) throws SQLException {
        String sealed = rs.getString("auth_header_value");
        SmsGateway gateway = new SmsGateway(rs.getString("url"), rs.getString("sender_id"), rs.getString("dlt_entity_id"),
                rs.getString("auth_header_name"), sealed != null, rs.getBoolean("enabled"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
        return new Stored(gateway, sealed);
    }
}
