-- The MQTT adapter subscribes for every vendor whose mapping in force names a broker, across tenants.
create function mdm_mqtt_vendor_mappings()
  returns table (vendor_id uuid, vendor_code text, tenant_id uuid, tenant_code text, version int, config jsonb)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select * from (
      select distinct on (m.vendor_id) m.vendor_id, v.code, v.tenant_id, t.code, m.version, m.config
        from hes_vendor_mapping m
        join hes_vendor v on v.id = m.vendor_id
        join tenant t on t.id = v.tenant_id
       order by m.vendor_id, m.version desc) latest
     where latest.config ? 'mqtt'
  $$;
revoke all on function mdm_mqtt_vendor_mappings() from public;
grant execute on function mdm_mqtt_vendor_mappings() to ${appRole};
