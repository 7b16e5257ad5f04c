package io.vidyut.mdm.alarms;

/** OPEN → ACKNOWLEDGED → RESOLVED (an open alarm may be resolved directly). */
public enum AlarmStatus { OPEN, ACKNOWLEDGED, RESOLVED }
