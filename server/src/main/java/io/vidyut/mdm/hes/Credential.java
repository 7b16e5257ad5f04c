package io.vidyut.mdm.hes;

/** What an HES authenticates with: an API key (X-API-Key), or a client certificate over mutual TLS. */
enum Credential { API_KEY, CLIENT_CERTIFICATE }
