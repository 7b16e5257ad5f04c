package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.common.OutboundTargets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Webhook URLs may not point into the MDM's own network ({@link OutboundTargets}) unless
 * {@code mdm.webhooks.allow-private-targets} is true. Checked when a subscription is made and again before every
 * delivery (a name may resolve elsewhere later).
 */
@Component
class WebhookTargetGuard {
    private final boolean allowPrivate;

    WebhookTargetGuard(WebhookSettings settings) {
        this.allowPrivate = settings.allowPrivateTargets();
    }

    /** Why the URL may not be called, or empty when it may. */
    Optional<String> refusal(String url) {
        return OutboundTargets.refusal(url, address -> allowPrivate, "mdm.webhooks.allow-private-targets",
                OutboundTargets.Unresolved.REFUSED);
    }
}
