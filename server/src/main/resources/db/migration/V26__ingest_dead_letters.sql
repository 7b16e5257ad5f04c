-- Dead letters of the Kafka pipeline: records its consumer could not store after every attempt, kept here so their
-- partition moves past them and an operator can re-drive or discard them. One row per part of a batch: a part that
-- fails again after a re-drive opens its row again (attempts add up, first_failed_at stays).
--
-- A record that cannot be read at all names no tenant and no batch. It is kept all the same, as a row of the platform
-- (tenant_id null, seen only in platform scope, like the platform's audit trail) rather than on a dead-letter topic:
-- one store, backed up with the rest, listed by the same API. Its batch, unknown here, stays open in the inbox and
-- the recovery sweep re-drives it.
--
-- No foreign keys: a dead letter must be writable whatever a record names (a batch or tenant this database does not
-- hold), or its partition would stall on it again.
create table ingest_dead_letter (
  id               uuid primary key,
  tenant_id        uuid,
  batch_id         uuid,
  part             int,
  topic            text not null,
  kafka_partition  int not null,
  kafka_offset     bigint not null,
  raw              bytea not null,           -- the record's value, cut at 1 MiB
  raw_bytes        int not null,             -- the record's whole length
  error            text not null,
  attempts         int not null check (attempts > 0),
  first_failed_at  timestamptz not null,
  last_failed_at   timestamptz not null,
  status           text not null default 'OPEN' check (status in ('OPEN', 'REDRIVEN', 'DISCARDED')),
  resolved_at      timestamptz,
  resolved_by      text,
  discard_reason   text,
  check ((batch_id is null) = (part is null)),
  check ((batch_id is null) = (tenant_id is null))
);
comment on table ingest_dead_letter is 'module: ingest';
create unique index ingest_dead_letter_part on ingest_dead_letter(batch_id, part) where batch_id is not null;
create index ingest_dead_letter_by_time on ingest_dead_letter(tenant_id, status, last_failed_at);

alter table ingest_dead_letter enable row level security;
create policy ingest_dead_letter_isolation on ingest_dead_letter
  using (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()))
  with check (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()));
grant select, insert, update on ingest_dead_letter to ${appRole};

-- The recovery sweep leaves alone a batch that a dead letter holds, open or discarded: re-driving it every few
-- minutes would only stall its partition again. An operator re-drives it (or discards the part) instead.
create or replace function mdm_open_ingest_batches(p_older_than timestamptz)
  returns table (batch_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select b.id, b.tenant_id, t.code from ingest_batch b join tenant t on t.id = b.tenant_id
     where b.completed_at is null and b.received_at < p_older_than
       and not exists (select from ingest_dead_letter d where d.batch_id = b.id and d.status <> 'REDRIVEN')
     order by b.received_at
  $$;
