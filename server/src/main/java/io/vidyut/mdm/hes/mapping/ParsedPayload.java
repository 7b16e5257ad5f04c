package io.vidyut.mdm.hes.mapping;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What a payload held: the HES's batch id (or null), the number of rows, every value the rows
 * carried, the rows (or values) rejected, and the raw text of a row by number, for the quarantine.
 */
public record ParsedPayload(String batchId, int rows, List<SourceValue> values, List<RowRejection> rejections,
                            IntFunction<String> rawRow) {}
