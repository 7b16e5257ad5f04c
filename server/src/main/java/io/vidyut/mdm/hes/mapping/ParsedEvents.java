package io.vidyut.mdm.hes.mapping;

import java.util.List;
import java.util.function.IntFunction;

/** What an event push held: the HES's batch id (or null), the number of rows, the events, the rows rejected. */
public record ParsedEvents(String batchId, int rows, List<SourceEvent> events, List<RowRejection> rejections,
                           IntFunction<String> rawRow) {}
