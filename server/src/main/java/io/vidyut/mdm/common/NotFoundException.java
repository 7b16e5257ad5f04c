package io.vidyut.mdm.common;

/** The addressed resource does not exist in the caller's tenant (404). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
    }
}
