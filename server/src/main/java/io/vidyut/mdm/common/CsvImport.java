package io.vidyut.mdm.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams a CSV upload row by row inside one transaction, each row under its own savepoint so a
 * bad row is reported (line, field, reason) without losing the good ones. ALL_OR_NOTHING rolls
 * everything back when any row failed; PARTIAL commits the good rows.
 */
public final class CsvImport {
    /** Reasons beyond this many are counted but not listed. */
    static final int MAX_LISTED_ERRORS = 1000;

    public enum Mode { ALL_OR_NOTHING, PARTIAL }

    public record RowError(long line, String field, String message) {}

    public record Report(Mode mode, long rows, long accepted, long rejected, boolean committed, List<RowError> errors) {

        /** 200 with the report, or 422 problem+json carrying it when nothing was committed. */
        public ResponseEntity<?> toResponse() {
            if (committed) return ResponseEntity.ok(this);
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected", "Import rejected",
                    rejected + " of " + rows + " rows are invalid; nothing was imported (mode ALL_OR_NOTHING)");
            problem.setProperty("report", this);
            return ResponseEntity.unprocessableContent().body(problem);
        }
    }

    /** Validates and stores one row; a {@link FieldErrorsException}, conflict, missing reference or data access error rejects it. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(Row row);
    }

    /** A CSV row with blank cells read as absent. */
    public record Row(CSVRecord record) {
        public String get(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) return null;
            String value = record.get(column).trim();
            return value.isEmpty() ? null : value;
        }

        public String require(String column) {
            String value = get(column);
            if (value == null) throw FieldErrorsException.of(column, "required");
            return value;
        }

        public java.math.BigDecimal decimal(String column) {
            String value = get(column);
            if (value == null) return null;
            try {
                return new java.math.BigDecimal(value);
            } catch (NumberFormatException e) {
                throw FieldErrorsException.of(column, "not a number: " + value);
            }
        }

        public boolean flag(String column) {
            String value = get(column);
            if (value == null) return false;
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw FieldErrorsException.of(column, "not a yes/no value: " + value);
            };
        }

        public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = get(column);
            if (value == null) return null;
            try {
                return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw FieldErrorsException.of(column, "one of " + java.util.Arrays.toString(type.getEnumConstants())
                        + ", not " + value);
            }
        }

        public long line() {
            return record.getRecordNumber() + 1;
        }
    }

    private CsvImport() {}

    public static Report run(Reader csv, Set<String> requiredColumns, Mode mode, TransactionTemplate transactions,
                             RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> missing = requiredColumns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw FieldErrorsException.of("header", "missing columns " + missing + "; required: " + requiredColumns);
            }
            return transactions.execute(status -> {
                List<RowError> errors = new ArrayList<>();
                long rows = 0, accepted = 0, rejected = 0;
                try {
                    for (CSVRecord record : parser) {
                        rows++;
                        Row row = new Row(record);
                        Object savepoint = status.createSavepoint();
                        try {
                            handler.accept(row);
                            status.releaseSavepoint(savepoint);
                            accepted++;
                        } catch (FieldErrorsException e) {
                            status.rollbackToSavepoint(savepoint);
                            rejected++;
                            e.errors().forEach(f -> addError(errors, new RowError(row.line(), f.field(), f.message())));
                        } catch (ConflictException | NotFoundException e) {
                            status.rollbackToSavepoint(savepoint);
                            rejected++;
                            addError(errors, new RowError(row.line(), null, e.getMessage()));
                        } catch (DataAccessException e) {
                            status.rollbackToSavepoint(savepoint);
                            rejected++;
                            addError(errors, new RowError(row.line(), null, DatabaseErrors.describe(e)));
                        }
                    }
                } catch (UncheckedIOException e) {
                    rejected++;
                    addError(errors, new RowError(parser.getCurrentLineNumber(), null,
                            "malformed CSV, reading stopped here: " + e.getCause().getMessage()));
                }
                boolean commit = rejected == 0 || mode == Mode.PARTIAL;
                if (!commit) status.setRollbackOnly();
                return new Report(mode, rows, commit ? accepted : 0, rejected, commit, errors);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addError(List<RowError> errors, RowError error) {
        if (errors.size() < MAX_LISTED_ERRORS) errors.add(error);
    }
}
