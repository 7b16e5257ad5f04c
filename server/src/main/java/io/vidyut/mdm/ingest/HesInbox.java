package io.vidyut.mdm.ingest;

import io.vidyut.mdm.security.MachineClient;

/**
 * The inbound side of the HES adapter SPI: where every adapter (REST push, MQTT subscription, file
 * drop, pull answers) hands over what an HES sent, as raw bytes. The adapter knows only its
 * transport; the vendor's stored payload mapping decides how the bytes are read (JSON, CSV or DLMS
 * A-XDR) and what they mean, so a new transport needs an adapter and a new payload shape needs only
 * configuration.
 *
 * <p>Contract for an adapter: call from any thread, inside no transaction; acknowledge to the HES
 * only after the call returns (the batch is then durable and will be stored even if the process
 * dies); a repeat of the same batch key returns the first receipt instead of storing twice.
 */
public interface HesInbox {
    /** Interval and register readings; rows the mapping cannot read are quarantined with reasons, the rest kept. */
    BatchReceipt readings(MachineClient vendor, String protocol, byte[] payload, String batchKey);

    /** Meter events (tamper, power failure, …) in the vendor's codes, translated by its event code mapping. */
    BatchReceipt events(MachineClient vendor, String protocol, byte[] payload, String batchKey);

    /**
     * A message refused for good (unreadable, too large) that the adapter's transport will not
     * deliver again once acknowledged: kept in the vendor's quarantine with the reason, so nothing
     * acknowledged is lost from sight. Call in the vendor's tenant.
     */
    void unreadable(MachineClient vendor, byte[] payload, String reason);
}
