-- Tenancy: every tenant-owned row carries tenant_id and is guarded by row-level security bound to
-- the transaction-local settings mdm.tenant_id / mdm.platform (set by the application's transaction
-- manager). The application connects as ${appRole}, which owns nothing, so RLS always applies to it.

create function mdm_current_tenant() returns uuid
  language sql stable
  as $$ select nullif(current_setting('mdm.tenant_id', true), '')::uuid $$;

create function mdm_is_platform() returns boolean
  language sql stable
  as $$ select coalesce(current_setting('mdm.platform', true), '') = 'on' $$;

create table tenant (
  id          uuid primary key,
  code        text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{1,31}$'),
  name        text not null,
  time_zone   text not null default 'Asia/Kolkata',
  settings    jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null default now()
);
alter table tenant enable row level security;
create policy tenant_visibility on tenant
  using (id = mdm_current_tenant() or mdm_is_platform())
  with check (mdm_is_platform());

-- Users of a tenant carry its id; platform administrators have none.
create table app_user (
  id             uuid primary key,
  tenant_id      uuid references tenant(id) on delete cascade,
  username       text not null unique,
  password_hash  text not null,
  display_name   text not null,
  roles          text[] not null,
  enabled        boolean not null default true,
  created_at     timestamptz not null default now()
);
create index app_user_tenant on app_user(tenant_id);
alter table app_user enable row level security;
-- A tenant's users are visible in that tenant; platform administrators only in platform scope.
create policy app_user_isolation on app_user
  using (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()))
  with check (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()));

-- Sign-in happens before any tenant is known: this definer function is the one narrow door
-- through RLS, returning only what verifying a password needs.
create function mdm_sign_in_lookup(p_username text)
  returns table (user_id uuid, tenant_id uuid, tenant_code text, password_hash text,
                 roles text[], enabled boolean)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select u.id, u.tenant_id, t.code, u.password_hash, u.roles, u.enabled
      from app_user u left join tenant t on t.id = u.tenant_id
     where u.username = p_username
  $$;
revoke all on function mdm_sign_in_lookup(text) from public;

grant select, insert, update, delete on tenant, app_user to ${appRole};
grant execute on function mdm_sign_in_lookup(text), mdm_current_tenant(), mdm_is_platform() to ${appRole};
