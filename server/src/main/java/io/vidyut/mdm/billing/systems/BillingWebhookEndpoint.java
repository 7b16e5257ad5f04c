package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.security.SelfAuthenticatedEndpoints;
import java.util.List;
import org.springframework.stereotype.Component;

/** The webhook needs no token: its requests are signed, and {@link WebhookAuthenticator} checks them. */
@Component
class BillingWebhookEndpoint implements SelfAuthenticatedEndpoints {
    @Override
    public List<String> postPaths() {
        return List.of(BillingWebhookController.PATH);
    }
}
