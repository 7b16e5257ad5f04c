package io.vidyut.mdm.audittrail;

import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Checks the current chain from its first row: positions 1, 2, 3 … without gaps, each row's prev_hash equal to its
 * predecessor's hash, and each hash equal to the hash recomputed from the row. A row edited, deleted or inserted
 * in the middle, by anyone who got past the append-only guard (the schema owner, a restored backup), shows as the
 * first break; rows after it are still counted but not judged, since one break makes the rest unprovable.
 */
@Component
class ChainVerifier {
    private final AuditQueries queries;
    private final Clock clock;

    ChainVerifier(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    ChainCheck verify() {
        return queries.walk(new Walk());
    }

    private final class Walk implements AuditQueries.ChainWalker<ChainCheck> {
        private long rows;
        private long expectedSeq = 1;
        private String previousHash = ChainHash.GENESIS;
        private ChainCheck.Break firstBreak;

        @Override
        public void accept(AuditRow row) {
            rows++;
            if (firstBreak == null) firstBreak = judge(row);
            expectedSeq = row.seq() + 1;
            previousHash = row.hash();
        }

        private ChainCheck.Break judge(AuditRow row) {
            if (row.seq() != expectedSeq) {
                return new ChainCheck.Break(row.seq(), "expected position " + expectedSeq + " here: rows are missing");
            }
            if (!row.prevHash().equals(previousHash)) {
                return new ChainCheck.Break(row.seq(), "its prev_hash is not the hash of the row before it");
            }
            if (!ChainHash.of(row.prevHash(), row).equals(row.hash())) {
                return new ChainCheck.Break(row.seq(), "its content does not match its hash: the row was changed");
            }
            return null;
        }

        @Override
        public ChainCheck result(Chain chain) {
            return new ChainCheck(firstBreak == null, rows, rows == 0 ? null : expectedSeq - 1,
                    rows == 0 ? null : previousHash, firstBreak, clock.instant());
        }
    }
}
