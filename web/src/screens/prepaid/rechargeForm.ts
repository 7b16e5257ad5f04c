/** The counter-recharge and reconnect dialogs' form models: what the operator types, checked before it is sent. */

export const RECHARGE_MODES = [
  { value: 'CASH', label: 'Cash' },
  { value: 'UPI', label: 'UPI' },
  { value: 'CARD', label: 'Card' },
  { value: 'NET_BANKING', label: 'Net banking' },
  { value: 'WALLET', label: 'Wallet' },
  { value: 'CHEQUE', label: 'Cheque' },
  { value: 'OTHER', label: 'Other' },
] as const;

export interface RechargeDraft {
  receiptNo: string;
  amount: string;
  mode: string;
}

export interface CounterRecharge {
  receipt_no: string;
  amount: number;
  mode: string;
}

export const EMPTY_RECHARGE: RechargeDraft = { receiptNo: '', amount: '', mode: 'CASH' };

/** The server's transaction id rule, which the receipt number is (1–64 of A–Z a–z 0–9 . _ : / -). */
const RECEIPT = /^[A-Za-z0-9._:/-]{1,64}$/;
/** Rupees to the paisa, without grouping: "500", "499.50". */
const RUPEES = /^\d{1,8}(\.\d{1,2})?$/;
const MOST_REASON = 500;

/** The request, or the field errors (by the server's field names) of what is typed. */
export function toCounterRecharge(draft: RechargeDraft): { request?: CounterRecharge; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const receiptNo = draft.receiptNo.trim();
  const amount = draft.amount.trim().replace(/^₹/, '');
  if (!RECEIPT.test(receiptNo)) errors.receipt_no = 'The receipt number: 1–64 of A–Z a–z 0–9 . _ : / -';
  if (!RUPEES.test(amount) || Number(amount) <= 0) errors.amount = 'Rupees above 0, to the paisa, e.g. 500 or 499.50';
  if (!RECHARGE_MODES.some((m) => m.value === draft.mode)) errors.mode = 'Choose how it was paid';
  if (Object.keys(errors).length > 0) return { errors };
  return { request: { receipt_no: receiptNo, amount: Number(amount), mode: draft.mode }, errors };
}

/**
 * The server's field errors of a counter recharge by the dialog's fields: the receipt number is the recharge's
 * transaction id there.
 */
export function rechargeFieldErrors(server: Record<string, string>): Record<string, string> {
  const { transaction_id: transactionId, ...rest } = server;
  return transactionId && !rest.receipt_no ? { ...rest, receipt_no: transactionId } : rest;
}

/** A reason the server keeps with a manual reconnection, or the problem with it. */
export function reasonProblem(reason: string): string | undefined {
  const text = reason.trim();
  if (text === '') return 'Say why the supply is reconnected whatever the balance';
  if (text.length > MOST_REASON) return `At most ${MOST_REASON} characters`;
  return undefined;
}
