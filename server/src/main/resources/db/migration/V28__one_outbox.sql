-- One outbox (issue 13): webhooks, alarm mail, commands to the HES and the feed's Kafka publishing were each their own
-- transactional outbox with its own claim, lease and retry logic. They are now messages of one table, of a kind
-- ('webhook', 'mail', 'command', 'command.read', 'feed.kafka'), which one dispatcher delivers through each kind's
-- handler.
--
-- A message is inserted in the transaction of the change it belongs to, under that transaction's tenant, so it exists
-- if and only if the change committed. The dispatcher claims due messages across tenants in one committed statement
-- (mdm_outbox_claim): attempts + 1 and next_attempt_at moved past the kind's lease, so no two instances deliver one at
-- once and a crash delivers it again after the lease. Messages sharing an ordering key (within a tenant) are claimed
-- one at a time in seq order: a later one waits while an earlier one is PENDING.
create table outbox_message (
  id               uuid primary key,
  seq              bigint generated always as identity,  -- enqueue order, the order of an ordering key
  tenant_id        uuid not null references tenant(id) on delete cascade,
  kind             text not null,
  ordering_key     text,
  subject          text,   -- what it is about, for its module to find it: a subscription id, a command id
  payload          jsonb not null,
  status           text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD', 'DISCARDED')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null,   -- due, or the end of the lease while an attempt runs
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz,
  dead_at          timestamptz,
  redriven_at      timestamptz,
  redriven_by      text,
  discarded_at     timestamptz,
  discarded_by     text,
  discard_reason   text
);
comment on table outbox_message is 'module: outbox';
create index outbox_message_due on outbox_message(next_attempt_at, seq) where status = 'PENDING';
create index outbox_message_ordering on outbox_message(tenant_id, ordering_key, seq)
  where status = 'PENDING' and ordering_key is not null;
create index outbox_message_listed on outbox_message(tenant_id, created_at desc);
create index outbox_message_subject on outbox_message(tenant_id, kind, subject, created_at desc) where subject is not null;
create index outbox_message_delivered on outbox_message(delivered_at) where status = 'DELIVERED';
create index outbox_message_discarded on outbox_message(discarded_at) where status = 'DISCARDED';

alter table outbox_message enable row level security;
create policy outbox_message_isolation on outbox_message using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update, delete on outbox_message to ${appRole};

-- Claims up to p_limit due messages of the kinds this instance handles, across tenants: attempts + 1, next attempt at
-- p_now + the kind's lease (p_lease_ms, in the order of p_kinds). Locked rows (another instance claiming) are skipped;
-- of an ordering key only the oldest pending message can be claimed.
create function mdm_outbox_claim(p_now timestamptz, p_kinds text[], p_lease_ms bigint[], p_limit int)
  returns table (id uuid, tenant_id uuid, tenant_code text, kind text, ordering_key text, subject text, payload jsonb,
                 attempts int, created_at timestamptz)
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with lease as (
      select l.kind, l.ms from unnest(p_kinds, p_lease_ms) as l(kind, ms)
    ), due as (
      select m.id from outbox_message m
       where m.status = 'PENDING' and m.next_attempt_at <= p_now and m.kind = any(p_kinds)
         and (m.ordering_key is null or not exists (
               select from outbox_message e
                where e.tenant_id = m.tenant_id and e.ordering_key = m.ordering_key and e.status = 'PENDING'
                  and e.seq < m.seq))
       order by m.next_attempt_at, m.seq
       limit p_limit
       for update skip locked
    )
    update outbox_message m set attempts = m.attempts + 1, next_attempt_at = p_now + l.ms * interval '1 millisecond'
      from due, lease l, tenant t
     where m.id = due.id and l.kind = m.kind and t.id = m.tenant_id
    returning m.id, m.tenant_id, t.code, m.kind, m.ordering_key, m.subject, m.payload, m.attempts, m.created_at
  $$;
revoke all on function mdm_outbox_claim(timestamptz, text[], bigint[], int) from public;
grant execute on function mdm_outbox_claim(timestamptz, text[], bigint[], int) to ${appRole};

-- Deletes up to p_limit messages delivered or discarded before p_before, across tenants, of the kinds p_kinds (all
-- when null) other than p_other_than; returns how many. Pending and dead messages stay.
create function mdm_outbox_purge(p_before timestamptz, p_kinds text[], p_other_than text[], p_limit int)
  returns int
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with gone as (
      delete from outbox_message where id in (
        select id from outbox_message
         where ((status = 'DELIVERED' and delivered_at < p_before) or (status = 'DISCARDED' and discarded_at < p_before))
           and (p_kinds is null or kind = any(p_kinds)) and (p_other_than is null or kind <> all(p_other_than))
         limit p_limit)
      returning 1)
    select count(*)::int from gone
  $$;
revoke all on function mdm_outbox_purge(timestamptz, text[], text[], int) from public;
grant execute on function mdm_outbox_purge(timestamptz, text[], text[], int) to ${appRole};

-- Pending and dead messages per kind across tenants, for the metrics.
create function mdm_outbox_counts()
  returns table (kind text, status text, messages bigint)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select m.kind, m.status, count(*) from outbox_message m where m.status in ('PENDING', 'DEAD') group by 1, 2
  $$;
revoke all on function mdm_outbox_counts() from public;
grant execute on function mdm_outbox_counts() to ${appRole};

