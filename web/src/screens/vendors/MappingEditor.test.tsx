import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let MappingEditor: ComponentType<{
  vendorId: string;
  draft: string;
  onDraftChange(text: string): void;
  canSave: boolean;
}>;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  ({ MappingEditor } = await import('./MappingEditor'));
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
});

const INITIAL = JSON.stringify({ format: 'JSON', rows: 'data[*]', time_zone: 'Asia/Kolkata', interval_minutes: 15 });

function Editor() {
  const [draft, setDraft] = useState(INITIAL);
  return (
    <QueryClientProvider client={new QueryClient()}>
      <MappingEditor vendorId="v-1" draft={draft} onDraftChange={setDraft} canSave />
    </QueryClientProvider>
  );
}

function problem(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('MappingEditor', () => {
  it('shows the server’s field errors beside the fields they name', async () => {
    fetchMock.mockResolvedValue(
      problem(422, {
        title: 'Invalid input',
        errors: [
          { field: 'interval_minutes', message: 'must divide a day, e.g. 15 or 30' },
          { field: 'fields.meter', message: 'is required' },
        ],
      }),
    );
    render(<Editor />);
    fireEvent.change(screen.getByLabelText('Interval minutes'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));

    const minutes = screen.getByLabelText('Interval minutes');
    await waitFor(() => expect(minutes.getAttribute('aria-invalid')).toBe('true'));
    const description = document.getElementById(minutes.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('must divide a day, e.g. 15 or 30');
    expect(screen.getByRole('list', { name: 'Mapping errors' }).textContent).toContain('fields.meter: is required');

    const sent = fetchMock.mock.calls[0][0];
    expect(sent.method).toBe('PUT');
    expect(new URL(sent.url).pathname).toBe('/api/v1/hes-vendors/v-1/mapping');
    expect(await sent.json()).toMatchObject({ interval_minutes: 7, time_zone: 'Asia/Kolkata' });
  });

  it('checks what it can before sending and sends nothing then', () => {
    render(<Editor />);
    fireEvent.change(screen.getByLabelText('Interval minutes'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
    expect(screen.getByText('Enter a whole number of minutes above zero')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses to save JSON that does not parse', () => {
    render(<Editor />);
    fireEvent.change(screen.getByLabelText('Mapping JSON'), { target: { value: '{"format": ' } });
    expect(screen.getByText(/^Not valid JSON/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save mapping' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
