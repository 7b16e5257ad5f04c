package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of what the billing systems posted, each in a transaction of the caller's tenant (row-level security). */
@Service
class BillingRecords {
    private final InboundStore store;

    BillingRecords(InboundStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    Page<InboundStore.ReceivedBill> bills(InboundStore.AccountFilter filter, PageRequest page) {
        return store.bills(filter, page);
    }

    @Transactional(readOnly = true)
    Page<InboundStore.ReceivedPayment> payments(InboundStore.AccountFilter filter, PageRequest page) {
        return store.payments(filter, page);
    }

    @Transactional(readOnly = true)
    Page<InboundStore.RejectedBillingEvent> rejected(PageRequest page) {
        return store.rejected(page);
    }
}
