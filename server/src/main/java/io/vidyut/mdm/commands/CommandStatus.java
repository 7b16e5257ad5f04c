package io.vidyut.mdm.commands;

/**
 * REQUESTED → SENT → ACKNOWLEDGED (by the HES) → EXECUTED, or FAILED (refused, or the HES unreachable
 * after every retry), TIMED_OUT (acknowledged but no result in time) or CANCELLED (before it was sent).
 */
enum CommandStatus {
    REQUESTED, SENT, ACKNOWLEDGED, EXECUTED, FAILED, TIMED_OUT, CANCELLED;

    boolean isFinal() {
        return this == EXECUTED || this == FAILED || this == TIMED_OUT || this == CANCELLED;
    }
}
