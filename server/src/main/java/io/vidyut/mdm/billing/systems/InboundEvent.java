package io.vidyut.mdm.billing.systems;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One event the billing system posted, read and checked: a bill it generated or a payment it received. */
sealed interface InboundEvent {
    String eventId();

    String accountNo();

    Type type();

    enum Type { BILL_GENERATED, PAYMENT_RECEIVED }

    enum PaymentMode { CASH, UPI, CARD, NET_BANKING, CHEQUE, OTHER }

    /** A bill's amount for one of its components (energy, fixed, duty, arrears, …, as the billing system names them). */
    record BillComponentAmount(String component, BigDecimal amount) {}

    record BillGenerated(String eventId, String accountNo, String billNumber, LocalDate periodFrom, LocalDate periodTo,
                         LocalDate billDate, LocalDate dueDate, List<BillComponentAmount> amounts, BigDecimal total)
            implements InboundEvent {
        @Override
        public Type type() {
            return Type.BILL_GENERATED;
        }
    }

    record PaymentReceived(String eventId, String accountNo, String receiptNo, BigDecimal amount, Instant paidAt,
                           PaymentMode mode, String billNumber) implements InboundEvent {
        @Override
        public Type type() {
            return Type.PAYMENT_RECEIVED;
        }
    }
}
