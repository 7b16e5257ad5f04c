-- A correction notice is raised by any change of data billing took, not only a person's edit: a late actual
-- replacing an estimate, a changed re-send, an estimate replacing an estimate (issue 14). Only an edit has an
-- edit id; every notice says what caused it and, for changes of stored values, the sum of the changed intervals
-- before and after (in the channel's unit).
alter table billing_correction alter column edit_id drop not null,
  add column cause text not null default 'EDIT'
      check (cause in ('EDIT', 'LATE_ACTUAL', 'RESEND', 'RE_ESTIMATE')),
  add column intervals int,
  add column previous_value numeric,
  add column value numeric;
alter table billing_correction alter column cause drop default;
