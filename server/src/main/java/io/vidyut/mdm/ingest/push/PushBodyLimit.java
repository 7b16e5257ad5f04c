package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.common.BodyLimit;
import io.vidyut.mdm.ingest.PayloadLimit;
import org.springframework.stereotype.Component;

/** Push bodies are bounded by the batch limit as they arrive ({@link PayloadLimit} checks MQTT, files and pulls). */
@Component
class PushBodyLimit implements BodyLimit {
    private final PayloadLimit limit;

    PushBodyLimit(PayloadLimit limit) {
        this.limit = limit;
    }

    @Override
    public boolean covers(String path) {
        return path.equals(PushEndpoints.READINGS) || path.equals(PushEndpoints.EVENTS);
    }

    @Override
    public long bytes() {
        return limit.maxBytes();
    }

    @Override
    public String advice() {
        return "Split the batch into smaller ones.";
    }
}
