package io.vidyut.mdm.dlms;

/** Argument checks shared by the value records. */
final class Checks {
    private Checks() {
    }

    static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static long inRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }

    static byte[] length(String name, byte[] bytes, int expected) {
        if (bytes == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (bytes.length != expected) {
            throw new IllegalArgumentException(name + " must be " + expected + " bytes, was " + bytes.length);
        }
        return bytes;
    }
}
