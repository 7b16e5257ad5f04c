package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.security.SignedRequests;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who posted to the webhook: the billing system its {@code X-Mdm-Billing-System} header names, when the
 * {@code X-Mdm-Signature} was made with that system's current or previous secret over the {@code X-Mdm-Timestamp} and
 * the body ({@link SignedRequests} has the rules).
 */
@Component
class WebhookAuthenticator {
    static final String SYSTEM = "X-Mdm-Billing-System";
    static final String TIMESTAMP = "X-Mdm-Timestamp";
    static final String SIGNATURE = "X-Mdm-Signature";
    private static final SignedRequests.Kind KIND = new SignedRequests.Kind("billing_webhook", SYSTEM, TIMESTAMP, SIGNATURE,
            BillingSystemValidator.CODE);
    private final SignedRequests signed;
    private final BillingSystems systems;

    WebhookAuthenticator(SignedRequests signed, BillingSystems systems) {
        this.signed = signed;
        this.systems = systems;
    }

    /** The authenticated billing system: its tenant, to work in, and its id. */
    record Caller(TenantScope tenant, UUID systemId, String systemCode) {}

    Caller authenticate(String system, String timestamp, String signature, byte[] body) {
        var caller = signed.authenticate(KIND, system, timestamp, signature, body, code -> systems.signingSecrets(code)
                .map(s -> new SignedRequests.Secrets<>(s, s.current(), s.previous())));
        return new Caller(caller.tenant(), caller.system().systemId(), caller.system().code());
    }
}
