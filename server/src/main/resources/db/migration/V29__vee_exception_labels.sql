-- VEE keeps to its own tables (issue 13): the exceptions queue filters by vendor and DT and sorts by meter serial
-- in SQL, before paging, so each exception keeps the meter's serial, vendor and DT as they were when it was found
-- (from the meters and network modules' published reads), instead of joining meter and consumer; and each estimate
-- run keeps the meter's vendor, which the statistics count estimates by. Rows already there take the labels the
-- joins gave them.

alter table vee_exception add column meter_serial text, add column hes_vendor_id uuid, add column dt_id uuid;

update vee_exception e
   set meter_serial = m.serial, hes_vendor_id = m.hes_vendor_id, dt_id = coalesce(c.dt_id, m.network_node_id)
  from meter m left join consumer c on c.id = m.consumer_id
 where m.id = e.meter_id;

alter table vee_exception alter column meter_serial set not null;

create index vee_exception_by_vendor on vee_exception (tenant_id, hes_vendor_id, detected_at);
create index vee_exception_by_dt on vee_exception (tenant_id, dt_id, detected_at);

alter table vee_estimate add column hes_vendor_id uuid;

update vee_estimate e set hes_vendor_id = m.hes_vendor_id from meter m where m.id = e.meter_id;
