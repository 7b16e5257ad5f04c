-- E-mail about alarms (raised, escalated) to each tenant's recipients, as a transactional outbox like the
-- webhooks': a row is written in the transaction of the alarm change, so mail goes out if and only if the
-- change committed; a dispatcher sends it through SMTP with retries.
create table mail_outbox (
  id               uuid primary key,
  tenant_id        uuid not null references tenant(id) on delete cascade,
  recipients       text[] not null,
  subject          text not null,
  body             text not null,
  status           text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  created_at       timestamptz not null default now(),
  sent_at          timestamptz
);
create index mail_outbox_due on mail_outbox(next_attempt_at) where status = 'PENDING';

alter table mail_outbox enable row level security;
create policy mail_outbox_isolation on mail_outbox using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update, delete on mail_outbox to ${appRole};

-- Mails the dispatcher must attempt now, across tenants (it then works inside each tenant).
create function mdm_due_mails(p_limit int)
  returns table (mail_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select m.id, m.tenant_id, t.code from mail_outbox m join tenant t on t.id = m.tenant_id
     where m.status = 'PENDING' and m.next_attempt_at <= now()
     order by m.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_mails(int) from public;
grant execute on function mdm_due_mails(int) to ${appRole};

-- Sent mails older than mdm.mail.retention (30 days) are deleted by the nightly retention run.
create function mdm_purge_sent_mails(p_before timestamptz)
  returns int
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with gone as (delete from mail_outbox where status = 'SENT' and sent_at < p_before returning 1)
    select count(*)::int from gone
  $$;
revoke all on function mdm_purge_sent_mails(timestamptz) from public;
grant execute on function mdm_purge_sent_mails(timestamptz) to ${appRole};
