-- The Indian state or union territory a DISCOM serves (tariffs and regulators are per state), by its name, e.g.
-- 'Haryana'. The application checks it against the list in IndianStates; tenants created before it keep null.
alter table tenant add column state text;
