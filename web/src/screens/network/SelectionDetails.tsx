import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, Link, List, ListItem, Typography } from '@mui/material';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { FactsTable } from '../../components/FactsTable';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDecimal } from '../../format/indian';
import { useMeterPage, type MeterFilter } from '../meters/meterQueries';

function MeterLinks({ filter }: { filter: MeterFilter }) {
  const meters = useMeterPage(filter, 0, 20);
  const items = meters.data?.items ?? [];
  return (
    <>
      <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
        Meters
      </Typography>
      {meters.data && items.length === 0 && <Typography color="text.secondary">No meter here.</Typography>}
      <List dense aria-label="Meters here">
        {items.map((meter) => (
          <ListItem key={meter.id}>
            <Link component={RouterLink} to={`/meters/${meter.id}`}>
              {meter.serial}
            </Link>
            &nbsp;({meter.category}, {meter.phase})
          </ListItem>
        ))}
      </List>
    </>
  );
}

function ConsumerDetails({ consumerId }: { consumerId: string }) {
  const consumer = useQuery({
    queryKey: ['consumer', consumerId],
    queryFn: async () => unwrap(await api.GET('/api/v1/consumers/{id}', { params: { path: { id: consumerId } } })),
  });
  return (
    <QueryStatus query={consumer}>
      {(c) => (
        <>
          <Typography component="h2" variant="h6">
            Consumer {c.account_no}
          </Typography>
          <FactsTable
            label="Consumer facts"
            facts={[
              ['Name', c.name ?? '—'],
              ['Address', c.address ?? '—'],
              ['Tariff', c.tariff_category ?? '—'],
              ['Sanctioned load', c.sanctioned_load_kw === undefined ? '—' : `${formatDecimal(c.sanctioned_load_kw, 1)} kW`],
              ['Supply', `${c.supply_mode ?? '—'}${c.net_metered ? ', net-metered' : ''}`],
            ]}
          />
          <MeterLinks filter={{ consumer_id: consumerId }} />
        </>
      )}
    </QueryStatus>
  );
}

function NodeDetails({ nodeId }: { nodeId: string }) {
  const node = useQuery({
    queryKey: ['node', nodeId],
    queryFn: async () => unwrap(await api.GET('/api/v1/network/nodes/{id}', { params: { path: { id: nodeId } } })),
  });
  return (
    <QueryStatus query={node}>
      {(n) => (
        <>
          <Typography component="h2" variant="h6">
            {n.level} {n.code}
          </Typography>
          <FactsTable
            label="Node facts"
            facts={[
              ['Name', n.name ?? '—'],
              ['Capacity', n.capacity_kva === undefined ? '—' : `${formatDecimal(n.capacity_kva, 0)} kVA`],
              ['Voltage', n.voltage_kv === undefined ? '—' : `${formatDecimal(n.voltage_kv, 3)} kV`],
            ]}
          />
          <MeterLinks filter={{ network_node_id: nodeId }} />
        </>
      )}
    </QueryStatus>
  );
}

/** What the selected tree item is: a node's facts and meters, or a consumer's. */
export function SelectionDetails({ selected }: { selected: string | null }) {
  return (
    <Card component="section" aria-label="Selection details">
      <CardContent>
        {!selected && <Typography color="text.secondary">Select a node or consumer in the tree.</Typography>}
        {selected?.startsWith('consumer:') && <ConsumerDetails consumerId={selected.slice('consumer:'.length)} />}
        {selected && !selected.startsWith('consumer:') && !selected.endsWith(':loading') && <NodeDetails nodeId={selected} />}
      </CardContent>
    </Card>
  );
}
