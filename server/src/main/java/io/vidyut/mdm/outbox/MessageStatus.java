package io.vidyut.mdm.outbox;

/**
 * PENDING (to be delivered, or being delivered under a lease) → DELIVERED, or DEAD (its attempts ran out, or the
 * handler said no attempt can succeed) until an operator redrives it (PENDING again) or discards it (DISCARDED).
 */
public enum MessageStatus { PENDING, DELIVERED, DEAD, DISCARDED }
