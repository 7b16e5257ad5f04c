import { useState } from 'react';
import { Alert, Button, Card, CardContent, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { fieldErrorsOf, messageOf } from '../../api/problem';
import { FormTextField } from '../../components/FormTextField';
import { checkPreview, emptyPreviewDraft, previewFields, toPreviewRequest, zonesOf, type Preview, type PreviewDraft } from './tariffPreviewForm';
import type { CategoryTariff } from './tariffForm';
import { ChargesTable } from './ChargesTable';
import { formatAmount, unitsOf } from './tariffFormat';
import { usePreviewBill } from './tariffQueries';

function BillTable({ preview }: { preview: Preview }) {
  const bill = preview.bill ?? {};
  const unit = bill.billing_unit;
  return (
    <>
      <Typography variant="body2" sx={{ mt: 2 }}>
        {bill.category}, {bill.days} days: billed {formatAmount(bill.billed_units, unit)} (imported {formatAmount(bill.imported_units, unit)},
        exported {formatAmount(bill.exported_units, unit)}
        {bill.surplus_export ? `, surplus export ${formatAmount(bill.surplus_export, unit)}` : ''})
        {bill.billed_demand !== undefined && bill.billed_demand !== null ? `; billed demand ${formatAmount(bill.billed_demand)}` : ''}.
      </Typography>
      <ChargesTable bill={bill} />
    </>
  );
}

/** The determinants of one category, as typed; its own component so that another category starts afresh. */
function DeterminantsForm({ versionId, category }: { versionId: string; category: CategoryTariff }) {
  const [draft, setDraft] = useState<PreviewDraft>(emptyPreviewDraft);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const preview = usePreviewBill();
  const fields = previewFields(category);
  const serverErrors = fieldErrorsOf(preview.error);
  const errors = { ...formErrors, ...serverErrors };
  const { energy, load } = unitsOf(category);
  const fieldLevel = Object.keys(serverErrors).length > 0;

  function submit() {
    const problems = checkPreview(draft, category);
    setFormErrors(problems);
    preview.reset();
    if (Object.keys(problems).length === 0) preview.mutate(toPreviewRequest(draft, versionId, category));
  }

  const number = (label: string, field: string, value: string, onChange: (value: string) => void, hint?: string) => (
    <Grid size={{ xs: 12, sm: 6, md: 3 }} key={field}>
      <FormTextField size="small" label={label} inputMode="decimal" value={value} onChange={onChange} error={errors[field]} hint={hint} />
    </Grid>
  );

  return (
    <form
      aria-label={`Bill preview of ${category.code}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Grid container spacing={1}>
        {zonesOf(category).map((zone, i) =>
          number(`${zone} (${energy})`, fields.energy(i), draft.energy[zone] ?? '', (value) =>
            setDraft((d) => ({ ...d, energy: { ...d.energy, [zone]: value } })),
          ),
        )}
        {number(`Exported (${energy})`, fields.exported, draft.exported, (exported) => setDraft((d) => ({ ...d, exported })), 'Net metering')}
        {number(`Maximum demand (${load})`, fields.maximumDemand, draft.maximum_demand, (maximum_demand) => setDraft((d) => ({ ...d, maximum_demand })))}
        {number(`Sanctioned load (${load})`, fields.sanctionedLoad, draft.sanctioned_load, (sanctioned_load) => setDraft((d) => ({ ...d, sanctioned_load })))}
        {number('Days', fields.days, draft.days, (days) => setDraft((d) => ({ ...d, days })), '30 is a month')}
      </Grid>
      <Button type="submit" variant="outlined" disabled={preview.isPending}>
        Preview bill
      </Button>
      {preview.isError && !fieldLevel && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {messageOf(preview.error)}
        </Alert>
      )}
      {preview.isError && fieldLevel && serverErrors.category && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {serverErrors.category}
        </Alert>
      )}
      {preview.data && <BillTable preview={preview.data} />}
    </form>
  );
}

/** Charges by component a consumer of a category would be billed under this version (nothing is stored). */
export function TariffPreviewPanel({ versionId, categories }: { versionId: string; categories: CategoryTariff[] }) {
  const [code, setCode] = useState(categories[0]?.code ?? '');
  const category = categories.find((c) => c.code === code) ?? categories[0];
  return (
    <Card variant="outlined" component="section" aria-label="Bill preview">
      <CardContent>
        <Typography component="h3" variant="subtitle1">
          Bill preview
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Energy per time-of-day zone and the other determinants of one period; the server computes the charges under this version.
        </Typography>
        <TextField select size="small" label="Category" value={category.code} onChange={(e) => setCode(e.target.value)} sx={{ mt: 2, mb: 1, minWidth: 240 }}>
          {categories.map((c) => (
            <MenuItem key={c.code} value={c.code}>
              {c.code}
            </MenuItem>
          ))}
        </TextField>
        <DeterminantsForm key={`${versionId}/${category.code}`} versionId={versionId} category={category} />
      </CardContent>
    </Card>
  );
}
