package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.events.EventCatalog;
import io.vidyut.mdm.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tenant's alarm rules. Tamper and power-quality codes raise a meter alarm (power quality closes
 * itself on the restoration code). A DT outage alarm is raised when at least {@code outageShare} of
 * the meters under a DT report a power failure within {@code outageWindowSeconds}, and closed when
 * fewer than {@code outageClearShare} are still out. When at least {@code feederOutageShare} of the DTs
 * under a feeder (and at least {@code feederOutageMinDts} of them) are out, one feeder outage alarm stands
 * for them instead of an alarm per DT. Meters silent for {@code communicationLossHours} appear in the
 * communication-loss report. With {@code escalateAfterMinutes}, an alarm still OPEN (not acknowledged) is
 * escalated every that many minutes of age, up to {@code maxEscalationLevel} levels. Alarms raised or
 * escalated at {@code emailMinSeverity} or above are e-mailed to {@code emailRecipients} when SMTP is set up.
 * With {@code voltageChecks}, stored average voltages more than {@code voltageLowPercent} below or
 * {@code voltageHighPercent} above nominal raise power-quality alarms ({@link VoltageQuality}).
 */
record AlarmRules(Set<Integer> tamperCodes, Set<Integer> powerQualityCodes, Double outageShare, Double outageClearShare,
                  Integer outageWindowSeconds, Integer communicationLossHours, Double feederOutageShare,
                  Integer feederOutageMinDts, Integer escalateAfterMinutes, Integer maxEscalationLevel,
                  List<String> emailRecipients, String emailMinSeverity, Boolean voltageChecks, Double voltageLowPercent,
                  Double voltageHighPercent) {

    static final AlarmRules DEFAULTS = new AlarmRules(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);
    static final int MAX_RECIPIENTS = 50;
    /** Deliberately plain: one mailbox, no display name, no spaces or line breaks (nothing to inject into headers). */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

    AlarmRules {
        if (tamperCodes == null) tamperCodes = Set.of(65, 201, 203, 251);
        if (powerQualityCodes == null) powerQualityCodes = Set.of(7, 9, 11, 205);
        if (outageShare == null) outageShare = 0.5;
        if (outageClearShare == null) outageClearShare = 0.1;
        if (outageWindowSeconds == null) outageWindowSeconds = 300;
        if (communicationLossHours == null) communicationLossHours = 24;
        if (feederOutageShare == null) feederOutageShare = 0.5;
        if (feederOutageMinDts == null) feederOutageMinDts = 2;
        if (maxEscalationLevel == null) maxEscalationLevel = 3;
        emailRecipients = emailRecipients == null ? List.of() : List.copyOf(emailRecipients);
        if (emailMinSeverity == null) emailMinSeverity = "MAJOR";
        if (voltageChecks == null) voltageChecks = true;
        if (voltageLowPercent == null) voltageLowPercent = 10.0;
        if (voltageHighPercent == null) voltageHighPercent = 10.0;
    }

    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        codeProblems("tamper_codes", tamperCodes, problems);
        codeProblems("power_quality_codes", powerQualityCodes, problems);
        if (outageShare <= 0 || outageShare > 1) problems.add(new FieldError("outage_share", "a share above 0 and at most 1"));
        if (outageClearShare < 0 || outageClearShare >= outageShare) {
            problems.add(new FieldError("outage_clear_share", "at least 0 and below outage_share"));
        }
        if (outageWindowSeconds < 10 || outageWindowSeconds > 86_400) {
            problems.add(new FieldError("outage_window_seconds", "between 10 and 86400"));
        }
        if (communicationLossHours < 1 || communicationLossHours > 24 * 90) {
            problems.add(new FieldError("communication_loss_hours", "between 1 and 2160"));
        }
        if (feederOutageShare <= 0 || feederOutageShare > 1) {
            problems.add(new FieldError("feeder_outage_share", "a share above 0 and at most 1"));
        }
        if (feederOutageMinDts < 1 || feederOutageMinDts > 10_000) {
            problems.add(new FieldError("feeder_outage_min_dts", "between 1 and 10000"));
        }
        if (escalateAfterMinutes != null && (escalateAfterMinutes < 1 || escalateAfterMinutes > 7 * 24 * 60)) {
            problems.add(new FieldError("escalate_after_minutes", "between 1 and 10080, or absent for no escalation"));
        }
        if (maxEscalationLevel < 1 || maxEscalationLevel > 10) {
            problems.add(new FieldError("max_escalation_level", "between 1 and 10"));
        }
        if (emailRecipients.size() > MAX_RECIPIENTS) {
            problems.add(new FieldError("email_recipients", "at most " + MAX_RECIPIENTS + " addresses"));
        }
        for (String address : emailRecipients) {
            if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                problems.add(new FieldError("email_recipients", "'" + address + "' is not a plain e-mail address (name@example.com)"));
            }
        }
        if (voltageLowPercent < 1 || voltageLowPercent > 40) {
            problems.add(new FieldError("voltage_low_percent", "between 1 and 40 (% below nominal)"));
        }
        if (voltageHighPercent < 1 || voltageHighPercent > 40) {
            problems.add(new FieldError("voltage_high_percent", "between 1 and 40 (% above nominal)"));
        }
        if (!Alarms.SEVERITIES.contains(emailMinSeverity)) {
            problems.add(new FieldError("email_min_severity", "one of " + String.join(", ", Alarms.SEVERITIES)));
        }
        return problems;
    }

    private static void codeProblems(String field, Set<Integer> codes, List<FieldError> problems) {
        for (Integer code : codes) {
            boolean raises = EventCatalog.lookup(code).map(t -> t.role() != EventType.Role.RESTORATION).orElse(false);
            if (!raises) {
                problems.add(new FieldError(field, code + " is not an IS 15959 occurrence code (restorations close alarms)"));
            }
        }
    }
}
