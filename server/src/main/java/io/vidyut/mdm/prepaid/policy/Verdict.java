package io.vidyut.mdm.prepaid.policy;

/** What the disconnection policy says of an account now. */
public enum Verdict {
    /** The balance is positive: nothing to do. */
    NOT_DUE,
    /** In negative (or zero) balance, but a rule holds the disconnection back. */
    HOLD,
    /** Every rule allows: send the disconnection (through the command routing) now. */
    DISCONNECT
}
