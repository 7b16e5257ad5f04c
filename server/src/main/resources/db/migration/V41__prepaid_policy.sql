-- The prepaid disconnection policy (issue 16, item 5): one row of rules per tenant (none: the defaults of
-- PrepaidPolicy.DEFAULTS), and the tenant's public holidays, on which disconnection may be protected. Every bound is
-- checked in Java first (422 naming the field); the checks here only keep the table from holding what Java refuses.
create table prepaid_policy (
  tenant_id                        uuid primary key references tenant(id) on delete cascade,
  protected_from                   time,
  protected_until                  time,
  protected_weekdays               int[] not null check (protected_weekdays <@ array[1, 2, 3, 4, 5, 6, 7]),
  second_saturday_protected        boolean not null,
  holidays_protected               boolean not null,
  grace_days_after_conversion      int not null check (grace_days_after_conversion between 0 and 365),
  emergency_credit_days            int not null check (emergency_credit_days between 0 and 30),
  emergency_credit_limit           numeric(12, 2) check (emergency_credit_limit between 0 and 100000),
  minimum_notice_minutes           int not null check (minimum_notice_minutes between 0 and 10080),
  stale_data_hours                 int not null check (stale_data_hours between 1 and 720),
  daily_cap_per_dt                 int not null check (daily_cap_per_dt between 1 and 10000),
  spread_per_feeder                int not null check (spread_per_feeder between 1 and 10000),
  spread_minutes                   int not null check (spread_minutes between 1 and 1440),
  reconnect_within_minutes         int not null check (reconnect_within_minutes between 1 and 1440),
  reconnect_above_balance          numeric(12, 2) not null check (reconnect_above_balance between -100000 and 100000),
  recharge_minimum                 numeric(12, 2) not null check (recharge_minimum between 0 and 1000000),
  recharge_multiple                numeric(12, 2) not null check (recharge_multiple > 0 and recharge_multiple <= 1000000),
  recharge_maximum                 numeric(12, 2) not null check (recharge_maximum > 0 and recharge_maximum <= 1000000),
  alert_percents_of_last_recharge  int[] not null check (cardinality(alert_percents_of_last_recharge) <= 5
                                     and 0 <= all(alert_percents_of_last_recharge)
                                     and 100 >= all(alert_percents_of_last_recharge)),
  alert_percent_used               int check (alert_percent_used between 1 and 100),
  alert_below_balance              numeric(12, 2) check (alert_below_balance between 0 and 100000),
  alert_days_left                  int check (alert_days_left between 1 and 30),
  arrears_recovery_percent         int not null check (arrears_recovery_percent between 0 and 100),
  updated_by                       text not null,
  updated_at                       timestamptz not null,
  check ((protected_from is null) = (protected_until is null)),
  check (protected_from is distinct from protected_until or protected_from is null),
  check (recharge_minimum <= recharge_maximum)
);
comment on table prepaid_policy is 'module: prepaid';

create table prepaid_holiday (
  tenant_id   uuid not null references tenant(id) on delete cascade,
  day         date not null,
  name        text not null check (length(name) between 1 and 100),
  updated_by  text not null,
  updated_at  timestamptz not null,
  primary key (tenant_id, day)
);
comment on table prepaid_holiday is 'module: prepaid';

alter table prepaid_policy enable row level security;
create policy prepaid_policy_isolation on prepaid_policy using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
alter table prepaid_holiday enable row level security;
create policy prepaid_holiday_isolation on prepaid_holiday using (tenant_id = mdm_current_tenant())
  with check (tenant_id = mdm_current_tenant());
grant select, insert, update on prepaid_policy to ${appRole};
grant select, insert, update, delete on prepaid_holiday to ${appRole};
