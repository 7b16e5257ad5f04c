package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Requests an outside system (a DISCOM billing system, a payment gateway) signs with a secret it shares with one
 * tenant: a caller header names {@code <tenant code>/<system code>}, a timestamp header carries epoch seconds within
 * {@link #TOLERANCE} of the MDM's clock (an old request replayed by someone who captured it is refused), and the
 * signature header is {@code sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>} made with the system's current
 * or previous secret (during a rotation), the same recipe as the MDM's own pushes. The tenant from the header counts
 * only once the tenant's own secret proved it: one tenant's secret can never post into another tenant. An unknown
 * tenant, an unknown system and a wrong signature are one and the same refusal.
 */
@Component
public class SignedRequests {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern TIMESTAMP_VALUE = Pattern.compile("\\d{1,12}");
    private static final Pattern SIGNATURE_VALUE = Pattern.compile("sha256=([0-9a-fA-F]{64})");
    private final TenantDirectory tenants;
    private final Clock clock;

    SignedRequests(TenantDirectory tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One kind of signed request: its name in metrics, its headers and the form of its systems' codes. */
    public record Kind(String name, String callerHeader, String timestampHeader, String signatureHeader, Pattern systemCode) {
        Pattern caller() {
            return Pattern.compile("([A-Za-z0-9_-]{1,64})/(" + systemCode.pattern() + ")");
        }
    }

    /** A system's secrets as its module keeps them, and what the module knows it by. */
    public record Secrets<T>(T system, String current, String previous) {}

    /** The authenticated system: its tenant, to work in, and what its module knows it by. */
    public record Caller<T>(TenantScope tenant, T system) {}

    /** {@code secretsOf} is called in the named tenant with the system code; throws {@link SignatureRefused}. */
    public <T> Caller<T> authenticate(Kind kind, String caller, String timestamp, String signature, byte[] body,
                                      Function<String, Optional<Secrets<T>>> secretsOf) {
        var callerMatch = caller == null ? null : kind.caller().matcher(caller.strip());
        var signatureMatch = signature == null ? null : SIGNATURE_VALUE.matcher(signature.strip());
        if (callerMatch == null || !callerMatch.matches() || timestamp == null || !TIMESTAMP_VALUE.matcher(timestamp).matches()
                || signatureMatch == null || !signatureMatch.matches()) {
            throw new SignatureRefused(kind.name(), "missing-headers", caller, "Send " + kind.callerHeader()
                    + ": <tenant code>/<system code>, " + kind.timestampHeader() + ": <epoch seconds> and " + kind.signatureHeader()
                    + ": sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > TOLERANCE.toSeconds()) {
            throw new SignatureRefused(kind.name(), "stale-timestamp", caller, kind.timestampHeader() + " is more than "
                    + TOLERANCE.toMinutes() + " minutes from the MDM's clock: sign each request when it is sent (and keep the clock in sync)");
        }
        byte[] presented = HexFormat.of().parseHex(signatureMatch.group(1));
        Optional<Tenant> tenant = tenants.findByCode(callerMatch.group(1));
        Optional<Caller<T>> found = tenant.flatMap(t -> {
            TenantScope scope = TenantScope.of(t.id(), t.code());
            return TenantContext.callAs(scope, () -> secretsOf.apply(callerMatch.group(2)))
                    // both compared, always (not ||): the time taken does not tell which secret matched
                    .filter(secrets -> matches(presented, secrets.current(), timestamp, body)
                            | matches(presented, secrets.previous(), timestamp, body))
                    .map(secrets -> new Caller<>(scope, secrets.system()));
        });
        return found.orElseThrow(() -> new SignatureRefused(kind.name(), "invalid-signature", caller, kind.signatureHeader()
                + " does not match: not made with a secret of " + caller.strip()));
    }

    /** Made over the body's bytes as they arrived, never a re-encoding of them; compared in constant time. */
    static boolean matches(byte[] presented, String secret, String timestamp, byte[] body) {
        if (secret == null) return false;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(presented, mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
