package io.vidyut.mdm.billing.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A rendered export file: its name, its bytes and the lines of the batch left out of it. */
record ExportFile(String name, byte[] content, List<RefusedLine> refused) {
    ExportFile {
        refused = List.copyOf(refused);
    }

    String sha256() {
        return sha256(content);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
