package io.vidyut.mdm.vee.validation;

import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingsStored;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store did with a write's values rather than what the values say: re-sends held for review
 * (RESEND_CHANGE, carrying the held values until a person decides) and intervals a write carried twice with
 * different values (DUPLICATE_IN_BATCH, the first value is also in history). One finding per day row and rule.
 */
final class WriteFindings {
    private WriteFindings() {}

    static List<Finding> of(ReadingsStored.Change change, VeeSettings settings, ZoneId zone) {
        List<Finding> findings = new ArrayList<>(0);
        IntervalDay day = change.after();
        if (!change.held().isEmpty() && settings.checks(VeeRule.RESEND_CHANGE)) {
            List<Map<String, Object>> held = change.held().stream().map(h -> interval(day, h.slot(), zone,
                    "stored_value", Finding.value(day.channel(), day.values()[h.slot()]),
                    "resent_value", Finding.value(day.channel(), h.value()))).toList();
            findings.add(finding(change.held(), day, VeeRule.RESEND_CHANGE, settings, zone, Finding.detail(
                    "held", held, "threshold_percent", settings.resendChangeThresholdPercent(),
                    "note", "the stored values stand until a person takes the re-sent ones (REPLACE) or keeps them (ACCEPT)")));
        }
        if (!change.repeated().isEmpty() && settings.checks(VeeRule.DUPLICATE_IN_BATCH)) {
            List<Map<String, Object>> repeated = change.repeated().stream().map(r -> interval(day, r.slot(), zone,
                    "first_value", Finding.value(day.channel(), r.value()),
                    "value", Finding.value(day.channel(), day.values()[r.slot()]))).toList();
            findings.add(finding(change.repeated(), day, VeeRule.DUPLICATE_IN_BATCH, settings, zone, Finding.detail(
                    "intervals", repeated, "note", "the write carried these intervals twice; the last value is stored, the first is in history")));
        }
        return findings;
    }

    private static Finding finding(List<ReadingsStored.SlotValue> slots, IntervalDay day, VeeRule rule, VeeSettings settings,
                                   ZoneId zone, Map<String, Object> detail) {
        int first = slots.stream().mapToInt(ReadingsStored.SlotValue::slot).min().orElseThrow();
        int last = slots.stream().mapToInt(ReadingsStored.SlotValue::slot).max().orElseThrow();
        return new Finding(day.meterId(), day.channel(), rule, day.slotEnd(first, zone), day.slotEnd(last, zone), detail,
                settings.blocks(rule));
    }

    /** One interval of a finding's detail: its end in the tenant's time and the values named. */
    private static Map<String, Object> interval(IntervalDay day, int slot, ZoneId zone, String firstName, Object firstValue,
                                                String secondName, Object secondValue) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("at", day.slotEnd(slot, zone).atZone(zone).toOffsetDateTime().toString());
        interval.put(firstName, firstValue);
        interval.put(secondName, secondValue);
        return interval;
    }
}
