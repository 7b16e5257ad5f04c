import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { formatRupees } from '../../format/indian';
import { useCounterRecharge } from './prepaidQueries';
import { EMPTY_RECHARGE, RECHARGE_MODES, rechargeFieldErrors, toCounterRecharge, type RechargeDraft } from './rechargeForm';

/** An operator credits a recharge paid at the counter; the receipt number makes it count once. */
export function CounterRechargeDialog({ accountNo, open, onClose }: { accountNo: string; open: boolean; onClose(): void }) {
  const [draft, setDraft] = useState<RechargeDraft>(EMPTY_RECHARGE);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const recharge = useCounterRecharge();
  const close = () => {
    recharge.reset();
    setDraft(EMPTY_RECHARGE);
    setFormErrors({});
    onClose();
  };
  const set = (changes: Partial<RechargeDraft>) => setDraft((current) => ({ ...current, ...changes }));
  function submit() {
    const { request, errors } = toCounterRecharge(draft);
    setFormErrors(errors);
    if (!request) return;
    recharge.mutate({ accountNo, body: request });
  }
  const serverErrors = rechargeFieldErrors(fieldErrorsOf(recharge.error, 'receipt_no'));
  const errors = { ...serverErrors, ...formErrors };
  const shownBeside = ['receipt_no', 'amount', 'mode'].some((field) => serverErrors[field]);
  const receipt = recharge.data;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>Counter recharge of {accountNo}</DialogTitle>
      <DialogContent>
        {receipt ? (
          <Alert severity="success">
            {receipt.duplicate
              ? `Receipt ${receipt.recharge?.transaction_id} was credited before; nothing more was credited.`
              : `Credited ${formatRupees(receipt.recharge?.amount)}. The balance is now ${formatRupees(receipt.balance_after)}` +
                (receipt.arrears_recovered ? `, after ${formatRupees(receipt.arrears_recovered)} towards arrears.` : '.')}
          </Alert>
        ) : (
          <>
            <DialogContentText>
              The amount is credited at once and may reconnect the supply. The receipt number counts the recharge once: the same
              receipt again credits nothing.
            </DialogContentText>
            {recharge.isError && !shownBeside && <Alert severity="error">{messageOf(recharge.error)}</Alert>}
            <FormTextField
              label="Receipt number"
              required
              value={draft.receiptNo}
              onChange={(receiptNo) => set({ receiptNo })}
              error={errors.receipt_no}
              hint="As printed on the counter receipt"
            />
            <FormTextField
              label="Amount (₹)"
              required
              value={draft.amount}
              onChange={(amount) => set({ amount })}
              error={errors.amount}
              hint="Rupees to the paisa, e.g. 500"
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
            <FormTextField select label="Mode" required value={draft.mode} onChange={(mode) => set({ mode })} error={errors.mode}>
              {RECHARGE_MODES.map((mode) => (
                <MenuItem key={mode.value} value={mode.value}>
                  {mode.label}
                </MenuItem>
              ))}
            </FormTextField>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {receipt ? (
          <Button variant="contained" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="contained" onClick={submit} disabled={recharge.isPending}>
              Credit recharge
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
