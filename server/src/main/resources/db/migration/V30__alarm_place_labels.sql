-- An alarm keeps the label of the place it is about (the meter's serial, the network node's code) as it was when
-- the alarm was raised, so the alarm list shows and sorts by it without reading the meters' and the network's
-- tables (each table belongs to one module; issue 13). Serials never change; a renamed node keeps its old code on
-- the alarms raised before the rename.
alter table alarm add column meter_serial text, add column node_code text;

update alarm a set meter_serial = m.serial from meter m where m.id = a.meter_id;
update alarm a set node_code = n.code from network_node n where n.id = a.network_node_id;

create index alarm_place on alarm(tenant_id, (coalesce(meter_serial, node_code)));
