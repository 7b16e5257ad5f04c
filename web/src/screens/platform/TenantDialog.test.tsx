import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let TenantDialog: ComponentType<{ onClose(): void }>;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  ({ TenantDialog } = await import('./TenantDialog'));
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
});

const STATES = [
  { name: 'Haryana', kind: 'STATE' },
  { name: 'Delhi', kind: 'UNION_TERRITORY' },
];

function json(status: number, body: unknown): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** The server: its list of states, and this answer to the tenant's creation. */
function serverAnswering(creation: Response) {
  fetchMock.mockImplementation(async (request) =>
    new URL(request.url).pathname === '/api/v1/platform/states' ? json(200, STATES) : creation,
  );
}

function renderDialog() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <TenantDialog onClose={() => undefined} />
    </QueryClientProvider>,
  );
}

function describedText(field: HTMLElement): string | undefined {
  return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? undefined;
}

async function fillIn(code: string, zone: string) {
  fireEvent.change(screen.getByLabelText('Code'), { target: { value: code } });
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Dakshin Haryana DISCOM' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), { target: { value: zone } });
  fireEvent.change(screen.getByRole('combobox', { name: 'State or union territory' }), { target: { value: 'Hary' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Haryana' }));
}

describe('TenantDialog', () => {
  it('starts in IST and sends the state picked from the server’s list; the server’s refusals appear beside their fields', async () => {
    serverAnswering(
      json(422, {
        title: 'Invalid input',
        errors: [{ field: 'time_zone', message: 'Europe/London still changes its clocks (daylight saving)' }],
      }),
    );
    renderDialog();
    expect((screen.getByRole('combobox', { name: 'Time zone' }) as HTMLInputElement).value).toBe('Asia/Kolkata');
    await fillIn('dhbvn', 'Europe/London');
    fireEvent.click(screen.getByRole('button', { name: 'Create tenant' }));

    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await waitFor(() => expect(zone.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(zone)).toBe('Europe/London still changes its clocks (daylight saving)');
    const sent = fetchMock.mock.calls.map(([request]) => request).find((request) => request.method === 'POST');
    expect(new URL(sent!.url).pathname).toBe('/api/v1/platform/tenants');
    expect(await sent!.json()).toEqual({
      code: 'dhbvn',
      name: 'Dakshin Haryana DISCOM',
      time_zone: 'Europe/London',
      state: 'Haryana',
    });
  });

  it('shows a code already taken beside the code', async () => {
    serverAnswering(json(409, { title: 'Conflict', detail: 'Tenant code dhbvn is taken' }));
    renderDialog();
    await fillIn('dhbvn', 'Asia/Kolkata');
    fireEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    const code = screen.getByLabelText('Code');
    await waitFor(() => expect(describedText(code)).toBe('Tenant code dhbvn is taken'));
  });

  it('asks for what is missing before sending anything', async () => {
    serverAnswering(json(500, {}));
    renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Create tenant' }));
    expect(describedText(screen.getByRole('combobox', { name: 'State or union territory' }))).toBe(
      'Choose the state or union territory the DISCOM serves',
    );
    expect(describedText(screen.getByLabelText('Name'))).toBe('Enter the DISCOM’s name');
    expect(fetchMock.mock.calls.some(([request]) => request.method === 'POST')).toBe(false);
  });
});
