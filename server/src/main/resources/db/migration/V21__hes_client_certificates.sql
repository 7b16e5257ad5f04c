-- An HES may authenticate with a client certificate over mutual TLS instead of an API key: the certificate's SHA-256
-- is kept beside the vendor's API key hashes, as another kind of credential (listed, revoked the same way).
alter table hes_api_key add column kind text not null default 'API_KEY' check (kind in ('API_KEY', 'CLIENT_CERTIFICATE'));

create function mdm_hes_credential_lookup(p_hash bytea, p_kind text)
  returns table (key_id uuid, vendor_id uuid, vendor_code text, tenant_id uuid, tenant_code text,
                 ip_allowlist inet[])
  language sql stable security definer set search_path = ${schema}, pg_temp
  as $$
    select k.id, v.id, v.code, v.tenant_id, t.code, v.ip_allowlist
      from hes_api_key k
      join hes_vendor v on v.id = k.vendor_id
      join tenant t on t.id = v.tenant_id
     where k.key_hash = p_hash and k.kind = p_kind and k.revoked_at is null
  $$;
revoke all on function mdm_hes_credential_lookup(bytea, text) from public;
grant execute on function mdm_hes_credential_lookup(bytea, text) to ${appRole};
drop function mdm_hes_key_lookup(bytea); -- replaced by mdm_hes_credential_lookup
