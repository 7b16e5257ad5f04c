-- Vendor payload mappings (versioned), the ingest inbox, quarantine of rejected rows, and the
-- interval/register store with full version history.

create table hes_vendor_mapping (
  tenant_id   uuid not null,
  vendor_id   uuid not null,
  version     int not null,
  config      jsonb not null,
  created_at  timestamptz not null default now(),
  created_by  text not null,
  primary key (vendor_id, version),
  foreign key (tenant_id, vendor_id) references hes_vendor(tenant_id, id) on delete cascade
);

-- Every batch an HES delivered, kept raw: the durable point behind a 202, the key of idempotency
-- (vendor + batch id) and what a restart re-drives when its readings were not all stored.
create table ingest_batch (
  id               uuid primary key,
  tenant_id        uuid not null references tenant(id) on delete cascade,
  vendor_id        uuid not null,
  batch_key        text not null,
  protocol         text not null,
  mapping_version  int not null,
  payload          bytea not null,
  received_at      timestamptz not null default now(),
  rows_total       int not null,
  rows_accepted    int not null,
  rows_rejected    int not null,
  parts            int not null,
  completed_at     timestamptz,
  last_error       text,
  unique (tenant_id, vendor_id, batch_key),
  foreign key (tenant_id, vendor_id) references hes_vendor(tenant_id, id)
);
create index ingest_batch_open on ingest_batch(received_at) where completed_at is null;

-- Parts of a batch already stored; recording a part twice (a re-drive) changes nothing.
create table ingest_batch_part (
  tenant_id  uuid not null,
  batch_id   uuid not null references ingest_batch(id) on delete cascade,
  part       int not null,
  stored_at  timestamptz not null default now(),
  primary key (batch_id, part)
);

create table quarantine_row (
  id            uuid primary key,
  tenant_id     uuid not null references tenant(id) on delete cascade,
  vendor_id     uuid not null,
  batch_id      uuid references ingest_batch(id) on delete cascade,
  row_no        int not null,
  raw           text not null,
  field         text,
  reason        text not null,
  received_at   timestamptz not null default now(),
  status        text not null default 'OPEN' check (status in ('OPEN', 'REDRIVEN', 'DISCARDED')),
  resolved_at   timestamptz,
  resolved_by   text,
  foreign key (tenant_id, vendor_id) references hes_vendor(tenant_id, id)
);
create index quarantine_open on quarantine_row(tenant_id, vendor_id, received_at) where status = 'OPEN';

-- Settled interval layout: one row per meter, channel and tenant-local day holding every interval
-- of the day as fixed-point integers (unit per channel), with one quality byte per interval —
-- or no quality bytes at all when every value present is a plain actual reading (the usual day).
-- Partitioned by month; partitions are created by the application as data arrives.
create table interval_day (
  tenant_id         uuid not null,
  meter_id          uuid not null,
  channel           smallint not null,
  day               date not null,
  interval_minutes  smallint not null,
  vals              int[] not null,
  quality           bytea,
  version           int not null default 1,
  updated_at        timestamptz not null default now(),
  primary key (meter_id, channel, day)
) partition by range (day);

-- Earlier versions of a day row, written whenever a stored value changes (never on first arrival).
create table interval_day_history (
  tenant_id         uuid not null,
  meter_id          uuid not null,
  channel           smallint not null,
  day               date not null,
  interval_minutes  smallint not null,
  vals              int[] not null,
  quality           bytea,
  version           int not null,
  valid_from        timestamptz not null,
  superseded_at     timestamptz not null default now(),
  superseded_by     text not null,
  primary key (meter_id, channel, day, version)
);

create table register_read (
  tenant_id    uuid not null,
  meter_id     uuid not null,
  channel      smallint not null,
  read_at      timestamptz not null,
  value        bigint not null,
  quality      smallint not null,
  version      int not null default 1,
  updated_at   timestamptz not null default now(),
  primary key (meter_id, channel, read_at)
);

create table register_read_history (
  tenant_id      uuid not null,
  meter_id       uuid not null,
  channel        smallint not null,
  read_at        timestamptz not null,
  value          bigint not null,
  quality        smallint not null,
  version        int not null,
  valid_from     timestamptz not null,
  superseded_at  timestamptz not null default now(),
  superseded_by  text not null,
  primary key (meter_id, channel, read_at, version)
);

-- Creates the month partition holding the given day if it is missing (definer: the application
-- role owns no tables and may not create them itself).
create function mdm_ensure_interval_partition(p_day date) returns void
  language plpgsql security definer set search_path = ${schema}, pg_temp
  as $$
  declare
    first_day date := date_trunc('month', p_day)::date;
    name text := 'interval_day_' || to_char(first_day, 'YYYYMM');
  begin
    perform pg_advisory_xact_lock(hashtext(name));
    if to_regclass(name) is null then
      execute format('create table if not exists %I partition of interval_day for values from (%L) to (%L)',
                     name, first_day, (first_day + interval '1 month')::date);
      -- reached only through interval_day, whose policy applies; direct access sees nothing
      execute format('alter table %I enable row level security', name);
    end if;
  end $$;
revoke all on function mdm_ensure_interval_partition(date) from public;
grant execute on function mdm_ensure_interval_partition(date) to ${appRole};

-- Batches a restart must re-drive, across tenants (the recovery job then works inside each tenant).
create function mdm_open_ingest_batches(p_older_than timestamptz)
  returns table (batch_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select b.id, b.tenant_id, t.code from ingest_batch b join tenant t on t.id = b.tenant_id
     where b.completed_at is null and b.received_at < p_older_than order by b.received_at
  $$;
revoke all on function mdm_open_ingest_batches(timestamptz) from public;
grant execute on function mdm_open_ingest_batches(timestamptz) to ${appRole};

do $$
declare t text;
begin
  foreach t in array array['hes_vendor_mapping', 'ingest_batch', 'ingest_batch_part', 'quarantine_row', 'interval_day',
                           'interval_day_history', 'register_read', 'register_read_history'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
    execute format('grant select, insert, update, delete on %I to ${appRole}', t);
  end loop;
end $$;
