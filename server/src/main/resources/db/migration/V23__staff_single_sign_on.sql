-- Staff single sign-on.
-- A tenant user signs in with a local password (PASSWORD) or by binding to the tenant's LDAP / Active Directory
-- (DIRECTORY): a directory user keeps no local password, so none can be guessed or leak from here. Platform
-- administrators always sign in with a password: no tenant's directory may vouch for them.
alter table app_user add column auth_source text not null default 'PASSWORD'
  check (auth_source in ('PASSWORD', 'DIRECTORY'));
alter table app_user alter column password_hash drop not null;
alter table app_user add constraint app_user_password_of_its_source
  check ((auth_source = 'PASSWORD') = (password_hash is not null));
alter table app_user add constraint app_user_platform_by_password
  check (tenant_id is not null or auth_source = 'PASSWORD');

drop function mdm_sign_in_lookup(text);
create function mdm_sign_in_lookup(p_username text)
  returns table (user_id uuid, tenant_id uuid, tenant_code text, password_hash text,
                 roles text[], enabled boolean, auth_source text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select u.id, u.tenant_id, t.code, u.password_hash, u.roles, u.enabled, u.auth_source
      from app_user u left join tenant t on t.id = u.tenant_id
     where u.username = p_username
  $$;
revoke all on function mdm_sign_in_lookup(text) from public;
grant execute on function mdm_sign_in_lookup(text) to ${appRole};

-- A tenant's OIDC identity provider (its staff sign in there, with the code flow). The client secret is stored
-- sealed (module secrets); it lives here rather than in the tenant's settings, which the tenant's users may read.
create table oidc_provider (
  tenant_id       uuid primary key references tenant(id) on delete cascade,
  display_name    text not null,
  issuer_uri      text not null,
  client_id       text not null,
  client_secret   text not null,
  username_claim  text not null,
  updated_at      timestamptz not null
);
alter table oidc_provider enable row level security;
create policy oidc_provider_isolation on oidc_provider
  using (tenant_id = mdm_current_tenant()) with check (tenant_id = mdm_current_tenant());
grant select, insert, update, delete on oidc_provider to ${appRole};

-- An OIDC sign-in under way: kept between the redirect to the provider and its answer, found by the hash of the
-- state (so a copy of this table starts nobody's sign-in), usable once and for minutes. In the database rather than
-- in memory, so the answer may reach another instance than the one that sent the browser away.
create table oidc_sign_in (
  state_hash     bytea primary key,
  tenant_id      uuid not null references tenant(id) on delete cascade,
  nonce          text not null,
  code_verifier  text not null,
  redirect_uri   text not null,
  expires_at     timestamptz not null
);
create index oidc_sign_in_expiry on oidc_sign_in(expires_at);
alter table oidc_sign_in enable row level security;
create policy oidc_sign_in_isolation on oidc_sign_in
  using (tenant_id = mdm_current_tenant()) with check (tenant_id = mdm_current_tenant());
grant select, insert, delete on oidc_sign_in to ${appRole};

-- The provider's answer carries only the state: this takes the sign-in it names (gone once taken, used or not),
-- before any tenant is known; an expired one is taken and not returned.
create function mdm_take_oidc_sign_in(p_state_hash bytea, p_now timestamptz)
  returns table (tenant_id uuid, tenant_code text, nonce text, code_verifier text, redirect_uri text)
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with taken as (delete from oidc_sign_in where state_hash = p_state_hash returning *)
    select taken.tenant_id, t.code, taken.nonce, taken.code_verifier, taken.redirect_uri
      from taken join tenant t on t.id = taken.tenant_id
     where taken.expires_at > p_now
  $$;
revoke all on function mdm_take_oidc_sign_in(bytea, timestamptz) from public;
grant execute on function mdm_take_oidc_sign_in(bytea, timestamptz) to ${appRole};
