-- Outbound webhooks: a tenant's subscriptions, and the transactional outbox of what each must receive.

create table webhook_subscription (
  id           uuid primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  url          text not null,
  secret       text not null,
  event_types  text[] not null,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  unique (tenant_id, id)
);

-- One row per message and subscription, written in the transaction of the change it announces (an
-- alarm change, a VEE correction), so it exists if and only if that change committed. The dispatcher
-- claims a due row by moving next_attempt_at past its call (a lease) before sending, so a crash mid-call
-- sends it again later with the same id (at-least-once; receivers dedupe on the id). The payload is
-- kept as the exact text that is signed and sent.
create table outbox (
  id                uuid primary key,
  tenant_id         uuid not null references tenant(id) on delete cascade,
  subscription_id   uuid not null,
  event_type        text not null,
  payload           text not null,
  status            text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts          int not null default 0,
  next_attempt_at   timestamptz not null default now(),
  last_status_code  int,
  last_error        text,
  created_at        timestamptz not null default now(),
  delivered_at      timestamptz,
  foreign key (tenant_id, subscription_id) references webhook_subscription(tenant_id, id) on delete cascade
);
create index outbox_due on outbox(next_attempt_at) where status = 'PENDING';
create index outbox_subscription on outbox(subscription_id, created_at desc);

do $$
declare t text;
begin
  foreach t in array array['webhook_subscription', 'outbox'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
    execute format('grant select, insert, update, delete on %I to ${appRole}', t);
  end loop;
end $$;

-- Deliveries the dispatcher must attempt now, across tenants (it then works inside each tenant).
create function mdm_due_webhook_deliveries(p_limit int)
  returns table (delivery_id uuid, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select o.id, o.tenant_id, t.code from outbox o join tenant t on t.id = o.tenant_id
     where o.status = 'PENDING' and o.next_attempt_at <= now()
     order by o.next_attempt_at limit p_limit
  $$;
revoke all on function mdm_due_webhook_deliveries(int) from public;
grant execute on function mdm_due_webhook_deliveries(int) to ${appRole};
