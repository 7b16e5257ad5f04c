package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who posted to the webhook: the billing system its {@code X-Mdm-Billing-System} header names, when the
 * {@code X-Mdm-Signature} was made with that system's current or previous secret over the {@code X-Mdm-Timestamp} and
 * the body, and the timestamp is within {@link #TOLERANCE} of the MDM's clock (an old request replayed by someone who
 * captured it is refused). The tenant comes from the header but counts only once the tenant's own secret proved it:
 * one tenant's secret can never post into another tenant.
 */
@Component
class WebhookAuthenticator {
    static final String SYSTEM = "X-Mdm-Billing-System";
    static final String TIMESTAMP = "X-Mdm-Timestamp";
    static final String SIGNATURE = "X-Mdm-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern SYSTEM_VALUE = Pattern.compile("([A-Za-z0-9_-]{1,64})/(" + BillingSystemValidator.CODE.pattern() + ")");
    private static final Pattern TIMESTAMP_VALUE = Pattern.compile("\\d{1,12}");
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("sha256=([0-9a-fA-F]{64})");
    private final TenantDirectory tenants;
    private final BillingSystems systems;
    private final Clock clock;

    WebhookAuthenticator(TenantDirectory tenants, BillingSystems systems, Clock clock) {
        this.tenants = tenants;
        this.systems = systems;
        this.clock = clock;
    }

    /** The authenticated billing system: its tenant, to work in, and its id. */
    record Caller(TenantScope tenant, UUID systemId, String systemCode) {}

    Caller authenticate(String system, String timestamp, String signature, byte[] body) {
        var systemMatch = system == null ? null : SYSTEM_VALUE.matcher(system.strip());
        var signatureMatch = signature == null ? null : SIGNATURE_VALUE.matcher(signature.strip());
        if (systemMatch == null || !systemMatch.matches() || timestamp == null || !TIMESTAMP_VALUE.matcher(timestamp).matches()
                || signatureMatch == null || !signatureMatch.matches()) {
            throw new WebhookRefused("missing-headers", "Send " + SYSTEM + ": <tenant code>/<system code>, " + TIMESTAMP
                    + ": <epoch seconds> and " + SIGNATURE + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > TOLERANCE.toSeconds()) {
            throw new WebhookRefused("stale-timestamp", TIMESTAMP + " is more than " + TOLERANCE.toMinutes()
                    + " minutes from the MDM's clock: sign each request when it is sent (and keep the clock in sync)");
        }
        byte[] presented = HexFormat.of().parseHex(signatureMatch.group(1));
        Optional<Tenant> tenant = tenants.findByCode(systemMatch.group(1));
        Optional<Caller> caller = tenant.flatMap(t -> {
            TenantScope scope = TenantScope.of(t.id(), t.code());
            return TenantContext.callAs(scope, () -> systems.signingSecrets(systemMatch.group(2)))
                    // both compared, always (not ||): the time taken does not tell which secret matched
                    .filter(secrets -> WebhookSignature.matches(presented, secrets.current(), timestamp, body)
                            | WebhookSignature.matches(presented, secrets.previous(), timestamp, body))
                    .map(secrets -> new Caller(scope, secrets.systemId(), secrets.code()));
        });
        // an unknown tenant or system is told apart from a wrong signature by nobody: all three are the same refusal
        return caller.orElseThrow(() -> new WebhookRefused("invalid-signature", SIGNATURE
                + " does not match: not made with a secret of billing system " + system.strip()));
    }
}
