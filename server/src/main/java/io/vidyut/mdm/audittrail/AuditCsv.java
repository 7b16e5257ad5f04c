package io.vidyut.mdm.audittrail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes trail rows as CSV, one line per row, before and after as JSON text. A cell that a spreadsheet would take
 * for a formula (starting with = + - @ or a tab or carriage return) is prefixed with an apostrophe: the actor of a
 * failed sign-in is whatever an attacker typed.
 */
final class AuditCsv implements AutoCloseable {
    static final String[] HEADER = {"seq", "at", "actor", "actor_roles", "address", "request_id", "action",
            "target_type", "target_id", "before", "after", "hash"};

    private final CSVPrinter printer;
    private final JsonMapper json;

    AuditCsv(Writer out, JsonMapper json) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.json = json;
    }

    void write(AuditEvent event) {
        try {
            printer.printRecord(event.seq(), event.at(), cell(event.actor()), cell(String.join(" ", event.actorRoles())),
                    cell(event.address()), cell(event.requestId()), cell(event.action()), cell(event.targetType()),
                    cell(event.targetId()), cell(state(event.before())), cell(state(event.after())), event.hash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String state(Map<String, Object> state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) return value;
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
