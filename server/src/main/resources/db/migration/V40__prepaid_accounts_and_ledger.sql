-- Prepaid (issue 16): an account per prepaid consumer connection and its append-only ledger. The balance is the sum
-- of the ledger: every entry carries the balance after it, written under the account row's lock, and the account
-- keeps the latest one; the application role may only insert and read ledger entries, never change or delete one.
create table prepaid_account (
  id                    uuid primary key,
  tenant_id             uuid not null references tenant(id) on delete cascade,
  consumer_id           uuid not null,
  account_no            text not null,
  status                text not null check (status in ('ACTIVE', 'CLOSED')),
  -- the tenant-local day the connection became prepaid: grace after conversion counts from it
  converted_on          date not null,
  balance               numeric(14, 2) not null,
  -- arrears carried from postpaid still to recover, a share of each recharge
  arrears               numeric(14, 2) not null check (arrears >= 0),
  last_recharge_amount  numeric(14, 2),
  last_recharge_at      timestamptz,
  -- when the balance last fell to zero or below; null while it is positive
  zero_since            timestamptz,
  -- the last day the daily run charged
  charged_through       date,
  supply                text not null check (supply in ('CONNECTED', 'DISCONNECTED')),
  -- what the disconnection policy said when it last looked at the account in negative balance: the rule holding
  -- the disconnection back, in words, and when it will go
  hold_rule             text,
  hold_explanation      text,
  hold_goes_at          timestamptz,
  hold_evaluated_at     timestamptz,
  opened_by             text not null,
  opened_at             timestamptz not null,
  closed_at             timestamptz,
  unique (tenant_id, id),
  foreign key (tenant_id, consumer_id) references consumer(tenant_id, id)
);
comment on table prepaid_account is 'module: prepaid';
-- one open account per consumer; a closed one stays for its history
create unique index prepaid_account_open on prepaid_account(tenant_id, consumer_id) where status = 'ACTIVE';
create index prepaid_account_by_no on prepaid_account(tenant_id, account_no);
create index prepaid_account_negative on prepaid_account(tenant_id, balance) where status = 'ACTIVE' and balance <= 0;

create table prepaid_ledger (
  id              bigint generated always as identity primary key,
  tenant_id       uuid not null references tenant(id) on delete cascade,
  account_id      uuid not null,
  entry_type      text not null check (entry_type in ('OPENING_BALANCE', 'RECHARGE', 'RECHARGE_REVERSAL', 'ENERGY', 'TOD',
                    'SUBSIDY', 'FIXED', 'DEMAND', 'MINIMUM_CHARGE', 'DUTY', 'TAX', 'ROUNDING', 'ADJUSTMENT',
                    'ARREARS_INSTALMENT', 'REFUND', 'CLOSING_SETTLEMENT')),
  -- credit positive, debit negative, in rupees to the paisa
  amount          numeric(14, 2) not null,
  balance_after   numeric(14, 2) not null,
  -- the consumption day a charge or adjustment is for
  day             date,
  -- why: the tariff's own charge line, the rule or the operator's reason
  description     text not null,
  tariff_id       uuid,
  tariff_version  int,
  data_version    bigint,
  recharge_id     uuid,
  posted_by       text not null,
  posted_at       timestamptz not null,
  foreign key (tenant_id, account_id) references prepaid_account(tenant_id, id)
);
comment on table prepaid_ledger is 'module: prepaid';
create index prepaid_ledger_by_account on prepaid_ledger(tenant_id, account_id, id);

-- What the daily run charged for each account and day, priced from which data version: when VEE or late data
-- changes the day, the run prices it again and posts the difference as one adjustment.
create table prepaid_day_charge (
  tenant_id       uuid not null references tenant(id) on delete cascade,
  account_id      uuid not null,
  day             date not null,
  data_version    bigint not null,
  tariff_id       uuid,
  kwh             numeric(14, 4) not null,
  total           numeric(14, 2) not null,
  intervals       int not null,
  expected        int not null,
  charged_at      timestamptz not null,
  primary key (account_id, day),
  foreign key (tenant_id, account_id) references prepaid_account(tenant_id, id)
);
comment on table prepaid_day_charge is 'module: prepaid';

