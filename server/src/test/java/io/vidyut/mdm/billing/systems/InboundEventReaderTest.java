package io.vidyut.mdm.billing.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reading one webhook event: every problem a field error, money exact and bounded before anything computes with it. */
class InboundEventReaderTest {
    static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    static final Instant NOW = Instant.parse("2026-11-25T20:28:00Z");

    static InboundEventReader.Read read(String json) {
        return InboundEventReader.read(EXACT.readTree(json), NOW);
    }

    static String payment(String amount, String paidAt) {
        return """
                {"event_id": "e-1", "type": "PAYMENT_RECEIVED", "account_no": "A-1", "receipt_no": "R-1", "amount": %s,
                 "paid_at": "%s", "mode": "CASH"}""".formatted(amount, paidAt);
    }

    @Test
    void a_good_payment_is_read_exactly() {
        InboundEventReader.Read read = read(payment("1584.8", "2026-11-20T10:15:00+05:30"));
        assertThat(read.errors()).isEmpty();
        InboundEvent.PaymentReceived payment = (InboundEvent.PaymentReceived) read.event();
        assertThat(payment.amount()).isEqualTo("1584.80");
        assertThat(payment.paidAt()).isEqualTo(Instant.parse("2026-11-20T04:45:00Z"));
        assertThat(read(payment("100.00", "2026-11-20T10:15:00+05:30")).errors()).as("trailing zeros are no decimals").isEmpty();
    }

    @Test
    void money_of_outlandish_size_precision_or_sign_is_refused() {
        for (String amount : new String[] {"1e999999999", "1e-999999999", "0.001", "12345678901234567.5", "10000000000.01",
                "0", "-5", "\"100\""}) {
            assertThat(read(payment(amount, "2026-11-20T10:15:00+05:30")).errors()).as(amount)
                    .extracting(FieldError::field).containsExactly("amount");
        }
    }

    @Test
    void a_payment_more_than_a_day_ahead_of_the_clock_is_refused() {
        assertThat(read(payment("10", "2026-11-27T10:15:00+05:30")).errors()).extracting(FieldError::message)
                .containsExactly("not in the future");
        assertThat(read(payment("10", "2026-11-26T10:15:00+05:30")).errors()).as("within the day: clocks differ").isEmpty();
        assertThat(read(payment("10", "2026-11-20 10:15")).errors()).extracting(FieldError::field).containsExactly("paid_at");
    }

    @Test
    void a_bill_reports_every_problem_at_once() {
        InboundEventReader.Read read = read("""
                {"event_id": "e 1", "type": "BILL_GENERATED", "account_no": "", "bill_number": "B-1",
                 "period_from": "2026-10-31", "period_to": "2026-10-01", "bill_date": "2026-11-02", "due_date": "2026-11-01",
                 "amounts": [{"component": "ENERGY", "amount": 100.10}, {"component": "DUTY"}], "total": 100.1,
                 "issued_by": "clerk"}""");
        assertThat(read.event()).isNull();
        assertThat(read.eventId()).as("a space: no event id").isNull();
        assertThat(read.type()).isEqualTo(InboundEvent.Type.BILL_GENERATED);
        assertThat(read.errors()).extracting(FieldError::field).containsExactly("event_id", "issued_by", "account_no",
                "period_to", "due_date", "amounts[1].amount");
    }

    @Test
    void the_total_of_a_bill_is_the_sum_of_its_amounts() {
        String bill = """
                {"event_id": "e-1", "type": "BILL_GENERATED", "account_no": "A-1", "bill_number": "B-1",
                 "period_from": "2026-10-01", "period_to": "2026-10-31", "bill_date": "2026-11-02", "due_date": "2026-11-16",
                 "amounts": [{"component": "ENERGY", "amount": 1370}, {"component": "SUBSIDY", "amount": -100.5}], "total": %s}""";
        assertThat(read(bill.formatted("1269.50")).errors()).isEmpty();
        assertThat(read(bill.formatted("1270")).errors()).extracting(FieldError::message).containsExactly("is not the sum of amounts");
    }

    @Test
    void an_unknown_type_or_a_non_object_is_one_reason() {
        assertThat(read("{\"event_id\": \"e-1\", \"type\": \"METER_SWAPPED\"}").errors()).extracting(FieldError::field)
                .containsExactly("type");
        assertThat(read("[1, 2]").errors()).extracting(FieldError::field).containsExactly("event");
    }
}
