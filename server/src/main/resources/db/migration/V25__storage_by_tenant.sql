-- Storage of meter data per tenant, for the platform administrator's list of tenants: the values each tenant holds
-- and its share of the bytes on disk. Tenants share tables, indexes and pages, so a tenant's bytes are estimated: each
-- table's bytes in proportion to the values the tenant holds in it (interval values for the interval tables, reads for
-- the register tables). The shares add up to the total, less what no tenant's row accounts for (empty partitions).
create function mdm_storage_by_tenant()
  returns table (tenant_code text, interval_values bigint, register_values bigint, estimated_bytes bigint)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    with intervals as (
           select tenant_id, sum(cardinality(vals) - cardinality(array_positions(vals, null))) as n
             from interval_day group by tenant_id),
         interval_history as (
           select tenant_id, sum(cardinality(vals) - cardinality(array_positions(vals, null))) as n
             from interval_day_history group by tenant_id),
         registers as (select tenant_id, count(*) as n from register_read group by tenant_id),
         register_history as (select tenant_id, count(*) as n from register_read_history group by tenant_id),
         held as (
           select t.code, coalesce(i.n, 0)::numeric as i, coalesce(ih.n, 0)::numeric as ih,
                  coalesce(r.n, 0)::numeric as r, coalesce(rh.n, 0)::numeric as rh
             from tenant t
             left join intervals i on i.tenant_id = t.id
             left join interval_history ih on ih.tenant_id = t.id
             left join registers r on r.tenant_id = t.id
             left join register_history rh on rh.tenant_id = t.id),
         disk as (
           select (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('interval_day'))::numeric as i,
                  pg_total_relation_size('interval_day_history')::numeric as ih,
                  (pg_total_relation_size('register_read') + pg_total_relation_size('register_read_history'))::numeric as r)
    select h.code, h.i::bigint, h.r::bigint,
           round(coalesce(d.i * h.i / nullif(sum(h.i) over (), 0), 0)
                 + coalesce(d.ih * h.ih / nullif(sum(h.ih) over (), 0), 0)
                 + coalesce(d.r * (h.r + h.rh) / nullif(sum(h.r + h.rh) over (), 0), 0))::bigint
      from held h cross join disk d
     order by h.code
  $$;
revoke all on function mdm_storage_by_tenant() from public;
grant execute on function mdm_storage_by_tenant() to ${appRole};
