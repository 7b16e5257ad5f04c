import { ToneChip } from '../billing/runs/StatusChip';
import { supplyLabel, switchStatusColor, switchStatusLabel } from './prepaidLabels';

/** Whether the supply is on, its word always shown (never colour alone). */
export function SupplyChip({ supply }: { supply: string | undefined }) {
  return <ToneChip label={supplyLabel(supply)} color={supply === 'DISCONNECTED' ? 'error' : supply === 'CONNECTED' ? 'success' : 'default'} />;
}

/** A switching order's status. */
export function SwitchStatusChip({ status }: { status: string | undefined }) {
  return <ToneChip label={switchStatusLabel(status)} color={switchStatusColor(status)} />;
}
