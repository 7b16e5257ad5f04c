-- The file-drop adapter looks for a folder per tenant and vendor that has a payload mapping.
create function mdm_file_drop_vendors()
  returns table (vendor_id uuid, vendor_code text, tenant_id uuid, tenant_code text)
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select v.id, v.code, v.tenant_id, t.code
      from hes_vendor v join tenant t on t.id = v.tenant_id
     where exists (select from hes_vendor_mapping m where m.vendor_id = v.id)
  $$;
revoke all on function mdm_file_drop_vendors() from public;
grant execute on function mdm_file_drop_vendors() to ${appRole};
