-- Delivered webhook messages are kept for mdm.webhooks.retention (30 days by default), then deleted by
-- the retention job; pending and failed ones stay (failed ones go with their subscription).
create index outbox_delivered on outbox(delivered_at) where status = 'DELIVERED';

-- Deletes up to p_limit delivered messages delivered before p_before, across tenants; returns how many.
create function mdm_purge_delivered_webhooks(p_before timestamptz, p_limit int)
  returns int
  language sql volatile security definer set search_path = ${schema}, pg_temp
  as $$
    with gone as (
      delete from outbox where id in (
        select id from outbox where status = 'DELIVERED' and delivered_at < p_before limit p_limit)
      returning 1)
    select count(*)::int from gone
  $$;
revoke all on function mdm_purge_delivered_webhooks(timestamptz, int) from public;
grant execute on function mdm_purge_delivered_webhooks(timestamptz, int) to ${appRole};
