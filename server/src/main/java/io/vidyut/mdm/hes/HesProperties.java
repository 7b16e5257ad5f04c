package io.vidyut.mdm.hes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HES vendors ({@code mdm.hes.*}): whether pull and command URLs may point at private, loopback or link-local
 * addresses (a test lab's HES; never in production, where it would let a tenant reach the MDM's own network).
 */
@ConfigurationProperties("mdm.hes")
record HesProperties(Boolean allowPrivateTargets) {
    HesProperties {
        if (allowPrivateTargets == null) allowPrivateTargets = false;
    }
}
