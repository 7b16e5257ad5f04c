package io.vidyut.mdm.billing.export;

import java.io.ByteArrayOutputStream;

/**
 * Collects a file in memory up to {@code mdm.billing.export.max-bytes} and stops the export beyond it, before a batch
 * of absurd values can take the server's memory.
 */
final class BoundedBuffer extends ByteArrayOutputStream {
    private final long limit;

    BoundedBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        ensure(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ensure(len);
        super.write(b, off, len);
    }

    private void ensure(int more) {
        if ((long) count + more > limit) {
            throw ExportFailure.permanent("the export is larger than mdm.billing.export.max-bytes (" + limit + " bytes)");
        }
    }
}
