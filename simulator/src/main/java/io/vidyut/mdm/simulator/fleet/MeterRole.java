package io.vidyut.mdm.simulator.fleet;

/** Where a meter measures; mirrors the server's meter category. */
public enum MeterRole { CONSUMER, DT, FEEDER, BOUNDARY }
