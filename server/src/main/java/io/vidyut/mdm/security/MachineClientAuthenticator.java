package io.vidyut.mdm.security;

/**
 * Verifies an HES's API key and source address. Implemented by the HES module, which owns vendors
 * and their keys; the security module only asks.
 */
public interface MachineClientAuthenticator {

    Outcome authenticate(String apiKey, String remoteAddress);

    sealed interface Outcome {}

    record Accepted(MachineClient client) implements Outcome {}

    record UnknownKey() implements Outcome {}

    record AddressNotAllowed(String vendorCode, String remoteAddress) implements Outcome {}
}
