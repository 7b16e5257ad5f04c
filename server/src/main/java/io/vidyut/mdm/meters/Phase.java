package io.vidyut.mdm.meters;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Single- or three-phase supply; written 1P and 3P as on Indian meter name plates. */
public enum Phase {
    @JsonProperty("1P") SINGLE("1P"),
    @JsonProperty("3P") THREE("3P");

    private final String code;

    Phase(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Phase ofCode(String code) {
        for (Phase phase : values()) {
            if (phase.code.equalsIgnoreCase(code)) return phase;
        }
        throw io.vidyut.mdm.common.FieldErrorsException.of("phase", "must be 1P or 3P, not " + code);
    }
}
