import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/problem';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime } from '../../format/indian';
import { formatDraft } from './mappingDraft';

/**
 * Every saved version of the vendor's mapping, newest first. "Load into editor" puts an earlier
 * version in the editor; saving it makes it the newest version (there is no separate rollback).
 */
export function MappingHistory({ vendorId, onLoad }: { vendorId: string; onLoad(draft: string): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const versions = useQuery({
    queryKey: ['mapping-versions', vendorId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hes-vendors/{id}/mapping/versions', { params: { path: { id: vendorId } } })),
  });

  async function load(version: number) {
    setFailure(null);
    try {
      const saved = unwrap(
        await api.GET('/api/v1/hes-vendors/{id}/mapping/versions/{version}', { params: { path: { id: vendorId, version } } }),
      );
      if (saved.mapping) onLoad(formatDraft(saved.mapping));
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <Card component="section" aria-labelledby="mapping-history-title">
      <CardContent>
        <Typography id="mapping-history-title" component="h2" variant="h6">
          Mapping versions
        </Typography>
        {failure && <Alert severity="error">{failure}</Alert>}
        <QueryStatus query={versions}>
          {(rows) => (
            <List dense aria-label="Mapping versions" sx={{ maxHeight: 240, overflow: 'auto' }}>
              {rows.map((row) => (
                <ListItem
                  key={row.version}
                  // room for the button: a long label would run over the version's date
                  sx={{ pr: 12 }}
                  secondaryAction={
                    <Button
                      size="small"
                      aria-label={`Load version ${row.version} into editor`}
                      onClick={() => row.version !== undefined && load(row.version)}
                    >
                      Load
                    </Button>
                  }
                >
                  <ListItemText
                    primary={`Version ${row.version}`}
                    secondary={`${row.created_at ? formatIstDateTime(row.created_at) : ''} by ${row.created_by ?? 'unknown'}`}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </QueryStatus>
      </CardContent>
    </Card>
  );
}
