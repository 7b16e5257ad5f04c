package io.vidyut.mdm.audittrail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/audit-trail")
@Tag(name = "Audit trail", description = "Who did what, when, from where: sign-ins and administrative actions, "
        + "append-only and hash-chained")
@Roles.TenantOrPlatformAdmin
class AuditTrailController {
    /** Who sees which trail (the roles themselves are stated from the annotation). */
    private static final String ROLES = "A tenant admin sees the tenant's trail; the platform admin platform actions such as "
            + "tenants and platform sign-ins (inside a tenant after switching, that tenant's trail). ";
    private static final String FILTERS = "Filters, all optional: from (inclusive) and to (exclusive) as ISO-8601 "
            + "instants with offset, actor (exact username), action (a prefix of the action code: 'user.' finds every "
            + "user action), target_type and target_id (exact).";
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AuditQueries queries;
    private final ChainVerifier verifier;
    private final AuditTrail trail;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrailController(AuditQueries queries, ChainVerifier verifier, AuditTrail trail, JsonMapper json, Clock clock) {
        this.queries = queries;
        this.verifier = verifier;
        this.trail = trail;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first", description = ROLES + FILTERS)
    Page<AuditEvent> search(@RequestParam(required = false) OffsetDateTime from,
                            @RequestParam(required = false) OffsetDateTime to,
                            @RequestParam(required = false) String actor,
                            @Parameter(description = "Prefix of the action code") @RequestParam(required = false) String action,
                            @RequestParam(name = "target_type", required = false) String targetType,
                            @RequestParam(name = "target_id", required = false) String targetId,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.search(filter(from, to, actor, action, targetType, targetId), new PageRequest(page, size));
    }

    @GetMapping("/export")
    @Operation(summary = "Export the audit trail as CSV (the search's filter, every matching row, newest first)",
            description = ROLES + FILTERS + " Streamed as it is read, so any length can be exported; before and after "
                    + "are JSON text. The export itself is recorded in the trail (audit_trail.exported).")
    @ApiResponse(responseCode = "200", description = "CSV with a header line",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(@RequestParam(required = false) OffsetDateTime from,
                @RequestParam(required = false) OffsetDateTime to,
                @RequestParam(required = false) String actor,
                @Parameter(description = "Prefix of the action code") @RequestParam(required = false) String action,
                @RequestParam(name = "target_type", required = false) String targetType,
                @RequestParam(name = "target_id", required = false) String targetId,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(from, to, actor, action, targetType, targetId);
        trail.record(AuditedAction.of("audit_trail.exported", "audit_trail", null, null, filter));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-trail-" + FILE_STAMP.format(clock.instant()) + ".csv").build().toString());
        try (AuditCsv csv = new AuditCsv(response.getWriter(), json)) {
            queries.forEach(filter, csv::write);
        }
    }

    @GetMapping("/verify")
    @Operation(summary = "Check the audit trail's hash chain from its first row",
            description = ROLES + "Recomputes every row's hash and reports the first row that was changed, removed "
                    + "or inserted outside the application, and the last row's position and hash.")
    ChainCheck verify() {
        return verifier.verify();
    }

    private static AuditFilter filter(OffsetDateTime from, OffsetDateTime to, String actor, String action,
                                      String targetType, String targetId) {
        return new AuditFilter(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                blankToNull(actor), blankToNull(action), blankToNull(targetType), blankToNull(targetId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
