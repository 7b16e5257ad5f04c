-- Automatic exports of finished billing runs to the billing systems billing on the day (issue 15): the delivery that
-- failed, per run and system, with when it is tried again (a file export that failed is retried with a growing delay;
-- one that cannot succeed as it stands waits for a person).
create table billing_export_attempt (
  tenant_id     uuid not null references tenant(id) on delete cascade,
  run_id        uuid not null references billing_run(id),
  system_code   text not null,
  attempts      int not null,
  last_error    text not null,
  retryable     boolean not null,
  last_at       timestamptz not null,
  next_at       timestamptz,
  primary key (run_id, system_code)
);
comment on table billing_export_attempt is 'module: billing';

alter table billing_export_attempt enable row level security;
create policy billing_export_attempt_isolation on billing_export_attempt using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update, delete on billing_export_attempt to ${appRole};
