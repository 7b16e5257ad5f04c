import type { Schemas } from '../../api/client';

export type Command = Schemas['Command'];
export type CommandType = NonNullable<Command['type']>;

/** The commands a person may issue from the dashboard (RAW stays an API-only pass-through). */
export const COMMAND_TYPES: ReadonlyArray<{ type: CommandType; label: string }> = [
  { type: 'CONNECT', label: 'Connect (reconnect supply)' },
  { type: 'DISCONNECT', label: 'Disconnect supply' },
  { type: 'ON_DEMAND_READ', label: 'On-demand read' },
  { type: 'LOAD_LIMIT', label: 'Set load limit' },
  { type: 'TIME_SYNC', label: 'Synchronise clock' },
];

export function commandLabel(type: string | undefined): string {
  return COMMAND_TYPES.find((c) => c.type === type)?.label ?? type ?? '—';
}

export interface CommandDraft {
  type: CommandType | '';
  limitKw: string;
}

/** Problems per field, empty when the command may be sent. */
export function checkCommand(draft: CommandDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.type) errors.type = 'Pick a command';
  if (draft.type === 'LOAD_LIMIT') {
    const limit = Number(draft.limitKw.trim());
    if (!draft.limitKw.trim() || !Number.isFinite(limit) || limit <= 0) errors['params.limit_kw'] = 'A load limit above 0 kW';
  }
  return errors;
}

/** The request body for one meter; the idempotency key makes a retried click harmless. */
export function toCommandIssue(draft: CommandDraft, meterId: string, idempotencyKey: string): Schemas['Issue'] {
  return {
    type: draft.type || undefined,
    meter_ids: [meterId],
    // the OpenAPI document types params (a Map<String, Object>) as objects of objects; it takes numbers
    params: (draft.type === 'LOAD_LIMIT' ? { limit_kw: Number(draft.limitKw.trim()) } : undefined) as Schemas['Issue']['params'],
    idempotency_key: idempotencyKey,
  };
}
