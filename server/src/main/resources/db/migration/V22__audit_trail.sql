-- The audit trail: who did what administrative or security-relevant thing, when, from where, with the state
-- before and after. One append-only chain per tenant (and one for platform actions, tenant_id null): each row
-- carries the SHA-256 of its predecessor's hash and its own content, so a row changed, removed or inserted behind
-- the application's back breaks the chain, which GET /api/v1/audit-trail/verify walks.
create table audit_event (
  id            uuid primary key default gen_random_uuid(),
  -- no foreign key to tenant: the trail outlives a deleted tenant, and the trigger below refuses cascades anyway
  tenant_id     uuid,
  seq           bigint not null check (seq > 0),  -- 1, 2, 3 … within the chain, no gaps
  at            timestamptz not null,            -- from the application's clock
  actor         text not null,
  actor_roles   text[] not null default '{}',
  address       text,
  request_id    text,
  action        text not null,                   -- e.g. user.created, sign_in.failed
  target_type   text,
  target_id     text,
  before        jsonb,
  after         jsonb,
  prev_hash     text not null,
  hash          text not null
);
-- one row per position of each chain; the platform chain is the one without a tenant
create unique index audit_event_tenant_chain on audit_event(tenant_id, seq) where tenant_id is not null;
create unique index audit_event_platform_chain on audit_event(seq) where tenant_id is null;
create index audit_event_tenant_at on audit_event(tenant_id, at);

alter table audit_event enable row level security;
-- A tenant's trail is visible in that tenant; the platform's only in platform scope (as app_user's rows).
create policy audit_event_isolation on audit_event
  using (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()))
  with check (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()));

-- Append-only: the application may read and add, never change or remove. The trigger holds even for a role that
-- was granted more by mistake; only the schema owner can drop it, and then the hash chain tells.
grant select, insert on audit_event to ${appRole};

create function mdm_refuse_audit_change() returns trigger
  language plpgsql
  as $$
  begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
  end
  $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function mdm_refuse_audit_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function mdm_refuse_audit_change();
