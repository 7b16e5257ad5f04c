package io.vidyut.mdm.audittrail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash of a trail row: SHA-256 (hex) of a JSON array of the previous row's hash and every stored field of the
 * row, in a fixed order. A JSON array leaves no ambiguity about where one field ends (a "|" in an actor cannot
 * shift the others), and before/after enter as PostgreSQL's own text of the stored jsonb, which is what a later
 * check reads back, so the same row always gives the same hash.
 */
final class ChainHash {
    /** The predecessor of a chain's first row. */
    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChainHash() {}

    static String of(String prevHash, AuditRow row) {
        Object[] content = {prevHash, row.seq(), row.tenantId() == null ? null : row.tenantId().toString(),
                row.at().toString(), row.actor(), row.actorRoles(), row.address(), row.requestId(), row.action(),
                row.targetType(), row.targetId(), row.before(), row.after()};
        return sha256(JSON.writeValueAsString(Arrays.asList(content)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
