package io.vidyut.mdm.meters;

/** Where a meter measures: a consumer's supply, a DT, a feeder head, or a boundary point. */
public enum MeterCategory { CONSUMER, DT, FEEDER, BOUNDARY }
