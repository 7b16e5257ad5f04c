import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let BulkAcceptDialog: ComponentType<{ ids: readonly string[]; open: boolean; onClose(): void; onDone(): void }>;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  ({ BulkAcceptDialog } = await import('./BulkAcceptDialog'));
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
});

describe('BulkAcceptDialog', () => {
  it('accepts every selected exception with the one reason and note', async () => {
    fetchMock.mockResolvedValue(new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const onDone = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <BulkAcceptDialog ids={['a', 'b', 'c']} open onClose={() => undefined} onDone={onDone} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Accept 3 exceptions' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'checked against the register' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept selected' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = fetchMock.mock.calls[0][0];
    expect(new URL(sent.url).pathname).toBe('/api/v1/vee/exceptions/resolve');
    expect(await sent.json()).toEqual({
      ids: ['a', 'b', 'c'],
      resolution: { action: 'ACCEPT', reason_code: 'VALIDATION_OVERRIDE', note: 'checked against the register' },
    });
  });
});