-- The webhook outbox moves in, history included: its rows keep their ids (the Webhook-Id receivers dedupe on) and the
-- exact text that is signed and sent (payload.body); FAILED is DEAD now.
insert into outbox_message (id, tenant_id, kind, subject, payload, status, attempts, next_attempt_at, last_error,
                            created_at, delivered_at, dead_at)
select o.id, o.tenant_id, 'webhook', o.subscription_id::text,
       jsonb_build_object('subscription_id', o.subscription_id, 'event_type', o.event_type, 'body', o.payload),
       case o.status when 'FAILED' then 'DEAD' else o.status end, o.attempts, o.next_attempt_at, o.last_error, o.created_at,
       o.delivered_at, case when o.status = 'FAILED' then o.next_attempt_at end
  from outbox o;

-- So does the alarm mail outbox: SENT is DELIVERED, FAILED is DEAD.
insert into outbox_message (id, tenant_id, kind, payload, status, attempts, next_attempt_at, last_error, created_at,
                            delivered_at, dead_at)
select m.id, m.tenant_id, 'mail',
       jsonb_build_object('recipients', to_jsonb(m.recipients), 'subject', m.subject, 'body', m.body),
       case m.status when 'SENT' then 'DELIVERED' when 'FAILED' then 'DEAD' else 'PENDING' end, m.attempts,
       m.next_attempt_at, m.last_error, m.created_at, m.sent_at, case when m.status = 'FAILED' then m.next_attempt_at end
  from mail_outbox m;

-- Commands still to be sent (REQUESTED, or SENT by an instance that stopped mid-call) become messages with the attempts
-- they had, due when they were; executed on-demand reads whose result is still to be ingested, too.
insert into outbox_message (id, tenant_id, kind, subject, payload, attempts, next_attempt_at, created_at)
select gen_random_uuid(), c.tenant_id, 'command', c.id::text, jsonb_build_object('command_id', c.id), c.attempts,
       c.next_attempt_at, c.requested_at
  from meter_command c where c.status in ('REQUESTED', 'SENT');
insert into outbox_message (id, tenant_id, kind, subject, payload, next_attempt_at, created_at)
select gen_random_uuid(), c.tenant_id, 'command.read', c.id::text, jsonb_build_object('command_id', c.id),
       coalesce(c.completed_at, c.requested_at), coalesce(c.completed_at, c.requested_at)
  from meter_command c where c.read_pending;

-- A command's next_attempt_at was its retry time and its result deadline at once; the retries are the outbox's now, so
-- what is left is the deadline of an ACKNOWLEDGED command.
alter table meter_command rename column next_attempt_at to result_due_at;
alter table meter_command alter column result_due_at drop not null, alter column result_due_at drop default;
update meter_command set result_due_at = null where status in ('REQUESTED', 'SENT');
drop index meter_command_due;
drop index meter_command_read_pending;
create index meter_command_result_due on meter_command(result_due_at) where status = 'ACKNOWLEDGED';

-- Acknowledged commands whose result did not come by their deadline, across tenants (the commands module then works
-- inside each tenant).
create function mdm_overdue_commands(p_now timestamptz, p_limit int)
  returns table (command_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select c.id, c.tenant_id, t.code from meter_command c join tenant t on t.id = c.tenant_id
     where c.status = 'ACKNOWLEDGED' and c.result_due_at <= p_now
     order by c.result_due_at limit p_limit
  $$;
revoke all on function mdm_overdue_commands(timestamptz, int) from public;
grant execute on function mdm_overdue_commands(timestamptz, int) to ${appRole};

-- The feed's Kafka publishing: the relay enqueues each tenant's newly positioned entries as 'feed.kafka' messages (a
-- range of positions each, ordering key the topic) and keeps how far it got per tenant and topic. The one platform-wide
-- cursor it replaces had published everything up to its position, of every tenant.
create table feed_kafka_cursor (
  tenant_id  uuid not null references tenant(id) on delete cascade,
  topic      text not null,
  pos        bigint not null default 0,
  primary key (tenant_id, topic)
);
comment on table feed_kafka_cursor is 'module: feed';
alter table feed_kafka_cursor enable row level security;
create policy feed_kafka_cursor_isolation on feed_kafka_cursor using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update on feed_kafka_cursor to ${appRole};
insert into feed_kafka_cursor (tenant_id, topic, pos)
select t.id, substr(c.name, length('kafka:') + 1), c.pos from feed_cursor c cross join tenant t where c.name like 'kafka:%';

-- Tenants with positioned feed entries past their cursor of a topic.
create function mdm_feed_tenants_behind(p_topic text)
  returns table (tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select t.id, t.code from tenant t
     where exists (select from feed_event f
                    where f.tenant_id = t.id and f.pos is not null
                      and f.pos > coalesce((select c.pos from feed_kafka_cursor c
                                             where c.tenant_id = t.id and c.topic = p_topic), 0))
  $$;
revoke all on function mdm_feed_tenants_behind(text) from public;
grant execute on function mdm_feed_tenants_behind(text) to ${appRole};

-- What the separate outboxes needed and nothing needs now.
drop function mdm_due_webhook_deliveries(timestamptz, int);
drop function mdm_purge_delivered_webhooks(timestamptz, int);
drop function mdm_due_mails(timestamptz, int);
drop function mdm_purge_sent_mails(timestamptz);
drop function mdm_due_commands(timestamptz, int);
drop function mdm_due_command_reads(int);
drop function mdm_feed_after(bigint, int);
drop table outbox;
drop table mail_outbox;
drop table feed_cursor;
