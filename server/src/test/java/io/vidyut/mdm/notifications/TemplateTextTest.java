package io.vidyut.mdm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.notifications.NoticeTemplate.NoticeTemplateChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Templates as text: placeholders found, checked and filled in; the built-in texts; what a request may carry. */
class TemplateTextTest {
    static final String SMS = "Dear consumer, balance of prepaid account {account_no} is Rs {balance}, below Rs {threshold}.";

    @Test
    void rendering_fills_every_placeholder_once_and_reads_no_value_as_a_template() {
        String text = TemplateText.render(SMS, Map.of("account_no", "ACC-1", "balance", "{threshold} $1 \\", "threshold", "100"));

        assertThat(text).isEqualTo("Dear consumer, balance of prepaid account ACC-1 is Rs {threshold} $1 \\, below Rs 100.");
        assertThat(TemplateText.render("{a}{a} and {b}", Map.of("a", "x", "b", "y"))).isEqualTo("xx and y");
        assertThat(TemplateText.render("no placeholders", Map.of())).isEqualTo("no placeholders");
    }

    @Test
    void a_placeholder_without_a_value_is_an_error() {
        assertThatThrownBy(() -> TemplateText.render(SMS, Map.of("account_no", "ACC-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{balance}");
    }

    @Test
    void unknown_placeholders_and_stray_braces_are_problems() {
        List<String> known = NoticeKind.PREPAID_LOW_BALANCE.placeholders();
        assertThat(TemplateText.problems(SMS, known)).isEmpty();
        assertThat(TemplateText.placeholdersIn(SMS)).containsExactly("account_no", "balance", "threshold");

        assertThat(TemplateText.problems("Rs {amount} for {Account_No}", known))
                .containsExactly("unknown placeholder {amount}; the placeholders are " + known,
                        "unknown placeholder {Account_No}; the placeholders are " + known);
        assertThat(TemplateText.problems("Rs {balance", known)).containsExactly("a { or } that is not part of a {placeholder}");
        assertThat(TemplateText.problems("Rs balance}", known)).containsExactly("a { or } that is not part of a {placeholder}");
        assertThat(TemplateText.problems("{}", known)).singleElement().asString().startsWith("unknown placeholder {}");
        assertThat(TemplateText.problems("{#var#}", known)).as("DLT's own variable syntax is not ours")
                .singleElement().asString().startsWith("unknown placeholder {#var#}");
    }

    @Test
    void every_built_in_text_uses_only_its_kinds_placeholders_and_fits_its_channel() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (NoticeChannel channel : NoticeChannel.values()) {
                NoticeTemplate template = NoticeTemplate.builtIn(kind, channel);
                String dltId = channel == NoticeChannel.SMS ? "1107160000000000001" : null;
                List<FieldError> problems = TemplateValidator.problems(kind, channel,
                        new NoticeTemplateChange(template.subject(), template.body(), dltId));
                assertThat(problems).as(kind + "/" + channel).isEmpty();
                assertThat(template.dltTemplateId()).as("a built-in text has no DLT registration").isNull();
                Map<String, String> values = new HashMap<>();
                kind.placeholders().forEach(name -> values.put(name, "x"));
                assertThat(TemplateText.render(template.body(), values)).doesNotContain("{");
            }
        }
    }

    @Test
    void template_checks_name_every_problem() {
        NoticeKind kind = NoticeKind.PREPAID_RECHARGED;
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.SMS,
                new NoticeTemplateChange("A subject", "x".repeat(481) + " {threshold}", "12345"))))
                .containsExactly("body", "body", "subject", "dlt_template_id");
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.SMS, new NoticeTemplateChange(null, "Rs {amount}", null))))
                .containsExactly("dlt_template_id");
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.SMS,
                new NoticeTemplateChange(null, "Rs {amount}", "11071600000000000019")))).as("20 digits").containsExactly("dlt_template_id");
        assertThat(TemplateValidator.problems(kind, NoticeChannel.SMS, new NoticeTemplateChange(null, "x".repeat(480), "1107160000000000001")))
                .as("480 characters exactly").isEmpty();
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.EMAIL,
                new NoticeTemplateChange(null, "Rs {amount}\n\nThank you", "1107160000000000001"))))
                .containsExactly("subject", "dlt_template_id");
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.EMAIL,
                new NoticeTemplateChange("Line\nbreak", "Rs {amount}\u0007", null)))).containsExactly("body", "subject");
        assertThat(fields(TemplateValidator.problems(kind, NoticeChannel.IN_APP, new NoticeTemplateChange(null, " ", null))))
                .containsExactly("body");
    }

    @Test
    void a_request_carries_only_its_kinds_placeholders_with_bounded_values() {
        UUID consumer = UUID.randomUUID();
        NoticeKind kind = NoticeKind.PREPAID_LOW_BALANCE;
        assertThat(new NoticeRequest(kind, consumer, "k", Map.of("balance", "12.50", "threshold", "x".repeat(100))).values())
                .containsEntry("balance", "12.50");

        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, "k", Map.of("amount", "500")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no placeholder amount");
        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, "k", Map.of("balance", "x".repeat(101))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100 characters");
        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, "k", Map.of("balance", "12\n50")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, "k", Map.of("balance", "")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, " ", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeRequest(kind, consumer, "k".repeat(201), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeRequest(null, consumer, "k", Map.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_mobile_number_is_kept_as_plus_91_and_ten_digits() {
        List<FieldError> problems = new java.util.ArrayList<>();
        assertThat(ConsumerContacts.phone("+91 98765 43210", problems)).isEqualTo("+919876543210");
        assertThat(ConsumerContacts.phone("09876543210", problems)).isEqualTo("+919876543210");
        assertThat(ConsumerContacts.phone("9876543210", problems)).isEqualTo("+919876543210");
        assertThat(ConsumerContacts.phone("919876543210", problems)).isEqualTo("+919876543210");
        assertThat(problems).isEmpty();
        assertThat(ConsumerContacts.phone("+91 5876543210", problems)).isNull();
        assertThat(ConsumerContacts.phone("+44 7911 123456", problems)).isNull();
        assertThat(ConsumerContacts.phone("98765", problems)).isNull();
        assertThat(fields(problems)).containsExactly("phone", "phone", "phone");
        assertThat(ConsumerContacts.email("asha@example.in", problems)).isEqualTo("asha@example.in");
        assertThat(ConsumerContacts.email("Asha <asha@example.in>", problems)).isNull();
        assertThat(ConsumerContacts.email("a@b@c", problems)).isNull();
    }

    private static List<String> fields(List<FieldError> problems) {
        return problems.stream().map(FieldError::field).toList();
    }
}
