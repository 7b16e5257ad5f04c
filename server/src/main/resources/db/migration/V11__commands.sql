-- Commands to meters, routed to the meter's HES: REQUESTED → SENT → ACKNOWLEDGED → EXECUTED, or FAILED,
-- TIMED_OUT or CANCELLED. Who asked and every step's time are kept; an idempotency key makes a repeated
-- request return the first command.
create table meter_command (
  id               uuid primary key,
  tenant_id        uuid not null references tenant(id) on delete cascade,
  meter_id         uuid not null,
  vendor_id        uuid not null,
  type             text not null check (type in ('CONNECT', 'DISCONNECT', 'ON_DEMAND_READ', 'LOAD_LIMIT', 'TIME_SYNC', 'RAW')),
  params           jsonb not null default '{}'::jsonb,
  idempotency_key  text not null,
  status           text not null default 'REQUESTED'
                     check (status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED', 'EXECUTED', 'FAILED', 'TIMED_OUT', 'CANCELLED')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  reason           text,
  hes_reference    text,
  requested_by     text not null,
  requested_at     timestamptz not null default now(),
  sent_at          timestamptz,
  acknowledged_at  timestamptz,
  completed_at     timestamptz,
  cancelled_by     text,
  unique (tenant_id, idempotency_key),
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade,
  foreign key (tenant_id, vendor_id) references hes_vendor(tenant_id, id)
);
create index meter_command_due on meter_command(next_attempt_at) where status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED');
create index meter_command_meter on meter_command(tenant_id, meter_id, requested_at desc);

alter table meter_command enable row level security;
create policy meter_command_isolation on meter_command using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update, delete on meter_command to ${appRole};

-- Commands the dispatcher must act on now, across tenants (it then works inside each tenant).
create function mdm_due_commands(p_limit int)
  returns table (command_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select c.id, c.tenant_id, t.code from meter_command c join tenant t on t.id = c.tenant_id
     where c.status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED') and c.next_attempt_at <= now()
     order by c.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_commands(int) from public;
grant execute on function mdm_due_commands(int) to ${appRole};
