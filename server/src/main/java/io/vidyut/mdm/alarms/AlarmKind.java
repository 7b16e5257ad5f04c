package io.vidyut.mdm.alarms;

/** What an alarm is about: a tamper at a meter, a power-quality breach at a meter, or an outage of a DT or feeder. */
public enum AlarmKind { TAMPER, POWER_QUALITY, DT_OUTAGE, FEEDER_OUTAGE }
