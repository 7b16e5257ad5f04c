package io.vidyut.mdm.simulator;

/** How vendor B's messages travel: POSTed to the readings endpoint, or published to an MQTT broker. */
public enum VoltaTransportMode { REST, MQTT }
