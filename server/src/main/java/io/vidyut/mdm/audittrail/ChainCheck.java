package io.vidyut.mdm.audittrail;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What walking a chain found. */
@Schema(description = "The result of checking the caller's chain, first row to last")
record ChainCheck(
        @Schema(description = "True when every row's hash matches its content and its predecessor, and positions run "
                + "1, 2, 3 … without a gap") boolean intact,
        @Schema(description = "Rows checked") long rows,
        @Schema(description = "The last row's position and hash: note them elsewhere (e.g. with each export) to detect "
                + "rows later removed from the end, which no hash chain can show by itself") Long lastSeq,
        String lastHash,
        @Schema(description = "The first row that does not fit, absent when the chain is intact") Break firstBreak,
        Instant checkedAt) {

    /** Where and why the chain breaks. */
    @Schema(name = "ChainBreak", description = "The first row that does not fit its chain, and why")
    record Break(long seq, String reason) {}
}
