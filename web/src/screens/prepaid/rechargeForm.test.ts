import { describe, expect, it } from 'vitest';
import { EMPTY_RECHARGE, reasonProblem, rechargeFieldErrors, toCounterRecharge } from './rechargeForm';

describe('counter recharge form', () => {
  it('sends rupees to the paisa with the receipt number trimmed', () => {
    expect(toCounterRecharge({ receiptNo: ' RCPT/2026-001 ', amount: '499.50', mode: 'UPI' })).toEqual({
      request: { receipt_no: 'RCPT/2026-001', amount: 499.5, mode: 'UPI' },
      errors: {},
    });
  });

  it('takes a leading rupee sign', () => {
    expect(toCounterRecharge({ receiptNo: 'R1', amount: '₹500', mode: 'CASH' }).request?.amount).toBe(500);
  });

  it('names every field that is wrong', () => {
    const { request, errors } = toCounterRecharge({ ...EMPTY_RECHARGE, mode: 'BARTER' });
    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['amount', 'mode', 'receipt_no']);
  });

  it.each(['0', '-10', '10.005', '1e3', '1,000', 'abc', '123456789'])('refuses the amount %s', (amount) => {
    expect(toCounterRecharge({ receiptNo: 'R1', amount, mode: 'CASH' }).errors.amount).toBeDefined();
  });

  it('refuses receipt numbers the server would not take as a transaction id', () => {
    expect(toCounterRecharge({ receiptNo: 'R 1', amount: '10', mode: 'CASH' }).errors.receipt_no).toBeDefined();
    expect(toCounterRecharge({ receiptNo: 'R'.repeat(65), amount: '10', mode: 'CASH' }).errors.receipt_no).toBeDefined();
  });

  it("shows the server's transaction id error beside the receipt number", () => {
    expect(rechargeFieldErrors({ transaction_id: 'bad', amount: '₹10.00 to ₹100000.00' })).toEqual({
      receipt_no: 'bad',
      amount: '₹10.00 to ₹100000.00',
    });
  });
});

describe('manual reconnection reason', () => {
  it('is required and at most 500 characters', () => {
    expect(reasonProblem('  ')).toBeDefined();
    expect(reasonProblem('x'.repeat(501))).toBeDefined();
    expect(reasonProblem('Consumer paid at the sub-division office')).toBeUndefined();
  });
});
