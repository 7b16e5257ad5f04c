-- VEE: rule settings per tenant and meter class (versioned), the exceptions validation raises,
-- the estimates it made (with their method), edits people asked for, and the billing side's
-- locks, the data it took and the corrections it must hear about.

create table vee_settings (
  tenant_id    uuid not null references tenant(id) on delete cascade,
  meter_class  text not null check (meter_class in ('DEFAULT', 'CONSUMER', 'DT', 'FEEDER', 'BOUNDARY')),
  version      int not null,
  config       jsonb not null,
  created_at   timestamptz not null default now(),
  created_by   text not null,
  primary key (tenant_id, meter_class, version)
);

-- One finding of one rule over a run of intervals (or a register read). The same finding found
-- again (a re-sent batch, a re-check) is the same row.
create table vee_exception (
  id             uuid primary key,
  tenant_id      uuid not null references tenant(id) on delete cascade,
  meter_id       uuid not null,
  channel        smallint not null,
  first_at       timestamptz not null,
  last_at        timestamptz not null,
  rule           text not null,
  blocking       boolean not null,
  detail         jsonb not null,
  settings_version int not null,
  status         text not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
  assigned_to    text,
  resolution     text check (resolution in ('ACCEPTED', 'EDITED', 'ESTIMATED', 'SUPERSEDED')),
  resolution_note text,
  detected_at    timestamptz not null default now(),
  resolved_at    timestamptz,
  resolved_by    text,
  unique (tenant_id, meter_id, channel, rule, first_at),
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade
);
create index vee_exception_open_by_meter on vee_exception (tenant_id, meter_id, channel, first_at) where status = 'OPEN';
create index vee_exception_queue on vee_exception (tenant_id, status, detected_at);

-- A run of intervals VEE filled in, and how: billing shows each estimate with its method.
create table vee_estimate (
  id          uuid primary key,
  tenant_id   uuid not null references tenant(id) on delete cascade,
  meter_id    uuid not null,
  channel     smallint not null,
  first_at    timestamptz not null,
  last_at     timestamptz not null,
  intervals   int not null,
  method      text not null check (method in ('LINEAR', 'LINEAR_REGISTER_SCALED', 'LIKE_DAY', 'FLAT', 'PROFILE')),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade
);
create index vee_estimate_by_meter on vee_estimate (tenant_id, meter_id, channel, first_at);

-- A person's correction of a range of one meter's channel; pending until approved when the tenant
-- asks for approval.
create table vee_edit (
  id           uuid primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  bulk_id      uuid,
  meter_id     uuid not null,
  channel      smallint not null,
  first_at     timestamptz not null,
  last_at      timestamptz not null,
  action       text not null check (action in ('SET', 'SCALE', 'ESTIMATE')),
  new_values   jsonb not null,
  reason_code  text not null,
  note         text,
  status       text not null check (status in ('PENDING', 'APPLIED', 'REJECTED')),
  requested_by text not null,
  requested_at timestamptz not null default now(),
  decided_by   text,
  decided_at   timestamptz,
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade
);
create index vee_edit_by_status on vee_edit (tenant_id, status, requested_at);

-- Validation counts per tenant-local day and vendor (flushed from memory): the pass rates' denominator.
create table vee_daily_count (
  tenant_id   uuid not null references tenant(id) on delete cascade,
  day         date not null,
  vendor_id   uuid not null,
  validated   bigint not null default 0,
  failed      bigint not null default 0,
  primary key (tenant_id, day, vendor_id)
);

-- Billing periods closed for editing.
create table billing_period_lock (
  tenant_id   uuid not null references tenant(id) on delete cascade,
  first_day   date not null,
  last_day    date not null,
  locked_by   text not null,
  locked_at   timestamptz not null default now(),
  primary key (tenant_id, first_day),
  check (first_day <= last_day)
);

-- What billing took: a later correction inside such a range is announced to billing.
create table billing_data_taken (
  tenant_id   uuid not null references tenant(id) on delete cascade,
  meter_id    uuid not null,
  first_at    timestamptz not null,
  last_at     timestamptz not null,
  taken_at    timestamptz not null default now(),
  taken_by    text not null,
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade
);
create index billing_data_taken_by_meter on billing_data_taken (tenant_id, meter_id, first_at);

create table billing_correction (
  id          uuid primary key,
  tenant_id   uuid not null references tenant(id) on delete cascade,
  meter_id    uuid not null,
  channel     smallint not null,
  first_at    timestamptz not null,
  last_at     timestamptz not null,
  edit_id     uuid not null,
  corrected_by text not null,
  announced_at timestamptz not null default now(),
  foreign key (tenant_id, meter_id) references meter(tenant_id, id) on delete cascade
);
create index billing_correction_by_time on billing_correction (tenant_id, announced_at);

do $$
declare t text;
begin
  foreach t in array array['vee_settings', 'vee_exception', 'vee_estimate', 'vee_edit', 'vee_daily_count',
                           'billing_period_lock', 'billing_data_taken', 'billing_correction'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
    execute format('grant select, insert, update, delete on %I to ${appRole}', t);
  end loop;
end $$;
