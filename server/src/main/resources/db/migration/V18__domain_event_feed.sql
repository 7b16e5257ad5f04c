-- The domain event feed: what happened (meter events, alarm changes, VEE corrections, finished commands) as
-- one ordered log per tenant, for systems and modules outside the event processor (prepaid, energy audit).
--
-- A row is written in the transaction of the change it announces, without a position. The relay gives rows
-- their positions after they commit, one relay at a time (an advisory lock), so positions follow the order in
-- which rows became visible: a reader that has seen position N never later finds a new row below N. Readers
-- page by position (REST), and with Kafka configured the relay also publishes every row to a topic keyed by
-- meter, keeping how far it got in feed_cursor.
create sequence feed_position;

create table feed_event (
  id           uuid primary key default gen_random_uuid(),
  seq          bigint generated always as identity,  -- insertion order, which positions follow
  tenant_id    uuid not null references tenant(id) on delete cascade,
  pos          bigint unique,  -- the entry's position in the feed, given after commit
  type         text not null,
  meter_id     uuid,
  occurred_at  timestamptz not null,
  data         text not null,
  created_at   timestamptz not null default now()
);
create index feed_event_unpositioned on feed_event(seq) where pos is null;
create index feed_event_tenant_position on feed_event(tenant_id, pos) where pos is not null;

alter table feed_event enable row level security;
create policy feed_event_isolation on feed_event using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert on feed_event to ${appRole};

-- How far each publisher (a Kafka topic) has got; platform-wide, like the relay.
create table feed_cursor (
  name      text primary key,
  pos       bigint not null default 0
);
grant select, insert, update on feed_cursor to ${appRole};

-- Gives committed rows without a position the next positions, in the order they were written; returns how many. Does nothing
-- (0) while another relay holds the lock.
create function mdm_feed_assign_positions(p_limit int)
  returns int
  language plpgsql volatile security definer set search_path = ${schema}, pg_temp
  as $$
  declare
    base bigint;
    assigned int;
  begin
    if not pg_try_advisory_xact_lock(hashtext('mdm.feed.positions')) then
      return 0;
    end if;
    base := nextval('feed_position') - 1;
    update feed_event f set pos = base + n.rank
      from (select id, row_number() over (order by seq) as rank
              from feed_event where pos is null order by seq limit p_limit) n
     where f.id = n.id;
    get diagnostics assigned = row_count;
    -- the block base+1 .. base+assigned is taken; the next call starts after it
    perform setval('feed_position', base + greatest(assigned, 1), assigned > 0);
    return assigned;
  end
  $$;
revoke all on function mdm_feed_assign_positions(int) from public;
grant execute on function mdm_feed_assign_positions(int) to ${appRole};

-- Positioned rows after a position, across tenants, for a publisher.
create function mdm_feed_after(p_position bigint, p_limit int)
  returns table (id uuid, tenant_id uuid, tenant_code text, pos bigint, type text, meter_id uuid,
                 occurred_at timestamptz, data text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select f.id, f.tenant_id, t.code, f.pos, f.type, f.meter_id, f.occurred_at, f.data
      from feed_event f join tenant t on t.id = f.tenant_id
     where f.pos > p_position order by f.pos limit p_limit
  $$;
revoke all on function mdm_feed_after(bigint, int) from public;
grant execute on function mdm_feed_after(bigint, int) to ${appRole};

-- Rows older than mdm.feed.retention are deleted by the retention run.
create function mdm_purge_feed(p_before timestamptz)
  returns int
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with gone as (delete from feed_event where created_at < p_before and pos is not null returning 1)
    select count(*)::int from gone
  $$;
revoke all on function mdm_purge_feed(timestamptz) from public;
grant execute on function mdm_purge_feed(timestamptz) to ${appRole};
