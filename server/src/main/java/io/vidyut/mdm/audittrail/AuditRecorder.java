package io.vidyut.mdm.audittrail;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes an action's record at the moment of the action (who, when, the states as JSON with secrets redacted) and
 * appends it to the chain just before the caller's transaction commits, in that transaction: the record commits
 * with the action or not at all, and the chain's lock is taken last and held only for the commit. Taking it at the
 * first record instead would make a transaction that goes on locking rows (a bulk edit's meters) deadlock with one
 * that holds those rows and waits for the chain. Without a transaction (a sign-in), the record is appended in one
 * of its own.
 */
@Component
class AuditRecorder implements AuditTrail {
    private final ChainAppender appender;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Redaction redaction;

    AuditRecorder(ChainAppender appender, TransactionTemplate transactions, Clock clock, JsonMapper json) {
        this.appender = appender;
        this.transactions = transactions;
        this.clock = clock;
        this.redaction = new Redaction(json);
    }

    @Override
    public void record(AuditedAction action) {
        PendingRecord record = new PendingRecord(Caller.current(action.actor()),
                clock.instant().truncatedTo(ChronoUnit.MICROS), action.action(), action.targetType(),
                action.targetId(), redaction.redactedJson(action.before()), redaction.redactedJson(action.after()));
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingOfThisTransaction().add(record);
        } else {
            transactions.executeWithoutResult(status -> appender.append(List.of(record)));
        }
    }

    /**
     * Found among the current transaction's synchronizations, not bound to the thread: a transaction suspended for
     * an inner new one keeps its own records, and the inner one's commit or rollback decides only about its own.
     */
    private List<PendingRecord> pendingOfThisTransaction() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AppendBeforeCommit append) return append.records;
        }
        AppendBeforeCommit append = new AppendBeforeCommit(new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(append);
        return append.records;
    }

    private final class AppendBeforeCommit implements TransactionSynchronization {
        private final List<PendingRecord> records;

        private AppendBeforeCommit(List<PendingRecord> records) {
            this.records = records;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appender.append(records);
        }
    }
}
