-- The audit trail of every command: one row per state change (and per notable step without one, such as a
-- resend or the ingestion of an on-demand read's result), with when, who or what made it, and why.
--
-- Rows are written by a trigger on meter_command, so no code path can change a command without leaving a
-- row. A statement that changes a command says who it is and, when it wants, why, in the two transient
-- columns transition_by and transition_note: the trigger copies them into the trail and clears them, so they
-- are never stored on the command itself (a statement that sets neither is recorded as by 'system').

alter table meter_command
  add column transition_by   text,
  add column transition_note text,
  -- an executed ON_DEMAND_READ whose result the MDM must still fetch (read_path) and ingest
  add column read_pending    boolean not null default false,
  add column read_batch_id   uuid;

create table meter_command_transition (
  seq          bigint generated always as identity primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  command_id   uuid not null references meter_command(id) on delete cascade deferrable initially deferred,
  at           timestamptz not null default clock_timestamp(),
  from_status  text,
  to_status    text not null,
  attempt      int not null,
  actor        text not null,
  reason       text
);
create index meter_command_transition_command on meter_command_transition(command_id, seq);

alter table meter_command_transition enable row level security;
create policy meter_command_transition_isolation on meter_command_transition
  using (tenant_id = mdm_current_tenant()) with check (tenant_id = mdm_current_tenant());
grant select, insert on meter_command_transition to ${appRole};

create function mdm_record_command_transition() returns trigger
  language plpgsql set search_path = ${schema}, pg_temp
  as $$
  begin
    if tg_op = 'UPDATE' and new.status = 'EXECUTED' and old.status <> 'EXECUTED' and new.type = 'ON_DEMAND_READ' then
      new.read_pending := true;
    end if;
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.attempts <> old.attempts
       or new.transition_note is not null then
      insert into meter_command_transition (tenant_id, command_id, from_status, to_status, attempt, actor, reason)
      values (new.tenant_id, new.id, case when tg_op = 'UPDATE' then old.status end, new.status, new.attempts,
              coalesce(new.transition_by, 'system'),
              coalesce(new.transition_note,
                       case when new.status in ('FAILED', 'TIMED_OUT', 'CANCELLED')
                              or (tg_op = 'UPDATE' and new.status = 'REQUESTED') then new.reason end));
    end if;
    new.transition_by := null;
    new.transition_note := null;
    return new;
  end
  $$;
create trigger meter_command_transition_trail before insert or update on meter_command
  for each row execute function mdm_record_command_transition();

-- Executed on-demand reads whose result is still to be fetched and ingested, across tenants.
create function mdm_due_command_reads(p_limit int)
  returns table (command_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select c.id, c.tenant_id, t.code from meter_command c join tenant t on t.id = c.tenant_id
     where c.read_pending order by c.completed_at limit p_limit
  $$;
create index meter_command_read_pending on meter_command(completed_at) where read_pending;
revoke all on function mdm_due_command_reads(int) from public;
grant execute on function mdm_due_command_reads(int) to ${appRole};
