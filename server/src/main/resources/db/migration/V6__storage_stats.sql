-- Storage of meter data across tenants, for operators and the ingest benchmark: bytes on disk
-- (tables, indexes, TOAST, every partition) and how many values they hold.
create function mdm_storage_stats()
  returns table (interval_bytes bigint, interval_history_bytes bigint, register_bytes bigint,
                 interval_rows bigint, interval_values bigint, register_values bigint)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select (select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('interval_day'))::bigint,
           pg_total_relation_size('interval_day_history')::bigint,
           (pg_total_relation_size('register_read') + pg_total_relation_size('register_read_history'))::bigint,
           (select count(*) from interval_day)::bigint,
           (select coalesce(sum(cardinality(vals) - cardinality(array_positions(vals, null))), 0)
              from interval_day)::bigint,
           (select count(*) from register_read)::bigint
  $$;
revoke all on function mdm_storage_stats() from public;
grant execute on function mdm_storage_stats() to ${appRole};
