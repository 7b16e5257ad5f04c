import { Typography } from '@mui/material';
import { SimpleTreeView } from '@mui/x-tree-view/SimpleTreeView';
import { TreeItem } from '@mui/x-tree-view/TreeItem';
import { formatCount } from '../../format/indian';
import { useChildNodes, useDtConsumers, useRootNodes, type NodeSummary } from './networkQueries';

/** Tree item ids: nodes by id, consumers prefixed so the two never clash. */
export const consumerItemId = (consumerId: string) => `consumer:${consumerId}`;

function nodeLabel({ node, children, consumers }: NodeSummary): string {
  const counts = node?.level === 'DT' ? `${formatCount(consumers ?? 0)} consumers` : `${formatCount(children ?? 0)} below`;
  return `${node?.code} · ${node?.name} (${node?.level}, ${counts})`;
}

function Placeholder({ parentId }: { parentId: string }) {
  return <TreeItem itemId={`${parentId}:loading`} label="Loading…" disabled />;
}

function DtConsumers({ dtId, open }: { dtId: string; open: boolean }) {
  const consumers = useDtConsumers(dtId, open);
  if (!consumers.data) return <Placeholder parentId={dtId} />;
  return (
    <>
      {consumers.data.map((c) => (
        <TreeItem key={c.id} itemId={consumerItemId(c.id ?? '')} label={`${c.account_no} · ${c.name}`} />
      ))}
    </>
  );
}

function ChildNodes({ parentId, open, expanded }: { parentId: string; open: boolean; expanded: readonly string[] }) {
  const children = useChildNodes(parentId, open);
  if (!children.data) return <Placeholder parentId={parentId} />;
  return (
    <>
      {children.data.map((summary) => (
        <NodeItem key={summary.node?.id} summary={summary} expanded={expanded} />
      ))}
    </>
  );
}

function NodeItem({ summary, expanded }: { summary: NodeSummary; expanded: readonly string[] }) {
  const id = summary.node?.id ?? '';
  const open = expanded.includes(id);
  const isDt = summary.node?.level === 'DT';
  const hasBelow = isDt ? (summary.consumers ?? 0) > 0 : (summary.children ?? 0) > 0;
  return (
    <TreeItem itemId={id} label={nodeLabel(summary)}>
      {hasBelow && (isDt ? <DtConsumers dtId={id} open={open} /> : <ChildNodes parentId={id} open={open} expanded={expanded} />)}
    </TreeItem>
  );
}

interface NetworkTreeProps {
  expanded: string[];
  onExpandedChange(ids: string[]): void;
  selected: string | null;
  onSelect(id: string | null): void;
}

/** Circle → division → sub-division → substation → feeder → DT → consumers; levels load as they open. */
export function NetworkTree({ expanded, onExpandedChange, selected, onSelect }: NetworkTreeProps) {
  const roots = useRootNodes();
  if (roots.data?.length === 0) return <Typography>No network nodes yet.</Typography>;
  return (
    <SimpleTreeView
      aria-label="Network hierarchy"
      expandedItems={expanded}
      onExpandedItemsChange={(_event, ids) => onExpandedChange(ids)}
      selectedItems={selected}
      onSelectedItemsChange={(_event, id) => onSelect(id)}
    >
      {(roots.data ?? []).map((summary) => (
        <NodeItem key={summary.node?.id} summary={summary} expanded={expanded} />
      ))}
    </SimpleTreeView>
  );
}