-- Payment gateways and aggregators that post recharges, each signing with its own secret (sealed; the previous one
-- still accepted during a rotation).
create table prepaid_gateway (
  id                 uuid primary key,
  tenant_id          uuid not null references tenant(id) on delete cascade,
  code               text not null check (length(code) between 1 and 32),
  name               text not null,
  secret             text not null,
  previous_secret    text,
  secret_rotated_at  timestamptz not null,
  enabled            boolean not null,
  created_by         text not null,
  created_at         timestamptz not null,
  unique (tenant_id, code)
);
comment on table prepaid_gateway is 'module: prepaid';

-- Recharges, idempotent by (source, transaction id): a gateway's callback repeated finds its row.
create table prepaid_recharge (
  id               uuid primary key,
  tenant_id        uuid not null references tenant(id) on delete cascade,
  account_id       uuid not null,
  -- the gateway's code, or COUNTER for an operator's counter recharge
  source           text not null,
  transaction_id   text not null check (length(transaction_id) between 1 and 64),
  amount           numeric(14, 2) not null check (amount > 0),
  mode             text not null,
  paid_at          timestamptz not null,
  received_at      timestamptz not null,
  received_by      text not null,
  reversed_at      timestamptz,
  reversed_by      text,
  reversal_reason  text,
  unique (tenant_id, source, transaction_id),
  foreign key (tenant_id, account_id) references prepaid_account(tenant_id, id)
);
comment on table prepaid_recharge is 'module: prepaid';
create index prepaid_recharge_by_account on prepaid_recharge(tenant_id, account_id, received_at desc);

-- Disconnections and reconnections the prepaid rules asked for, and what became of their commands.
create table prepaid_switching (
  id            uuid primary key,
  tenant_id     uuid not null references tenant(id) on delete cascade,
  account_id    uuid not null,
  meter_id      uuid not null,
  action        text not null check (action in ('DISCONNECT', 'RECONNECT')),
  status        text not null check (status in ('SCHEDULED', 'SENT', 'EXECUTED', 'FAILED', 'CANCELLED')),
  -- when to send (a disconnection spread over an opening window); a reconnection is due at once
  send_at       timestamptz not null,
  -- a reconnection's promise: executed by then, else late (the DISCOM compensates)
  deadline      timestamptz,
  late          boolean not null default false,
  command_id    uuid,
  attempts      int not null default 0,
  reason        text not null,
  last_error    text,
  requested_by  text not null,
  created_at    timestamptz not null,
  sent_at       timestamptz,
  completed_at  timestamptz,
  foreign key (tenant_id, account_id) references prepaid_account(tenant_id, id)
);
comment on table prepaid_switching is 'module: prepaid';
create index prepaid_switching_due on prepaid_switching(tenant_id, send_at) where status = 'SCHEDULED';
create index prepaid_switching_open on prepaid_switching(tenant_id, account_id) where status in ('SCHEDULED', 'SENT');
create index prepaid_switching_command on prepaid_switching(command_id) where command_id is not null;

do $$
declare t text;
begin
  foreach t in array array['prepaid_account', 'prepaid_ledger', 'prepaid_day_charge', 'prepaid_gateway',
                           'prepaid_recharge', 'prepaid_switching'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I using (tenant_id = mdm_current_tenant()) '
                   'with check (tenant_id = mdm_current_tenant())', t || '_isolation', t);
  end loop;
end $$;

grant select, insert, update on prepaid_account, prepaid_day_charge, prepaid_gateway, prepaid_recharge,
  prepaid_switching to ${appRole};
-- append-only: entries are corrected by further entries, never changed
grant select, insert on prepaid_ledger to ${appRole};
