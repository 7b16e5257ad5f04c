package io.vidyut.mdm.security;

/**
 * Verifies an HES's credential (an API key, or the client certificate it presented over mutual TLS) and its source
 * address. Implemented by the HES module, which owns vendors and their credentials; the security module only asks.
 */
public interface MachineClientAuthenticator {

    Outcome authenticate(String apiKey, String remoteAddress);

    /** The vendor whose registered client certificate this is (DER encoding). */
    Outcome authenticateCertificate(byte[] certificate, String remoteAddress);

    sealed interface Outcome {}

    record Accepted(MachineClient client) implements Outcome {}

    record UnknownKey() implements Outcome {}

    record AddressNotAllowed(String vendorCode, String remoteAddress) implements Outcome {}
}
