-- The dispatchers ask for the work due at the application's clock (java.time.Clock, mdm.clock.start), which also
-- stamps next_attempt_at: the database's own now() could disagree with it (a test or rehearsal running at a
-- chosen instant), and work would then never, or always, be due.
drop function mdm_due_commands(int);
create function mdm_due_commands(p_now timestamptz, p_limit int)
  returns table (command_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select c.id, c.tenant_id, t.code from meter_command c join tenant t on t.id = c.tenant_id
     where c.status in ('REQUESTED', 'SENT', 'ACKNOWLEDGED') and c.next_attempt_at <= p_now
     order by c.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_commands(timestamptz, int) from public;
grant execute on function mdm_due_commands(timestamptz, int) to ${appRole};

drop function mdm_due_webhook_deliveries(int);
create function mdm_due_webhook_deliveries(p_now timestamptz, p_limit int)
  returns table (delivery_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select o.id, o.tenant_id, t.code from outbox o join tenant t on t.id = o.tenant_id
     where o.status = 'PENDING' and o.next_attempt_at <= p_now
     order by o.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_webhook_deliveries(timestamptz, int) from public;
grant execute on function mdm_due_webhook_deliveries(timestamptz, int) to ${appRole};

drop function mdm_due_mails(int);
create function mdm_due_mails(p_now timestamptz, p_limit int)
  returns table (mail_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select m.id, m.tenant_id, t.code from mail_outbox m join tenant t on t.id = m.tenant_id
     where m.status = 'PENDING' and m.next_attempt_at <= p_now
     order by m.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_mails(timestamptz, int) from public;
grant execute on function mdm_due_mails(timestamptz, int) to ${appRole};

-- The command trail takes its time from the statement that changed the command (transition_at, the application's
-- clock), like transition_by and transition_note: transient, copied by the trigger and cleared.
alter table meter_command add column transition_at timestamptz;
create or replace function mdm_record_command_transition() returns trigger
  language plpgsql set search_path = ${schema}, pg_temp
  as $$
  begin
    if tg_op = 'UPDATE' and new.status = 'EXECUTED' and old.status <> 'EXECUTED' and new.type = 'ON_DEMAND_READ' then
      new.read_pending := true;
    end if;
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.attempts <> old.attempts
       or new.transition_note is not null then
      insert into meter_command_transition (tenant_id, command_id, at, from_status, to_status, attempt, actor, reason)
      values (new.tenant_id, new.id, coalesce(new.transition_at, clock_timestamp()),
              case when tg_op = 'UPDATE' then old.status end, new.status, new.attempts,
              coalesce(new.transition_by, 'system'),
              coalesce(new.transition_note,
                       case when new.status in ('FAILED', 'TIMED_OUT', 'CANCELLED')
                              or (tg_op = 'UPDATE' and new.status = 'REQUESTED') then new.reason end));
    end if;
    new.transition_by := null;
    new.transition_note := null;
    new.transition_at := null;
    return new;
  end
  $$;
