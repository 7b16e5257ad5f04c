import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ResolutionDraft } from './resolutionForm';
import type { VeeException } from './veeLabels';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let ResolveForm: ComponentType<{
  exceptionId: string;
  unit: string;
  draft: ResolutionDraft;
  onChange(draft: ResolutionDraft): void;
  onResolved(result: VeeException): void;
}>;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  ({ ResolveForm } = await import('./ResolveForm'));
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
});

function Form({ initial, onResolved = () => undefined }: { initial: ResolutionDraft; onResolved?(result: VeeException): void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <QueryClientProvider client={new QueryClient()}>
      <ResolveForm exceptionId="x-1" unit="kWh" draft={draft} onChange={setDraft} onResolved={onResolved} />
    </QueryClientProvider>
  );
}

const EDIT: ResolutionDraft = { action: 'EDIT', reason_code: 'METER_FAULT', note: '', value: '', method: '' };

describe('ResolveForm', () => {
  it('checks the edit before sending and sends nothing then', () => {
    render(<Form initial={EDIT} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve exception' }));
    const value = screen.getByLabelText('Value to store (kWh)');
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the value to store')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the edit and shows the server’s field errors beside the fields they name', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: 'Invalid input', errors: [{ field: 'value', message: 'must not be negative' }] }), {
        status: 422,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    render(<Form initial={{ ...EDIT, value: '-1' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve exception' }));

    const value = screen.getByLabelText('Value to store (kWh)');
    await waitFor(() => expect(value.getAttribute('aria-invalid')).toBe('true'));
    const description = document.getElementById(value.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('must not be negative');

    const sent = fetchMock.mock.calls[0][0];
    expect(sent.method).toBe('POST');
    expect(new URL(sent.url).pathname).toBe('/api/v1/vee/exceptions/x-1/resolve');
    expect(await sent.json()).toEqual({ action: 'EDIT', reason_code: 'METER_FAULT', value: -1 });
  });

  it('hands the resolved exception back', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ id: 'x-1', status: 'RESOLVED', resolution: 'ACCEPTED' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const onResolved = vi.fn();
    render(<Form initial={{ ...EDIT, action: 'ACCEPT', reason_code: 'VALIDATION_OVERRIDE' }} onResolved={onResolved} />);
    expect(screen.queryByLabelText('Value to store (kWh)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resolve exception' }));
    await waitFor(() => expect(onResolved).toHaveBeenCalled());
    expect(onResolved.mock.calls[0][0]).toMatchObject({ id: 'x-1', status: 'RESOLVED' });
  });
});
