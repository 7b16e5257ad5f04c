-- Notifications (issue 16 item 4): notices to consumers (prepaid alerts and notices of recharge, disconnection and
-- reconnection; later alarms and the consumer app) through SMS, e-mail and in-app, each delivery with its status.
-- See docs/notifications.md.

-- How a consumer is reached: an Indian mobile number (+91 and 10 digits) and an e-mail address, each with its opt-out.
create table consumer_contact (
  tenant_id      uuid not null references tenant(id) on delete cascade,
  consumer_id    uuid not null,
  phone          text check (phone ~ '^\+91[6-9][0-9]{9}$'),
  email          text check (length(email) between 3 and 254),
  sms_opt_out    boolean not null default false,
  email_opt_out  boolean not null default false,
  updated_by     text not null,
  updated_at     timestamptz not null,
  primary key (tenant_id, consumer_id),
  foreign key (tenant_id, consumer_id) references consumer(tenant_id, id) on delete cascade
);
comment on table consumer_contact is 'module: notifications';

-- A tenant's own text for a kind of notice on a channel; without a row the built-in text is used. An SMS template
-- carries the id under which the tenant registered it on the DLT platform (TRAI: 19 digits), and its text must be the
-- registered one, a {placeholder} where the registration has a variable.
create table notice_template (
  tenant_id        uuid not null references tenant(id) on delete cascade,
  kind             text not null check (kind ~ '^[A-Z][A-Z0-9_]{0,49}$'),
  channel          text not null check (channel in ('SMS', 'EMAIL', 'IN_APP')),
  subject          text check (length(subject) <= 200),
  body             text not null check (length(body) between 1 and 5000),
  dlt_template_id  text check (dlt_template_id ~ '^[0-9]{19}$'),
  updated_by       text not null,
  updated_at       timestamptz not null,
  primary key (tenant_id, kind, channel),
  check ((channel = 'SMS') = (dlt_template_id is not null)),
  check ((channel = 'EMAIL') = (subject is not null)),
  check (channel <> 'SMS' or length(body) <= 480)
);
comment on table notice_template is 'module: notifications';

-- The tenant's HTTP SMS gateway (one per tenant): where to POST, the DLT-registered sender id (header) and principal
-- entity id, and an optional authentication header whose value is stored sealed (SecretBox), never in the clear.
create table sms_gateway (
  tenant_id          uuid primary key references tenant(id) on delete cascade,
  url                text not null check (length(url) <= 2000),
  sender_id          text not null check (sender_id ~ '^[A-Za-z0-9]{6}$'),
  dlt_entity_id      text not null check (dlt_entity_id ~ '^[0-9]{12,25}$'),
  auth_header_name   text check (auth_header_name ~ '^[A-Za-z0-9-]{1,64}$'),
  auth_header_value  text,
  enabled            boolean not null,
  updated_by         text not null,
  updated_at         timestamptz not null,
  check ((auth_header_name is null) = (auth_header_value is null))
);
comment on table sms_gateway is 'module: notifications';

-- One notice to one consumer: what it says (the values of its kind's placeholders), recorded once per dedupe key.
create table notice (
  id                  uuid primary key,
  tenant_id           uuid not null references tenant(id) on delete cascade,
  kind                text not null check (kind ~ '^[A-Z][A-Z0-9_]{0,49}$'),
  consumer_id         uuid not null,
  dedupe_key          text check (length(dedupe_key) between 1 and 200),
  placeholder_values  jsonb not null,
  created_at          timestamptz not null,
  unique (tenant_id, id),
  unique (tenant_id, dedupe_key),
  foreign key (tenant_id, consumer_id) references consumer(tenant_id, id) on delete cascade
);
comment on table notice is 'module: notifications';
create index notice_by_consumer on notice(tenant_id, consumer_id, kind, created_at desc);
create index notice_recent on notice(tenant_id, created_at desc);

-- A notice on one channel: to whom, the rendered text, and how its delivery went. SMS and e-mail go through the outbox
-- (kinds notice-sms, notice-email); in-app is SENT at once; a channel the consumer cannot be reached on is SKIPPED
-- with the reason.
create table notice_delivery (
  id                  uuid primary key,
  tenant_id           uuid not null references tenant(id) on delete cascade,
  notice_id           uuid not null,
  channel             text not null check (channel in ('SMS', 'EMAIL', 'IN_APP')),
  to_address          text,
  subject             text,
  body                text not null,
  dlt_template_id     text,
  status              text not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
  attempts            int not null default 0,
  last_error          text,
  provider_reference  text,
  sent_at             timestamptz,
  updated_at          timestamptz not null,
  unique (notice_id, channel),
  foreign key (tenant_id, notice_id) references notice(tenant_id, id) on delete cascade,
  check ((status = 'SENT') = (sent_at is not null))
);
comment on table notice_delivery is 'module: notifications';
create index notice_delivery_sent on notice_delivery(notice_id, sent_at desc) where status = 'SENT';

alter table consumer_contact enable row level security;
create policy consumer_contact_isolation on consumer_contact using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table notice_template enable row level security;
create policy notice_template_isolation on notice_template using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table sms_gateway enable row level security;
create policy sms_gateway_isolation on sms_gateway using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table notice enable row level security;
create policy notice_isolation on notice using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table notice_delivery enable row level security;
create policy notice_delivery_isolation on notice_delivery using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());

grant select, insert, update on consumer_contact, sms_gateway to ${appRole};
grant select, insert, update, delete on notice_template to ${appRole};
grant select, insert on notice to ${appRole};
grant select, insert, update on notice_delivery to ${appRole};
