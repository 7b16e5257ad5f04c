package io.vidyut.mdm.notifications;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.notifications.NoticeTemplate.NoticeTemplateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks a tenant's template passes before it is saved, every problem at once: only the kind's placeholders and
 * no stray braces, bounded texts (an SMS of at most {@value #MAX_SMS} characters, as the DLT platform registers
 * them), a subject on e-mail only, and on SMS only the 19-digit DLT template id.
 */
final class TemplateValidator {
    static final int MAX_SMS = 480;
    static final int MAX_IN_APP = 1000;
    static final int MAX_EMAIL = 5000;
    static final int MAX_SUBJECT = 200;
    static final Pattern DLT_TEMPLATE_ID = Pattern.compile("[0-9]{19}");

    private final List<FieldError> errors = new ArrayList<>();

    private TemplateValidator() {}

    static List<FieldError> problems(NoticeKind kind, NoticeChannel channel, NoticeTemplateChange change) {
        TemplateValidator validator = new TemplateValidator();
        int max = switch (channel) {
            case SMS -> MAX_SMS;
            case IN_APP -> MAX_IN_APP;
            case EMAIL -> MAX_EMAIL;
        };
        validator.text(kind, "body", change.body(), max, true);
        if (channel == NoticeChannel.EMAIL) {
            validator.text(kind, "subject", change.subject(), MAX_SUBJECT, false);
        } else if (change.subject() != null) {
            validator.error("subject", "only for EMAIL templates");
        }
        if (channel == NoticeChannel.SMS) {
            if (change.dltTemplateId() == null || !DLT_TEMPLATE_ID.matcher(change.dltTemplateId()).matches()) {
                validator.error("dlt_template_id", "required: the 19 digits of the template's registration on the DLT platform");
            }
        } else if (change.dltTemplateId() != null) {
            validator.error("dlt_template_id", "only for SMS templates");
        }
        return List.copyOf(validator.errors);
    }

    private void text(NoticeKind kind, String field, String value, int max, boolean lineBreaks) {
        if (value == null || value.isBlank()) {
            error(field, "required");
            return;
        }
        if (value.length() > max) error(field, "at most " + max + " characters, not " + value.length());
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t')));
        if (control) error(field, lineBreaks ? "no control characters other than line breaks and tabs" : "no control characters");
        for (String problem : TemplateText.problems(value, kind.placeholders())) error(field, problem);
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
