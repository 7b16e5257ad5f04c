import { Alert, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { formatDecimal, formatQuantity } from '../../../format/indian';
import { formatShare } from './billingLabels';
import { quantityOrDash, zoneSeries, zoneShares, type TodZoneEnergy } from './determinants';

const kwh = (v: number | null) => (v == null ? '' : formatQuantity(v, 'kWh'));
const kvah = (v: number | null) => (v == null ? '' : formatQuantity(v, 'kVAh'));

/** Energy per ToD zone of the consumer's tariff: a bar chart and, for every reader, the same figures as a table. */
export function TodZoneChart({ zones }: { zones: readonly TodZoneEnergy[] }) {
  if (zones.length === 0) return <Alert severity="info">No energy in any ToD zone.</Alert>;
  const series = zoneSeries(zones);
  const shares = zoneShares(zones);
  return (
    <>
      <BarChart
        height={260}
        xAxis={[{ scaleType: 'band', data: series.labels }]}
        yAxis={[{ label: 'kWh / kVAh', valueFormatter: (v: number | null) => (v == null ? '' : formatDecimal(v, 1)), width: 70 }]}
        series={[
          { data: series.importKwh, label: 'Import kWh', valueFormatter: kwh },
          ...(series.importKvah ? [{ data: series.importKvah, label: 'Import kVAh', valueFormatter: kvah }] : []),
          ...(series.exportKwh ? [{ data: series.exportKwh, label: 'Export kWh', valueFormatter: kwh }] : []),
        ]}
      />
      <Table size="small" aria-label="Energy by ToD zone">
        <TableHead>
          <TableRow>
            <TableCell>Zone</TableCell>
            <TableCell align="right">Import</TableCell>
            <TableCell align="right">Share</TableCell>
            <TableCell align="right">Import kVAh</TableCell>
            <TableCell align="right">Export</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {zones.map((zone, i) => (
            <TableRow key={zone.zone}>
              <TableCell component="th" scope="row">
                {series.labels[i]}
              </TableCell>
              <TableCell align="right">{formatQuantity(zone.kwh_import ?? 0, 'kWh')}</TableCell>
              <TableCell align="right">{formatShare(shares[i])}</TableCell>
              <TableCell align="right">{quantityOrDash(zone.kvah_import, 'kVAh')}</TableCell>
              <TableCell align="right">{formatQuantity(zone.kwh_export ?? 0, 'kWh')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
