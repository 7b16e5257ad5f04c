package io.vidyut.mdm.audittrail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of the trail as the API shows it. */
@Schema(description = "An audited action: who, when, from where, what, and the target's state before and after "
        + "(secrets redacted)")
record AuditEvent(
        @Schema(description = "Position in the tenant's (or the platform's) chain: 1, 2, 3 …") long seq,
        Instant at,
        @Schema(description = "Username; for sign-in attempts the name given; 'system' for work of the server itself")
        String actor,
        List<String> actorRoles,
        @Schema(description = "Client address of the request, when the action came from one") String address,
        String requestId,
        @Schema(description = "<target>.<verb>, e.g. user.created, sign_in.failed, vendor_mapping.saved") String action,
        String targetType,
        String targetId,
        Map<String, Object> before,
        Map<String, Object> after,
        @Schema(description = "SHA-256 over the previous row's hash and this row's content") String hash) {}
