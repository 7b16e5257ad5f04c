import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Grid, Stack } from '@mui/material';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import { hasAnyRole, TENANT_ADMINS, INGEST_OPERATORS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { useDraftState } from '../../components/useDraftState';
import { AllowlistPanel } from './AllowlistPanel';
import { ApiKeysPanel } from './ApiKeysPanel';
import { MappingEditor } from './MappingEditor';
import { MappingHistory } from './MappingHistory';
import { formatDraft } from './mappingDraft';
import { TestParsePanel } from './TestParsePanel';
import { useVendor } from './vendorQueries';

const EMPTY_MAPPING = formatDraft({ format: 'JSON', time_zone: 'Asia/Kolkata', interval_stamp: 'END', interval_minutes: 15 });

/** The mapping in force, or null while the vendor has none (the API answers 404). */
function useMapping(vendorId: string) {
  return useQuery({
    queryKey: ['mapping', vendorId],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/v1/hes-vendors/{id}/mapping', { params: { path: { id: vendorId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
  });
}

export default function VendorDetailPage() {
  const { vendorId = '' } = useParams();
  const session = useSignedIn();
  const admin = hasAnyRole(session.roles, TENANT_ADMINS);
  const vendor = useVendor(vendorId);
  const mapping = useMapping(vendorId);
  const [draft, setDraft] = useDraftState(`mapping:${vendorId}`);

  useEffect(() => {
    if (mapping.data !== undefined && draft === null) {
      setDraft(mapping.data?.mapping ? formatDraft(mapping.data.mapping) : EMPTY_MAPPING);
    }
  }, [mapping.data, draft, setDraft]);

  return (
    <QueryStatus query={vendor}>
      {(v) => (
        <>
          <PageHeader title={`HES vendor ${v.code}`} subtitle={`${v.name} · ${v.protocol}`} />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 7 }}>
              <QueryStatus query={mapping}>
                {(m) => (
                  <MappingEditor
                    vendorId={vendorId}
                    draft={draft ?? ''}
                    onDraftChange={setDraft}
                    onSaved={() => setDraft(null)}
                    version={m?.version}
                    savedAt={m?.created_at}
                    savedBy={m?.created_by}
                    canSave={admin}
                  />
                )}
              </QueryStatus>
            </Grid>
            <Grid size={{ xs: 12, lg: 5 }}>
              <Stack spacing={2}>
                {hasAnyRole(session.roles, INGEST_OPERATORS) && <TestParsePanel vendorId={vendorId} draft={draft ?? ''} />}
                {mapping.data && <MappingHistory vendorId={vendorId} onLoad={setDraft} />}
              </Stack>
            </Grid>
            {admin && (
              <Grid size={{ xs: 12, md: 6 }}>
                <ApiKeysPanel vendor={v} />
              </Grid>
            )}
            <Grid size={{ xs: 12, md: 6 }}>
              <AllowlistPanel vendor={v} canEdit={admin} />
            </Grid>
          </Grid>
        </>
      )}
    </QueryStatus>
  );
}
