-- Meter events in unified IS 15959 codes, when each meter was last heard from, and alarms with
-- their per-tenant rules.

-- One row per event a meter reported. A repeat (same meter, time and code) is the same event: the
-- primary key de-duplicates. event_key is the IS 15959 code, or 'raw:' + the vendor's code when the
-- code maps to none (kept and flagged, never dropped). Partitioned by month of occurrence (UTC);
-- partitions are created by the application as events arrive.
create table meter_event (
  tenant_id    uuid not null,
  meter_id     uuid not null,
  occurred_at  timestamptz not null,
  event_key    text not null,
  code         int,
  raw_code     text not null,
  category     text not null,
  severity     text not null,
  known        boolean not null,
  vendor_id    uuid,
  batch_id     uuid,
  received_at  timestamptz not null default now(),
  primary key (meter_id, occurred_at, event_key)
) partition by range (occurred_at);
create index meter_event_tenant_time on meter_event(tenant_id, occurred_at);

create function mdm_ensure_event_partition(p_at timestamptz) returns void
  language plpgsql security definer set search_path = ${schema}, pg_temp
  as $$
  declare
    first_day timestamptz := date_trunc('month', p_at at time zone 'UTC') at time zone 'UTC';
    name text := 'meter_event_' || to_char(first_day at time zone 'UTC', 'YYYYMM');
  begin
    perform pg_advisory_xact_lock(hashtext(name));
    if to_regclass(name) is null then
      execute format('create table if not exists %I partition of meter_event for values from (%L) to (%L)',
                     name, first_day, first_day + interval '1 month');
      -- reached only through meter_event, whose policy applies; direct access sees nothing
      execute format('alter table %I enable row level security', name);
    end if;
  end $$;
revoke all on function mdm_ensure_event_partition(timestamptz) from public;
grant execute on function mdm_ensure_event_partition(timestamptz) to ${appRole};

-- When the MDM last received anything (readings or events) from a meter: the communication-loss report.
create table meter_last_seen (
  tenant_id  uuid not null,
  meter_id   uuid primary key,
  seen_at    timestamptz not null
);

-- A tenant's alarm rules (one row; defaults apply while there is none).
create table alarm_rules (
  tenant_id   uuid primary key references tenant(id) on delete cascade,
  rules       jsonb not null,
  updated_at  timestamptz not null default now(),
  updated_by  text not null
);

-- An alarm about one subject (a meter's event code, or a network node's outage). Repeats while it is
-- not resolved add to its occurrences instead of raising another: one unresolved alarm per subject.
create table alarm (
  id               uuid primary key,
  tenant_id        uuid not null references tenant(id) on delete cascade,
  kind             text not null check (kind in ('TAMPER', 'POWER_QUALITY', 'DT_OUTAGE')),
  severity         text not null,
  subject          text not null,
  meter_id         uuid,
  network_node_id  uuid,
  code             int,
  title            text not null,
  status           text not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
  occurrences      int not null default 1,
  affected_meters  int,
  first_at         timestamptz not null,
  last_at          timestamptz not null,
  raised_at        timestamptz not null default now(),
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  resolved_at      timestamptz,
  resolved_by      text,
  note             text
);
create unique index alarm_one_unresolved_per_subject on alarm(tenant_id, subject) where status <> 'RESOLVED';
create index alarm_tenant_raised on alarm(tenant_id, raised_at desc);

do $$
declare t text;
begin
  foreach t in array array['meter_event', 'meter_last_seen', 'alarm_rules', 'alarm'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
    execute format('grant select, insert, update, delete on %I to ${appRole}', t);
  end loop;
end $$;
