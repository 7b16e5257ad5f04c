package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.common.BodyLimit;
import org.springframework.stereotype.Component;

/**
 * A webhook body is at most 1 MiB, refused as it arrives (anyone may send one before its signature is checked, and the
 * signature needs the body whole): 1000 events of a bill with its components each fit in it.
 */
@Component
class BillingWebhookBodyLimit implements BodyLimit {
    static final long MAX_BYTES = 1024 * 1024;

    @Override
    public boolean covers(String path) {
        return path.equals(BillingWebhookController.PATH);
    }

    @Override
    public long bytes() {
        return MAX_BYTES;
    }

    @Override
    public String advice() {
        return "Split the batch into smaller ones.";
    }
}
