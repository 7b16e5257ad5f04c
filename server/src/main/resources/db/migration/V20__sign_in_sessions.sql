-- Sign-in sessions. An access token lives minutes and names its session (claim sid); the session lives until its
-- refresh token's end (hours), sign-out, or a change to its user (disabled, other roles, new password): every
-- request checks that its session is still open, so an ended session stops its tokens at once.
create table user_session (
  id             uuid primary key,
  user_id        uuid not null references app_user(id) on delete cascade,
  tenant_id      uuid references tenant(id) on delete cascade,
  refresh_hash   bytea not null unique,      -- SHA-256 of the refresh token in force (a new one on every use)
  previous_hash  bytea,                      -- the one before: presented again, it was stolen, and the session ends
  address        text,
  acting_tenant  uuid references tenant(id) on delete set null,  -- a platform administrator switched into it
  created_at     timestamptz not null,
  refreshed_at   timestamptz not null,
  expires_at     timestamptz not null,
  ended_at       timestamptz,
  end_reason     text
);
create index user_session_user on user_session(user_id) where ended_at is null;
create index user_session_previous on user_session(previous_hash) where previous_hash is not null;
alter table user_session enable row level security;
create policy user_session_isolation on user_session
  using (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()))
  with check (tenant_id = mdm_current_tenant() or (tenant_id is null and mdm_is_platform()));
grant select, insert, update on user_session to ${appRole};

-- Whether a session is open: asked on every request, before any tenant is known.
create function mdm_session_open(p_session uuid, p_now timestamptz)
  returns boolean
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select exists (select 1 from user_session s join app_user u on u.id = s.user_id
                    where s.id = p_session and s.ended_at is null and s.expires_at > p_now and u.enabled)
  $$;
revoke all on function mdm_session_open(uuid, timestamptz) from public;
grant execute on function mdm_session_open(uuid, timestamptz) to ${appRole};

-- Trades a refresh token for the next one (sign-in is not known to be anyone yet): ROTATED with the session's user;
-- REUSED when the token was already traded (the session ends: someone else holds it); ENDED; or UNKNOWN.
create function mdm_refresh_session(p_hash bytea, p_next_hash bytea, p_now timestamptz)
  returns table (outcome text, session_id uuid, username text, tenant_id uuid, tenant_code text, roles text[],
                 acting_tenant_id uuid, acting_tenant_code text, expires_at timestamptz)
  language plpgsql volatile security definer set search_path = ${schema}, pg_temp
  as $$
  #variable_conflict use_column
  declare
    s user_session%rowtype;
  begin
    select * into s from user_session where refresh_hash = p_hash for update;
    if not found then
      select * into s from user_session where previous_hash = p_hash for update;
      if found then
        update user_session set ended_at = coalesce(ended_at, p_now),
                                end_reason = coalesce(end_reason, 'a refresh token was used twice') where id = s.id;
        return query select 'REUSED'::text, s.id, null::text, null::uuid, null::text, null::text[], null::uuid, null::text, null::timestamptz;
      else
        return query select 'UNKNOWN'::text, null::uuid, null::text, null::uuid, null::text, null::text[], null::uuid,
                            null::text, null::timestamptz;
      end if;
      return;
    end if;
    if s.ended_at is not null or s.expires_at <= p_now
       or not exists (select 1 from app_user u where u.id = s.user_id and u.enabled) then
      return query select 'ENDED'::text, s.id, null::text, null::uuid, null::text, null::text[], null::uuid, null::text, null::timestamptz;
      return;
    end if;
    update user_session set previous_hash = refresh_hash, refresh_hash = p_next_hash, refreshed_at = p_now
     where id = s.id;
    return query select 'ROTATED'::text, s.id, u.username, u.tenant_id, t.code, u.roles, a.id, a.code, s.expires_at
      from app_user u left join tenant t on t.id = u.tenant_id left join tenant a on a.id = s.acting_tenant
     where u.id = s.user_id;
  end
  $$;
revoke all on function mdm_refresh_session(bytea, bytea, timestamptz) from public;
grant execute on function mdm_refresh_session(bytea, bytea, timestamptz) to ${appRole};

-- Sign-out of the caller's own session (its id is in the caller's signed token), whatever tenant it acts in.
create function mdm_end_session(p_session uuid, p_now timestamptz, p_reason text)
  returns boolean
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with ended as (update user_session set ended_at = p_now, end_reason = p_reason
                    where id = p_session and ended_at is null returning 1)
    select exists (select 1 from ended)
  $$;
revoke all on function mdm_end_session(uuid, timestamptz, text) from public;
grant execute on function mdm_end_session(uuid, timestamptz, text) to ${appRole};

-- A session starts at sign-in, before any tenant scope: the user is known by the password check.
create function mdm_start_session(p_id uuid, p_username text, p_hash bytea, p_address text, p_now timestamptz,
                                  p_expires timestamptz)
  returns void
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    insert into user_session (id, user_id, tenant_id, refresh_hash, address, created_at, refreshed_at, expires_at)
    select p_id, u.id, u.tenant_id, p_hash, p_address, p_now, p_now, p_expires from app_user u where u.username = p_username
  $$;
revoke all on function mdm_start_session(uuid, text, bytea, text, timestamptz, timestamptz) from public;
grant execute on function mdm_start_session(uuid, text, bytea, text, timestamptz, timestamptz) to ${appRole};

-- A platform administrator's session switched into a tenant stays there when its tokens are refreshed.
create function mdm_session_act_in(p_session uuid, p_tenant uuid)
  returns void
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    update user_session s set acting_tenant = p_tenant
     where s.id = p_session and s.ended_at is null
       and exists (select 1 from app_user u where u.id = s.user_id and u.tenant_id is null)
  $$;
revoke all on function mdm_session_act_in(uuid, uuid) from public;
grant execute on function mdm_session_act_in(uuid, uuid) to ${appRole};
