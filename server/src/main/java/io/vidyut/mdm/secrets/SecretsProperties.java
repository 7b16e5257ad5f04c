package io.vidyut.mdm.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The master keys that seal stored secrets ({@code mdm.secrets.master-keys}: {@code id:base64} pairs, the first one
 * sealing); empty: a key generated under the data directory.
 */
@ConfigurationProperties("mdm.secrets")
record SecretsProperties(String masterKeys) {
    SecretsProperties {
        if (masterKeys == null) masterKeys = "";
    }
}
