package io.vidyut.mdm.billing.systems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the billing systems posted: bills, payments, and the events that were rejected. */
@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class BillingRecordsController {
    private final BillingRecords records;

    BillingRecordsController(BillingRecords records) {
        this.records = records;
    }

    @GetMapping("/bills")
    @Roles.Readers
    @Operation(summary = "Bills the billing systems reported, the latest bill date first",
            description = "Of one consumer (consumer_id) or account (account_no), or all.")
    Page<InboundStore.ReceivedBill> bills(@RequestParam(name = "consumer_id", required = false) UUID consumerId,
                                          @RequestParam(name = "account_no", required = false) String accountNo,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return records.bills(new InboundStore.AccountFilter(consumerId, accountNo), new PageRequest(page, size));
    }

    @GetMapping("/payments")
    @Roles.Readers
    @Operation(summary = "Payments the billing systems reported, the latest first",
            description = "Of one consumer (consumer_id) or account (account_no), or all.")
    Page<InboundStore.ReceivedPayment> payments(@RequestParam(name = "consumer_id", required = false) UUID consumerId,
                                                @RequestParam(name = "account_no", required = false) String accountNo,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        return records.payments(new InboundStore.AccountFilter(consumerId, accountNo), new PageRequest(page, size));
    }

    @GetMapping("/webhook/rejected")
    @Roles.Readers
    @Operation(summary = "Webhook events that were rejected, as sent, with their reasons; the latest first")
    Page<InboundStore.RejectedBillingEvent> rejected(@RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size) {
        return records.rejected(new PageRequest(page, size));
    }
}
