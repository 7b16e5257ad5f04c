-- Tariffs (issue 15): each tenant's tariff is a series of versions, each in force from its effective date until a
-- later one takes over; every version is kept. The body (categories, ToD slots, slabs, charges) is the validated JSON
-- the API accepted; the columns beside it are what versions are found by. Of two versions effective on the same day
-- the later (higher version) is in force: a tariff can be corrected before it takes effect.
create table billing_tariff (
  id              uuid primary key,
  tenant_id       uuid not null references tenant(id) on delete cascade,
  version         int not null check (version > 0),
  effective_from  date not null,
  name            text not null,
  body            jsonb not null,
  warnings        jsonb not null default '[]',
  created_by      text not null,
  created_at      timestamptz not null,
  unique (tenant_id, version)
);
comment on table billing_tariff is 'module: billing';
create index billing_tariff_in_force on billing_tariff(tenant_id, effective_from desc, version desc);

alter table billing_tariff enable row level security;
create policy billing_tariff_isolation on billing_tariff using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert on billing_tariff to ${appRole};
