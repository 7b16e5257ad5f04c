import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Button, Card, CardContent, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography, type Theme } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDate, istStartOfDay } from '../../format/indian';
import type { Schemas } from '../../api/client';
import { TariffDetail } from './TariffDetail';
import { TariffEditor } from './TariffEditor';
import { emptyTariffDraft, toTariffDraft, versionStatuses, type TariffVersion, type VersionStatus } from './tariffForm';
import { useTariffVersion, useTariffVersions } from './tariffQueries';

type Summary = Schemas['Summary'];

// only "in force" is coloured: the info blue of MUI is too light for text on a selected row
const STATUS_CHIPS: Record<VersionStatus, { label: string; color: 'success' | 'default' }> = {
  IN_FORCE: { label: 'In force', color: 'success' },
  SCHEDULED: { label: 'Scheduled', color: 'default' },
  SUPERSEDED: { label: 'Superseded', color: 'default' },
};

/** The success green is 4.48:1 on a selected row's tint, short of 4.5: the darker shade (lighter in dark mode) reads. */
const READABLE_ON_SELECTED = {
  '&.MuiChip-colorSuccess': {
    color: (theme: Theme) => (theme.palette.mode === 'light' ? theme.palette.success.dark : theme.palette.success.light),
    borderColor: (theme: Theme) => (theme.palette.mode === 'light' ? theme.palette.success.dark : theme.palette.success.light),
  },
};

function VersionsTable({ versions, statuses, selected }: { versions: Summary[]; statuses: Map<string, VersionStatus>; selected?: string }) {
  return (
    <Table size="small" aria-label="Tariff versions">
      <TableHead>
        <TableRow>
          <TableCell>Version</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>In force from</TableCell>
          <TableCell>Categories</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Added by</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map((v) => {
          const status = statuses.get(v.id ?? '');
          return (
            <TableRow key={v.id} selected={v.id === selected}>
              <TableCell>{v.version}</TableCell>
              <TableCell>
                <Link component={RouterLink} to={`?version=${v.id}`} aria-current={v.id === selected ? 'true' : undefined}>
                  {v.name}
                </Link>
              </TableCell>
              <TableCell>{v.effective_from ? formatIstDate(v.effective_from) : '—'}</TableCell>
              <TableCell>{(v.categories ?? []).join(', ')}</TableCell>
              <TableCell>
                {status && (
                  <Chip size="small" variant="outlined" label={STATUS_CHIPS[status].label} color={STATUS_CHIPS[status].color} sx={READABLE_ON_SELECTED} />
                )}
              </TableCell>
              <TableCell>{v.created_by}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The editor, started as a copy of the version shown (once it is read) or empty when there is none. */
function NewVersion({ source, onSaved, onCancel }: { source?: TariffVersion; onSaved(v: TariffVersion): void; onCancel(): void }) {
  const initial = source?.tariff ? toTariffDraft(source.tariff) : emptyTariffDraft();
  const startedFrom = source ? `a copy of version ${source.version} (${source.name})` : 'empty';
  return <TariffEditor initial={initial} startedFrom={startedFrom} onSaved={onSaved} onCancel={onCancel} />;
}

/**
 * The tenant's billing tariffs: every version (latest effective first), one whole with its ToD timelines and a bill
 * preview; tenant administrators add a version. The version shown and the editor are in the URL.
 */
export default function TariffsPage() {
  const session = useSignedIn();
  const editable = hasAnyRole(session.roles, TENANT_ADMINS);
  const [params, setParams] = useSearchParams();
  const [savedVersion, setSavedVersion] = useState<number>();
  const versions = useTariffVersions();
  const list = versions.data ?? [];
  // the tenant's day is IST for every DISCOM the platform serves today
  const statuses = versionStatuses(list, istStartOfDay(new Date()).slice(0, 10));
  const inForce = list.find((v) => statuses.get(v.id ?? '') === 'IN_FORCE');
  // without a choice in the URL, the version in force is shown (the latest listed may be years away)
  const selectedId = params.get('version') ?? (inForce ?? list[0])?.id;
  const selected = useTariffVersion(selectedId);
  const editing = editable && params.get('new') === '1';

  const openEditor = () => {
    setSavedVersion(undefined);
    setParams(selectedId ? { version: selectedId, new: '1' } : { new: '1' });
  };

  return (
    <>
      <PageHeader
        title="Tariffs"
        subtitle={
          editable
            ? 'Tariff versions by the day they are in force from; a new version starts as a copy of the one shown.'
            : 'Read only: tenant administrators add tariff versions.'
        }
        actions={
          editable &&
          !editing && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={openEditor} disabled={Boolean(selectedId) && !selected.data}>
              New version
            </Button>
          )
        }
      />
      <Stack spacing={2}>
        {savedVersion !== undefined && (
          <Alert severity="success" role="status" onClose={() => setSavedVersion(undefined)}>
            Saved as version {savedVersion}.
          </Alert>
        )}
        {!editing && (
          <Card variant="outlined">
            <CardContent>
              <QueryStatus query={versions}>
                {(all) =>
                  all.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      No tariff versions yet.
                    </Typography>
                  ) : (
                    <VersionsTable versions={all} statuses={statuses} selected={selectedId} />
                  )
                }
              </QueryStatus>
            </CardContent>
          </Card>
        )}
        {editing ? (
          <NewVersion
            key={selectedId ?? 'empty'}
            source={selected.data}
            onCancel={() => setParams(selectedId ? { version: selectedId } : {})}
            onSaved={(created) => {
              setSavedVersion(created.version);
              setParams({ version: created.id ?? '' });
            }}
          />
        ) : (
          selectedId && <QueryStatus query={selected}>{(version) => <TariffDetail key={version.id} version={version} />}</QueryStatus>
        )}
      </Stack>
    </>
  );
}
