-- Billing cycles, runs and determinants (issue 15). A run computes the determinants of every consumer of a cycle (or
-- of the consumers it names) for one period; each consumer's result is a new version of that consumer-period, the
-- earlier one kept as SUPERSEDED. A result failing the tenant's thresholds waits in the EXCEPTION state, not exported,
-- until a person accepts it or a re-run after correction replaces it.
create table billing_settings (
  tenant_id                    uuid primary key references tenant(id) on delete cascade,
  demand_integration_minutes   int not null check (demand_integration_minutes in (15, 30, 60)),
  sliding_demand               boolean not null,
  max_estimated_share          numeric(5, 4) not null check (max_estimated_share between 0 and 1),
  max_missing_share            numeric(5, 4) not null check (max_missing_share between 0 and 1),
  sum_check_tolerance_kwh      numeric(10, 4) not null check (sum_check_tolerance_kwh >= 0),
  sum_check_tolerance_percent  numeric(6, 3) not null check (sum_check_tolerance_percent between 0 and 100),
  closing_read_hours           int not null check (closing_read_hours between 1 and 168),
  updated_by                   text not null,
  updated_at                   timestamptz not null
);
comment on table billing_settings is 'module: billing';

create table billing_cycle (
  id          uuid primary key,
  tenant_id   uuid not null references tenant(id) on delete cascade,
  code        text not null,
  name        text not null,
  cycle_day   int not null check (cycle_day between 1 and 28),
  months      int not null check (months in (1, 2)),
  node_ids    uuid[] not null,
  created_by  text not null,
  created_at  timestamptz not null,
  unique (tenant_id, code)
);
comment on table billing_cycle is 'module: billing';

create table billing_run (
  id                uuid primary key,
  tenant_id         uuid not null references tenant(id) on delete cascade,
  cycle_id          uuid references billing_cycle(id),
  kind              text not null check (kind in ('CYCLE', 'FIRST', 'FINAL', 'INTERIM')),
  first_day         date not null,
  last_day          date not null check (last_day >= first_day),
  consumer_ids      uuid[],
  status            text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  consumers_total   int not null default 0,
  consumers_done    int not null default 0,
  exceptions        int not null default 0,
  error             text,
  started_by        text not null,
  started_at        timestamptz not null,
  finished_at       timestamptz
);
comment on table billing_run is 'module: billing';
create index billing_run_latest on billing_run(tenant_id, started_at desc);

create table billing_determinant (
  id              uuid primary key,
  tenant_id       uuid not null references tenant(id) on delete cascade,
  run_id          uuid not null references billing_run(id),
  consumer_id     uuid not null,
  account_no      text not null,
  category        text not null,
  dt_id           uuid,
  first_day       date not null,
  last_day        date not null,
  version         int not null check (version > 0),
  status          text not null check (status in ('READY', 'EXCEPTION', 'ACCEPTED', 'SUPERSEDED')),
  kwh_import      numeric(16, 4) not null,
  kwh_export      numeric(16, 4) not null,
  md_kw           numeric(12, 3) not null,
  md_exceeds      boolean not null,
  banked_closing  numeric(16, 4),
  estimated_share numeric(5, 4) not null,
  data_version    bigint not null,
  body            jsonb not null,
  accepted_by     text,
  accepted_reason text,
  created_at      timestamptz not null,
  unique (tenant_id, consumer_id, first_day, last_day, version)
);
comment on table billing_determinant is 'module: billing';
create index billing_determinant_of_run on billing_determinant(run_id, consumer_id);
create index billing_determinant_period on billing_determinant(tenant_id, last_day, consumer_id) where status <> 'SUPERSEDED';

alter table billing_settings enable row level security;
create policy billing_settings_isolation on billing_settings using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_cycle enable row level security;
create policy billing_cycle_isolation on billing_cycle using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_run enable row level security;
create policy billing_run_isolation on billing_run using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_determinant enable row level security;
create policy billing_determinant_isolation on billing_determinant using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update on billing_settings, billing_cycle, billing_run, billing_determinant to ${appRole};
