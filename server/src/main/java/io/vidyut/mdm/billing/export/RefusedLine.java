package io.vidyut.mdm.billing.export;

/**
 * A line left out of an export, and why (every problem of it, e.g. {@code md_kw: 12345678901.5 does not fit 9(9)V999}).
 *
 * @param index the line's position in {@link ExportBatch#lines()}, from 0
 */
public record RefusedLine(int index, String accountNo, String reason) {}
