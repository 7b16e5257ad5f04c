import { useState } from 'react';
import { Alert, List, ListItem, ListItemButton, ListItemText, ListSubheader, TextField } from '@mui/material';
import { messageOf } from '../../api/problem';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useNetworkSearch, type Consumer, type NetworkNode } from './networkQueries';

interface NetworkSearchProps {
  onNode(node: NetworkNode): void;
  onConsumer(consumer: Consumer): void;
}

/** Find a node by code or name, or a consumer by account number or name. */
export function NetworkSearch({ onNode, onConsumer }: NetworkSearchProps) {
  const [text, setText] = useState('');
  const results = useNetworkSearch(useDebouncedValue(text));
  const nodes = results.data?.nodes ?? [];
  const consumers = results.data?.consumers ?? [];
  return (
    <>
      <TextField
        fullWidth
        size="small"
        type="search"
        label="Search the network"
        placeholder="DT code, feeder name, account no. …"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {results.isError && <Alert severity="error">{messageOf(results.error)}</Alert>}
      {results.data && nodes.length + consumers.length === 0 && <Alert severity="info">Nothing matches.</Alert>}
      {nodes.length + consumers.length > 0 && (
        <List dense aria-label="Search results" sx={{ maxHeight: 300, overflow: 'auto' }}>
          {nodes.length > 0 && <ListSubheader>Network nodes</ListSubheader>}
          {nodes.map(({ node }) => (
            <ListItem key={node?.id} disablePadding>
              <ListItemButton onClick={() => node && onNode(node)}>
                <ListItemText primary={`${node?.code} · ${node?.name}`} secondary={node?.level} />
              </ListItemButton>
            </ListItem>
          ))}
          {consumers.length > 0 && <ListSubheader>Consumers</ListSubheader>}
          {consumers.map((consumer) => (
            <ListItem key={consumer.id} disablePadding>
              <ListItemButton onClick={() => onConsumer(consumer)}>
                <ListItemText primary={`${consumer.account_no} · ${consumer.name}`} secondary={consumer.tariff_category} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}
