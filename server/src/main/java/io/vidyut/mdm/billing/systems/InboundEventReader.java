package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.systems.InboundEvent.BillComponentAmount;
import io.vidyut.mdm.billing.systems.InboundEvent.BillGenerated;
import io.vidyut.mdm.billing.systems.InboundEvent.PaymentMode;
import io.vidyut.mdm.billing.systems.InboundEvent.PaymentReceived;
import io.vidyut.mdm.billing.systems.InboundEvent.Type;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event of a webhook batch from its JSON, every problem a field error (named as in the event), so that a
 * bad event is rejected with all its reasons and the batch goes on. Strict like the rest of the API: unknown fields
 * are refused, texts and amounts bounded, dates in a sane range, money exact with at most 2 decimals.
 */
final class InboundEventReader {
    static final int MAX_EVENT_ID = 100;
    static final int MAX_CODE = 64;
    static final int MAX_COMPONENTS = 50;
    /** ₹1,000 crore: above any one bill or payment, well inside numeric(14, 2). */
    static final BigDecimal MAX_MONEY = new BigDecimal("10000000000");
    private static final Pattern PRINTABLE_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_EVENT_ID + "}");
    private static final int MAX_PERIOD_DAYS = 366;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    private static final Set<String> BILL_FIELDS = Set.of("event_id", "type", "account_no", "bill_number", "period_from",
            "period_to", "bill_date", "due_date", "amounts", "total");
    private static final Set<String> PAYMENT_FIELDS = Set.of("event_id", "type", "account_no", "receipt_no", "amount",
            "paid_at", "mode", "bill_number");

    /** The event when it is good, else the errors; event id and type as far as they could be read, for the report. */
    record Read(InboundEvent event, String eventId, Type type, List<FieldError> errors) {}

    private final JsonNode node;
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>();

    private InboundEventReader(JsonNode node, Instant now) {
        this.node = node;
        this.now = now;
    }

    /** {@code now} bounds a payment's time: one more than a day ahead of the MDM's clock is a mistake. */
    static Read read(JsonNode node, Instant now) {
        return new InboundEventReader(node, now).read();
    }

    /** The event id when it is one (for finding a replay before anything else is judged), else null. */
    static String eventId(JsonNode node) {
        JsonNode id = node.isObject() ? node.get("event_id") : null;
        return id != null && id.isString() && PRINTABLE_ID.matcher(id.asString()).matches() ? id.asString() : null;
    }

    private Read read() {
        if (!node.isObject()) {
            error("event", "an event is an object {event_id, type, …}");
            return new Read(null, null, null, List.copyOf(errors));
        }
        String eventId = eventId(node);
        if (eventId == null) error("event_id", "required: 1–" + MAX_EVENT_ID + " printable characters without spaces");
        Type type = enumeration("type", Type.class, true);
        InboundEvent event = null;
        if (type == Type.BILL_GENERATED) event = bill(eventId);
        else if (type == Type.PAYMENT_RECEIVED) event = payment(eventId);
        return new Read(errors.isEmpty() ? event : null, eventId, type, List.copyOf(errors));
    }

    private BillGenerated bill(String eventId) {
        unknownFields(BILL_FIELDS);
        String account = text("account_no", MAX_CODE, true);
        String billNumber = text("bill_number", MAX_CODE, true);
        LocalDate from = date("period_from");
        LocalDate to = date("period_to");
        LocalDate billDate = date("bill_date");
        LocalDate dueDate = date("due_date");
        if (from != null && to != null) {
            if (to.isBefore(from)) error("period_to", "on or after period_from");
            else if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) error("period_to", "a period of at most " + MAX_PERIOD_DAYS + " days");
        }
        if (billDate != null && dueDate != null && dueDate.isBefore(billDate)) error("due_date", "on or after bill_date");
        List<BillComponentAmount> amounts = amounts();
        BigDecimal total = money("total", node.get("total"), false);
        if (total != null && amounts != null && amounts.stream().allMatch(a -> a.amount() != null)
                && amounts.stream().map(BillComponentAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(total) != 0) {
            error("total", "is not the sum of amounts");
        }
        return new BillGenerated(eventId, account, billNumber, from, to, billDate, dueDate, amounts, total);
    }

    private List<BillComponentAmount> amounts() {
        JsonNode amounts = node.get("amounts");
        if (amounts == null || !amounts.isArray() || amounts.isEmpty() || amounts.size() > MAX_COMPONENTS) {
            error("amounts", "required: 1–" + MAX_COMPONENTS + " of {component, amount}");
            return null;
        }
        List<BillComponentAmount> read = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            String field = "amounts[" + i + "]";
            JsonNode amount = amounts.get(i);
            if (!amount.isObject() || !Set.of("component", "amount").containsAll(amount.propertyNames())) {
                error(field, "an object {component, amount}");
                continue;
            }
            read.add(new BillComponentAmount(text(field + ".component", amount.get("component"), MAX_CODE, true),
                    money(field + ".amount", amount.get("amount"), false)));
        }
        return read;
    }

    private PaymentReceived payment(String eventId) {
        unknownFields(PAYMENT_FIELDS);
        String account = text("account_no", MAX_CODE, true);
        String receipt = text("receipt_no", MAX_CODE, true);
        BigDecimal amount = money("amount", node.get("amount"), true);
        Instant paidAt = instant("paid_at");
        PaymentMode mode = enumeration("mode", PaymentMode.class, true);
        String billNumber = text("bill_number", MAX_CODE, false);
        return new PaymentReceived(eventId, account, receipt, amount, paidAt, mode, billNumber);
    }

    private void unknownFields(Set<String> known) {
        node.propertyNames().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> error(name, "not a field of this event type"));
    }

    private String text(String field, int max, boolean required) {
        return text(field, node.get(field), max, required);
    }

    private String text(String field, JsonNode value, int max, boolean required) {
        if (value == null || value.isNull()) {
            if (required) error(field, "required");
            return null;
        }
        if (!value.isString() || value.asString().isBlank() || value.asString().length() > max
                || value.asString().chars().anyMatch(Character::isISOControl)) {
            error(field, "text of 1–" + max + " characters without control characters");
            return null;
        }
        return value.asString().strip();
    }

    /** Rupees: a JSON number, at most 2 decimals, at most {@link #MAX_MONEY} either way (above 0 for a payment). */
    private BigDecimal money(String field, JsonNode value, boolean positive) {
        if (value == null || !value.isNumber()) {
            error(field, "required: an amount in rupees (a number)");
            return null;
        }
        BigDecimal amount = value.decimalValue();
        // precision first: an outlandish exponent or length is refused before anything computes with it
        if (amount.precision() > 16 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            error(field, "at most 2 decimals (paise)");
            return null;
        }
        if (amount.abs().compareTo(MAX_MONEY) > 0 || positive && amount.signum() <= 0) {
            error(field, positive ? "more than 0, at most " + MAX_MONEY.toPlainString() : "at most " + MAX_MONEY.toPlainString() + " either way");
            return null;
        }
        return amount.setScale(2);
    }

    private LocalDate date(String field) {
        JsonNode value = node.get(field);
        try {
            if (value == null || !value.isString()) throw new DateTimeParseException("", "", 0);
            LocalDate date = LocalDate.parse(value.asString());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                error(field, "a date between " + FIRST_YEAR + " and " + LAST_YEAR);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            error(field, "required: a date, e.g. 2026-11-01");
            return null;
        }
    }

    private Instant instant(String field) {
        JsonNode value = node.get(field);
        try {
            if (value == null || !value.isString()) throw new DateTimeParseException("", "", 0);
            Instant instant = OffsetDateTime.parse(value.asString()).toInstant();
            if (instant.isAfter(now.plus(1, ChronoUnit.DAYS))) error(field, "not in the future");
            else if (instant.atOffset(java.time.ZoneOffset.UTC).getYear() < FIRST_YEAR) error(field, "not before " + FIRST_YEAR);
            else return instant;
        } catch (DateTimeParseException e) {
            error(field, "required: a date-time with offset, e.g. 2026-11-20T10:15:00+05:30");
        }
        return null;
    }

    private <E extends Enum<E>> E enumeration(String field, Class<E> type, boolean required) {
        JsonNode value = node.get(field);
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (value == null || value.isNull()) {
            if (required) error(field, "required: one of " + allowed);
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (value.isString() && constant.name().equals(value.asString())) return constant;
        }
        error(field, "one of " + allowed);
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
