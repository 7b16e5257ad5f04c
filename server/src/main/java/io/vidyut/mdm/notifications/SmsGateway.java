package io.vidyut.mdm.notifications;

import java.time.Instant;

/**
 * The tenant's HTTP SMS gateway as the API shows it: where SMS are POSTed, the sender id (the 6-character header
 * registered on the DLT platform), the principal entity id, the authentication header's name and whether it has one
 * ({@code has_auth}), never its value, and whether SMS are sent at all.
 */
record SmsGateway(String url, String senderId, String dltEntityId, String authHeaderName, boolean hasAuth, boolean enabled,
                  String updatedBy, Instant updatedAt) {

    /**
     * What a tenant administrator saves, replacing what was there. The authentication header ({@code Authorization},
     * {@code X-Api-Key}, …) is optional; its value is stored sealed and never shown: left out, the stored value stays
     * while the name does; without a name there is none. {@code enabled} defaults to true.
     */
    record SmsGatewayChange(String url, String senderId, String dltEntityId, String authHeaderName, String authHeaderValue,
                            Boolean enabled) {
        @Override
        public String toString() {
            return "SmsGatewayChange[" + url + ", " + senderId + ", " + dltEntityId + ", " + authHeaderName + ", "
                    + (authHeaderValue == null ? "no value" : "value hidden") + ", " + enabled + "]";
        }
    }
}
