-- The overview's ingest rate counts a tenant's batches of the last hour: without this it reads the
-- whole batch inbox of every tenant each minute.
create index ingest_batch_by_time on ingest_batch (tenant_id, received_at);
