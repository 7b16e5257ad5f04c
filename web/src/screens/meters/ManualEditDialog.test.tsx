import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
let ManualEditDialog: ComponentType<{ meterId: string; channel: 'KWH_IMPORT'; channelLabel: string; open: boolean; onClose(): void }>;

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchMock);
  ({ ManualEditDialog } = await import('./ManualEditDialog'));
});

afterEach(() => {
  cleanup();
  fetchMock.mockReset();
});

function renderDialog() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ManualEditDialog meterId="m-1" channel="KWH_IMPORT" channelLabel="kWh import" open onClose={() => undefined} />
    </QueryClientProvider>,
  );
  return screen.getByRole('dialog');
}

function fillRangeAndReason(dialog: HTMLElement) {
  fireEvent.change(within(dialog).getByLabelText('First interval end (IST)'), { target: { value: '2026-11-25T10:15' } });
  fireEvent.change(within(dialog).getByLabelText('Last interval end (IST)'), { target: { value: '2026-11-25T11:00' } });
  fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Reason' }));
  fireEvent.click(screen.getByRole('option', { name: 'Meter fault' }));
}

describe('ManualEditDialog', () => {
  it('checks the edit before sending and sends nothing then', () => {
    const dialog = renderDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Request edit' }));
    expect(within(dialog).getByText('Every edit states a reason')).toBeTruthy();
    expect(within(dialog).getByLabelText('First interval end (IST)').getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('scales the range and says when the edit waits for a second approver', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify([{ id: 'e-1', status: 'PENDING', action: 'SCALE' }]), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const dialog = renderDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
    fillRangeAndReason(dialog);
    fireEvent.change(within(dialog).getByLabelText('Factor'), { target: { value: '1.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Request edit' }));

    await waitFor(() => expect(within(dialog).getByText(/waits for a second approver/)).toBeTruthy());
    const sent = fetchMock.mock.calls[0][0];
    expect(new URL(sent.url).pathname).toBe('/api/v1/vee/edits');
    expect(await sent.json()).toEqual({
      meter_ids: ['m-1'],
      channel: 'KWH_IMPORT',
      from: '2026-11-25T10:15:00+05:30',
      to: '2026-11-25T11:00:00+05:30',
      action: 'SCALE',
      factor: 1.5,
      reason_code: 'METER_FAULT',
    });
  });

  it('shows the server’s field errors beside the fields they name', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ title: 'Invalid input', errors: [{ field: 'to', message: 'an edit covers at most 62 days' }] }), {
        status: 422,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const dialog = renderDialog();
    fillRangeAndReason(dialog);
    fireEvent.change(within(dialog).getByLabelText('Value to store'), { target: { value: '0.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Request edit' }));
    const to = within(dialog).getByLabelText('Last interval end (IST)');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(to.getAttribute('aria-describedby') ?? '')?.textContent).toBe('an edit covers at most 62 days');
  });
});
