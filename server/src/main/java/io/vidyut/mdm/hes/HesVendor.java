package io.vidyut.mdm.hes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An HES vendor of one tenant; its API keys are listed by prefix only, never in clear. */
public record HesVendor(UUID id, String code, String name, HesProtocol protocol, List<String> ipAllowlist,
                        List<ApiKeySummary> apiKeys, Instant createdAt) {

    public record ApiKeySummary(UUID id, String prefix, Instant createdAt, Instant revokedAt) {}
}
