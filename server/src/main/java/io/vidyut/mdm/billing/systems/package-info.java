/**
 * The DISCOM billing system's side of the conversation: each tenant's billing-system profiles ({@link
 * io.vidyut.mdm.billing.systems.BillingSystems}: the HMAC secrets it signs with, its billing window, how exports
 * will be delivered to it) and the webhook it posts bills and payments to ({@link
 * io.vidyut.mdm.billing.systems.BillingWebhookController}), authenticated by signature, idempotent by event id, one
 * bad event never sinking the batch. Internal to the billing module. See docs/billing.md.
 */
package io.vidyut.mdm.billing.systems;
