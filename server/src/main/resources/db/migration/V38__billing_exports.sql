-- Exports of billing runs to billing systems (issue 15): the SFTP server's pinned host key on the billing system's
-- profile, and the history of what each export sent — every determinants version, so which data version a billing
-- system was given is known, and a re-run after correction is sent as a new version beside the old.
alter table billing_system add column sftp_host_key text;

create table billing_export (
  id            uuid primary key,
  tenant_id     uuid not null references tenant(id) on delete cascade,
  run_id        uuid not null references billing_run(id),
  system_code   text not null,
  mode          text not null,
  file_name     text,
  bytes         bigint not null,
  sha256        text not null,
  lines         int not null,
  refused       jsonb not null default '[]',
  outbox_id     uuid,
  exported_by   text not null,
  exported_at   timestamptz not null
);
comment on table billing_export is 'module: billing';
create index billing_export_of_run on billing_export(run_id, exported_at);

create table billing_export_line (
  export_id       uuid not null references billing_export(id) on delete cascade,
  tenant_id       uuid not null references tenant(id) on delete cascade,
  determinant_id  uuid not null references billing_determinant(id),
  version         int not null,
  data_version    bigint not null,
  primary key (export_id, determinant_id)
);
comment on table billing_export_line is 'module: billing';
create index billing_export_line_of_determinant on billing_export_line(determinant_id);

alter table billing_export enable row level security;
create policy billing_export_isolation on billing_export using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_export_line enable row level security;
create policy billing_export_line_isolation on billing_export_line using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert on billing_export, billing_export_line to ${appRole};
