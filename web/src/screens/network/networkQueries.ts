import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';

export type NodeSummary = Schemas['NodeSummary'];
export type NetworkNode = Schemas['NetworkNode'];
export type Consumer = Schemas['ConsumerAccount'];

const CHILDREN_PAGE = 500;

/** Top of the hierarchy: the circles. */
export function useRootNodes() {
  return useQuery({
    queryKey: ['network', 'roots'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/network/nodes', { params: { query: { level: 'CIRCLE', size: CHILDREN_PAGE } } }))
        .items ?? [],
  });
}

/** Child nodes of a node, fetched once the node is opened. */
export function useChildNodes(parentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'children', parentId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/network/nodes', { params: { query: { parent_id: parentId, size: CHILDREN_PAGE } } }))
        .items ?? [],
    enabled,
  });
}

/** Consumers supplied by a DT, fetched once the DT is opened. */
export function useDtConsumers(dtId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['network', 'consumers', dtId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/consumers', { params: { query: { dt_id: dtId, size: CHILDREN_PAGE } } })).items ?? [],
    enabled,
  });
}

/** Nodes and consumers whose code, name or account number contains the text. */
export function useNetworkSearch(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['network', 'search', q],
    queryFn: async () => {
      const [nodes, consumers] = await Promise.all([
        api.GET('/api/v1/network/nodes', { params: { query: { q, size: 20 } } }),
        api.GET('/api/v1/consumers', { params: { query: { q, size: 20 } } }),
      ]);
      return { nodes: unwrap(nodes).items ?? [], consumers: unwrap(consumers).items ?? [] };
    },
    enabled: q.length >= 2,
  });
}

/** Ids from the root down to the node (inclusive). */
export async function pathTo(nodeId: string): Promise<string[]> {
  const path = unwrap(await api.GET('/api/v1/network/nodes/{id}/path', { params: { path: { id: nodeId } } }));
  return path.map((node) => node.id ?? '');
}
