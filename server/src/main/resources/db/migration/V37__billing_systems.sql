-- The DISCOM's billing systems (issue 15): per tenant, a profile for each system the MDM talks to. Inbound, the
-- system posts bills and payments to POST /billing/webhook, signed with an HMAC secret; during a rotation the previous
-- secret is still accepted. Outbound, the delivery settings say how exports will reach it. Secrets and the SFTP
-- password are stored sealed (SecretBox), never in the clear.
create table billing_system (
  id                uuid primary key,
  tenant_id         uuid not null references tenant(id) on delete cascade,
  code              text not null check (length(code) between 1 and 32),
  name              text not null,
  secret            text not null,
  previous_secret   text,
  secret_rotated_at timestamptz not null,
  window_first_day  int check (window_first_day between 1 and 28),
  window_last_day   int check (window_last_day between 1 and 28),
  delivery_mode     text not null check (delivery_mode in ('REST_PUSH', 'FILE_DROP', 'SFTP', 'PULL')),
  delivery_format   text not null check (delivery_format in ('CSV', 'FIXED_WIDTH')),
  delivery_url      text,
  delivery_folder   text,
  sftp_host         text,
  sftp_port         int check (sftp_port between 1 and 65535),
  sftp_username     text,
  sftp_password     text,
  sftp_remote_dir   text,
  created_by        text not null,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  unique (tenant_id, code),
  -- a billing window is both days or neither
  check ((window_first_day is null) = (window_last_day is null))
);
comment on table billing_system is 'module: billing';

-- Which events of a system were accepted: the idempotency key of the webhook. A replayed event_id finds its row and
-- is acknowledged as a duplicate; rejected events are not here, so a corrected event may be sent again with its id.
create table billing_inbound_event (
  tenant_id    uuid not null references tenant(id) on delete cascade,
  system_id    uuid not null references billing_system(id) on delete cascade,
  event_id     text not null,
  type         text not null check (type in ('BILL_GENERATED', 'PAYMENT_RECEIVED')),
  received_at  timestamptz not null,
  primary key (tenant_id, system_id, event_id)
);
comment on table billing_inbound_event is 'module: billing';

-- Bills the billing system generated, as it reported them; consumer_id resolved from account_no on receipt.
create table billing_bill (
  id           uuid primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  system_id    uuid not null references billing_system(id) on delete cascade,
  event_id     text not null,
  consumer_id  uuid not null,
  account_no   text not null,
  bill_number  text not null,
  period_from  date not null,
  period_to    date not null,
  bill_date    date not null,
  due_date     date not null,
  amounts      jsonb not null,
  total        numeric(14, 2) not null,
  received_at  timestamptz not null,
  unique (tenant_id, system_id, bill_number),
  foreign key (tenant_id, system_id, event_id) references billing_inbound_event(tenant_id, system_id, event_id) on delete cascade
);
comment on table billing_bill is 'module: billing';
create index billing_bill_by_consumer on billing_bill(tenant_id, consumer_id, bill_date desc);
create index billing_bill_by_account on billing_bill(tenant_id, account_no, bill_date desc);

-- Payments the billing system received from consumers.
create table billing_payment (
  id           uuid primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  system_id    uuid not null references billing_system(id) on delete cascade,
  event_id     text not null,
  consumer_id  uuid not null,
  account_no   text not null,
  receipt_no   text not null,
  amount       numeric(14, 2) not null check (amount > 0),
  paid_at      timestamptz not null,
  mode         text not null check (mode in ('CASH', 'UPI', 'CARD', 'NET_BANKING', 'CHEQUE', 'OTHER')),
  bill_number  text,
  received_at  timestamptz not null,
  unique (tenant_id, system_id, receipt_no),
  foreign key (tenant_id, system_id, event_id) references billing_inbound_event(tenant_id, system_id, event_id) on delete cascade
);
comment on table billing_payment is 'module: billing';
create index billing_payment_by_consumer on billing_payment(tenant_id, consumer_id, paid_at desc);
create index billing_payment_by_account on billing_payment(tenant_id, account_no, paid_at desc);

-- Events of an authenticated batch that could not be stored, kept as sent with the reasons, for inspection.
create table billing_inbound_rejected (
  id           uuid primary key,
  tenant_id    uuid not null references tenant(id) on delete cascade,
  system_id    uuid not null references billing_system(id) on delete cascade,
  event_id     text,
  event_index  int not null,
  type         text,
  event        jsonb not null,
  reasons      jsonb not null,
  received_at  timestamptz not null
);
comment on table billing_inbound_rejected is 'module: billing';
create index billing_inbound_rejected_recent on billing_inbound_rejected(tenant_id, received_at desc);

alter table billing_system enable row level security;
create policy billing_system_isolation on billing_system using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_inbound_event enable row level security;
create policy billing_inbound_event_isolation on billing_inbound_event using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_bill enable row level security;
create policy billing_bill_isolation on billing_bill using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_payment enable row level security;
create policy billing_payment_isolation on billing_payment using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table billing_inbound_rejected enable row level security;
create policy billing_inbound_rejected_isolation on billing_inbound_rejected using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());

grant select, insert, update on billing_system to ${appRole};
grant select, insert, delete on billing_inbound_event to ${appRole};
grant select, insert on billing_bill, billing_payment, billing_inbound_rejected to ${appRole};
