-- Registry: HES vendors, the electrical network, consumers and meters. References between
-- tenant-owned tables are composite (tenant_id, id) so a row can never point into another tenant.

create table hes_vendor (
  id            uuid primary key,
  tenant_id     uuid not null references tenant(id) on delete cascade,
  code          text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$'),
  name          text not null,
  protocol      text not null check (protocol in ('REST', 'MQTT', 'DLMS', 'FILE')),
  ip_allowlist  inet[] not null default '{}',
  created_at    timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id)
);

create table hes_api_key (
  id          uuid primary key,
  tenant_id   uuid not null,
  vendor_id   uuid not null,
  key_prefix  text not null,
  key_hash    bytea not null unique,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz,
  foreign key (tenant_id, vendor_id) references hes_vendor(tenant_id, id) on delete cascade
);
create index hes_api_key_vendor on hes_api_key(vendor_id);

-- An HES authenticates by API key before its tenant is known: a definer lookup by key hash.
create function mdm_hes_key_lookup(p_hash bytea)
  returns table (key_id uuid, vendor_id uuid, vendor_code text, tenant_id uuid, tenant_code text,
                 ip_allowlist inet[])
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select k.id, v.id, v.code, v.tenant_id, t.code, v.ip_allowlist
      from hes_api_key k
      join hes_vendor v on v.id = k.vendor_id
      join tenant t on t.id = v.tenant_id
     where k.key_hash = p_hash and k.revoked_at is null
  $$;
revoke all on function mdm_hes_key_lookup(bytea) from public;

create table network_node (
  id          uuid primary key,
  tenant_id   uuid not null references tenant(id) on delete cascade,
  level       text not null check (level in ('CIRCLE', 'DIVISION', 'SUBDIVISION', 'SUBSTATION', 'FEEDER', 'DT')),
  code        text not null,
  name        text not null,
  parent_id   uuid,
  capacity_kva numeric(10, 2),
  voltage_kv   numeric(7, 3),
  created_at  timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, parent_id) references network_node(tenant_id, id),
  check ((level = 'CIRCLE') = (parent_id is null))
);
create index network_node_parent on network_node(tenant_id, parent_id);

create table consumer (
  id                  uuid primary key,
  tenant_id           uuid not null references tenant(id) on delete cascade,
  account_no          text not null,
  name                text not null,
  address             text,
  latitude            numeric(9, 6) check (latitude between -90 and 90),
  longitude           numeric(9, 6) check (longitude between -180 and 180),
  tariff_category     text not null,
  sanctioned_load_kw  numeric(10, 3) not null check (sanctioned_load_kw > 0),
  supply_mode         text not null check (supply_mode in ('PREPAID', 'POSTPAID')),
  net_metered         boolean not null default false,
  dt_id               uuid,
  created_at          timestamptz not null default now(),
  unique (tenant_id, account_no),
  unique (tenant_id, id),
  foreign key (tenant_id, dt_id) references network_node(tenant_id, id)
);
create index consumer_dt on consumer(tenant_id, dt_id);

create table meter (
  id                uuid primary key,
  tenant_id         uuid not null references tenant(id) on delete cascade,
  serial            text not null,
  make              text not null,
  model             text,
  phase             text not null check (phase in ('1P', '3P')),
  category          text not null check (category in ('CONSUMER', 'DT', 'FEEDER', 'BOUNDARY')),
  ct_ratio          numeric(10, 3) not null default 1 check (ct_ratio > 0),
  pt_ratio          numeric(10, 3) not null default 1 check (pt_ratio > 0),
  hes_vendor_id     uuid,
  consumer_id       uuid,
  network_node_id   uuid,
  lifecycle_stage   text not null default 'IN_INVENTORY' check (lifecycle_stage in
                      ('IN_INVENTORY', 'SURVEYED', 'INSTALLATION_ASSIGNED', 'INSTALLED',
                       'COMMISSIONED', 'IN_SERVICE', 'DECOMMISSIONED')),
  stage_changed_at  timestamptz not null default now(),
  created_at        timestamptz not null default now(),
  unique (tenant_id, serial),
  unique (tenant_id, id),
  foreign key (tenant_id, hes_vendor_id) references hes_vendor(tenant_id, id),
  foreign key (tenant_id, consumer_id) references consumer(tenant_id, id),
  foreign key (tenant_id, network_node_id) references network_node(tenant_id, id),
  check (category = 'CONSUMER' or consumer_id is null),
  check (category <> 'CONSUMER' or network_node_id is null)
);
create index meter_vendor on meter(tenant_id, hes_vendor_id);
create index meter_node on meter(tenant_id, network_node_id);
-- one working meter per service point and per network node
create unique index meter_active_per_consumer on meter(consumer_id)
  where consumer_id is not null and lifecycle_stage <> 'DECOMMISSIONED';
create unique index meter_active_per_node on meter(network_node_id)
  where network_node_id is not null and lifecycle_stage <> 'DECOMMISSIONED';

do $$
declare t text;
begin
  foreach t in array array['hes_vendor', 'hes_api_key', 'network_node', 'consumer', 'meter'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
    execute format('grant select, insert, update, delete on %I to ${appRole}', t);
  end loop;
end $$;
grant execute on function mdm_hes_key_lookup(bytea) to ${appRole};
