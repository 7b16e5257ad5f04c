import type { Schemas } from '../../api/client';

export type Meter = Schemas['Meter'];
export type LifecycleStage = NonNullable<Meter['lifecycle_stage']>;
export type MeterCategory = NonNullable<Meter['category']>;

/** The 7-stage meter lifecycle in order, with the words operations staff use. */
export const LIFECYCLE_STAGES: ReadonlyArray<{ stage: LifecycleStage; label: string }> = [
  { stage: 'IN_INVENTORY', label: 'In inventory' },
  { stage: 'SURVEYED', label: 'Site surveyed' },
  { stage: 'INSTALLATION_ASSIGNED', label: 'Installation assigned' },
  { stage: 'INSTALLED', label: 'Installed' },
  { stage: 'COMMISSIONED', label: 'Commissioned' },
  { stage: 'IN_SERVICE', label: 'In service' },
  { stage: 'DECOMMISSIONED', label: 'Decommissioned' },
];

export const METER_CATEGORIES: readonly MeterCategory[] = ['CONSUMER', 'DT', 'FEEDER', 'BOUNDARY'];

export function stageLabel(stage: string | undefined): string {
  return LIFECYCLE_STAGES.find((s) => s.stage === stage)?.label ?? stage ?? '—';
}
