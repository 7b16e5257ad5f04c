-- Alarm escalation on age, and feeder outages.
--
-- An OPEN (unacknowledged) alarm older than the tenant's rules' escalate_after_minutes is escalated: its
-- escalation_level is raised to floor(age / that many minutes) (at most max_escalation_level) and its
-- severity one step per level. A FEEDER_OUTAGE alarm stands for the outage of several DTs under one feeder.

alter table alarm
  add column escalation_level int not null default 0,
  add column escalated_at     timestamptz;
alter table alarm drop constraint alarm_kind_check;
alter table alarm add constraint alarm_kind_check
  check (kind in ('TAMPER', 'POWER_QUALITY', 'DT_OUTAGE', 'FEEDER_OUTAGE'));
create index alarm_open_raised on alarm(raised_at) where status = 'OPEN';

-- Open alarms due for a higher escalation level at p_now, with that level, across tenants (the escalation
-- job then works inside each tenant). Tenants without escalate_after_minutes in their rules escalate nothing.
create function mdm_alarms_to_escalate(p_now timestamptz, p_limit int)
  returns table (alarm_id uuid, tenant_id uuid, tenant_code text, level int)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select d.id, d.tenant_id, d.code, d.due_level from (
      select a.id, a.tenant_id, t.code, a.escalation_level, a.raised_at,
             least(coalesce((r.rules ->> 'max_escalation_level')::int, 3),
                   floor(extract(epoch from (p_now - a.raised_at)) / 60
                         / (r.rules ->> 'escalate_after_minutes')::int)::int) as due_level
        from alarm a
        join alarm_rules r on r.tenant_id = a.tenant_id
        join tenant t on t.id = a.tenant_id
       where a.status = 'OPEN' and (r.rules ->> 'escalate_after_minutes')::int > 0
    ) d
     where d.due_level > d.escalation_level
     order by d.raised_at limit p_limit
  $$;
revoke all on function mdm_alarms_to_escalate(timestamptz, int) from public;
grant execute on function mdm_alarms_to_escalate(timestamptz, int) to ${appRole};
