package io.vidyut.mdm.events;

/** The IS 15959 event profile an event belongs to; UNKNOWN for a code outside the standard's list. */
public enum EventCategory { VOLTAGE, CURRENT, POWER, TRANSACTION, OTHER, NON_ROLLOVER, CONTROL, UNKNOWN }
