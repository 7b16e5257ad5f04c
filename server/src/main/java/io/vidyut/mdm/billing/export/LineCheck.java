package io.vidyut.mdm.billing.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every export format asks of a line before laying it out: the account and period present, text without control
 * characters (a line break inside a value would split a record of the billing system's reader), zone names usable as
 * column names, and numbers of a sane size, so that no format has to cope with a number of a million digits.
 */
final class LineCheck {
    /** As many ToD zones as a tariff category can have slots. */
    static final int MAX_ZONES = 48;
    static final int MAX_ZONE_NAME = 64;
    static final int MAX_TEXT = 200;
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 6;

    /** The plain numbers of a line by their export name, in export order (zones aside). */
    static final Map<String, Function<ExportLine, BigDecimal>> NUMBERS = numbers();

    private LineCheck() {}

    /** Every problem of the line as {@code field: what}, empty when it may be exported. */
    static List<String> problems(ExportLine line) {
        List<String> problems = new ArrayList<>();
        if (line.accountNo() == null || line.accountNo().isBlank()) problems.add("account_no: missing");
        text(problems, "account_no", line.accountNo());
        text(problems, "meter_serials", line.meterSerials());
        text(problems, "status", line.status());
        if (line.periodFrom() == null) problems.add("period_from: missing");
        if (line.periodTo() == null) problems.add("period_to: missing");
        if (line.periodFrom() != null && line.periodTo() != null && line.periodTo().isBefore(line.periodFrom())) {
            problems.add("period_to: " + line.periodTo() + " is before period_from " + line.periodFrom());
        }
        if (line.version() < 1) problems.add("version: " + line.version() + " is not a version (1 or more)");
        NUMBERS.forEach((name, value) -> number(problems, name, value.apply(line)));
        if (line.kwhByZone().size() > MAX_ZONES) problems.add("kwh_by_zone: more than " + MAX_ZONES + " zones");
        line.kwhByZone().forEach((zone, kwh) -> {
            if (zone == null || zone.isBlank() || zone.length() > MAX_ZONE_NAME || hasControl(zone)) {
                problems.add("kwh_by_zone: a zone name must be 1-" + MAX_ZONE_NAME + " characters without control characters");
            } else if (NUMBERS.containsKey("kwh_" + zone)) {
                problems.add("kwh_by_zone: a zone may not be named '" + zone + "' (kwh_" + zone + " is a column of its own)");
            } else {
                number(problems, "kwh_" + zone, kwh);
            }
        });
        return problems;
    }

    private static void text(List<String> problems, String field, String value) {
        if (value == null) return;
        if (value.length() > MAX_TEXT) problems.add(field + ": longer than " + MAX_TEXT + " characters");
        if (hasControl(value)) problems.add(field + ": holds control characters");
    }

    private static void number(List<String> problems, String field, BigDecimal value) {
        if (value == null) return;
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            problems.add(field + ": more than " + MAX_DECIMALS + " decimals");
        } else if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            problems.add(field + ": more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static Map<String, Function<ExportLine, BigDecimal>> numbers() {
        Map<String, Function<ExportLine, BigDecimal>> numbers = new LinkedHashMap<>();
        numbers.put("kwh_import", ExportLine::kwhImport);
        numbers.put("kwh_export", ExportLine::kwhExport);
        numbers.put("kvah_import", ExportLine::kvahImport);
        numbers.put("kvah_export", ExportLine::kvahExport);
        numbers.put("md_kw", ExportLine::mdKw);
        numbers.put("md_kva", ExportLine::mdKva);
        numbers.put("power_factor", ExportLine::powerFactor);
        numbers.put("opening_kwh", ExportLine::openingKwh);
        numbers.put("closing_kwh", ExportLine::closingKwh);
        numbers.put("estimated_share", ExportLine::estimatedShare);
        numbers.put("banked_kwh", ExportLine::bankedKwh);
        return Collections.unmodifiableMap(numbers);
    }
}
