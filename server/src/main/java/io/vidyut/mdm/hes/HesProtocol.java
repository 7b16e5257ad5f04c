package io.vidyut.mdm.hes;

/** How a vendor's HES delivers data to the MDM. */
public enum HesProtocol { REST, MQTT, DLMS, FILE }
