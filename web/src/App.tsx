import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LinearProgress } from '@mui/material';
import { ApiError } from './api/problem';
import { RequireSession } from './auth/RequireSession';
import { SessionProvider } from './auth/SessionProvider';
import { SignInPage } from './auth/SignInPage';
import { AppShell } from './shell/AppShell';
import { ThemeModeProvider } from './theme/ThemeModeProvider';
import { NotFoundPage } from './screens/NotFoundPage';

// the overview's charts (MUI X Charts) load with it, apart from the shell and sign-in
const OverviewPage = lazy(() => import('./screens/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const NetworkPage = lazy(() => import('./screens/network/NetworkPage'));
const MetersPage = lazy(() => import('./screens/meters/MetersPage'));
const MeterDetailPage = lazy(() => import('./screens/meters/MeterDetailPage'));
const VendorsPage = lazy(() => import('./screens/vendors/VendorsPage'));
const VendorDetailPage = lazy(() => import('./screens/vendors/VendorDetailPage'));
const VeeWorkbenchPage = lazy(() => import('./screens/vee/VeeWorkbenchPage'));
const VeeSettingsPage = lazy(() => import('./screens/vee/VeeSettingsPage'));
const AlarmsPage = lazy(() => import('./screens/alarms/AlarmsPage'));
const AlarmRulesPage = lazy(() => import('./screens/alarms/AlarmRulesPage'));
const CommunicationLossPage = lazy(() => import('./screens/alarms/CommunicationLossPage'));
const UsersPage = lazy(() => import('./screens/users/UsersPage'));
const AuditTrailPage = lazy(() => import('./screens/audit/AuditTrailPage'));
const TenantsPage = lazy(() => import('./screens/platform/TenantsPage'));
const TariffsPage = lazy(() => import('./screens/billing/TariffsPage'));
const BillingRunsPage = lazy(() => import('./screens/billing/runs/BillingRunsPage'));
const BillingRunPage = lazy(() => import('./screens/billing/runs/BillingRunPage'));
const DeterminantsPage = lazy(() => import('./screens/billing/runs/DeterminantsPage'));
const PrepaidAccountsPage = lazy(() => import('./screens/prepaid/PrepaidAccountsPage'));
const PrepaidAccountPage = lazy(() => import('./screens/prepaid/PrepaidAccountPage'));
const PrepaidSwitchingPage = lazy(() => import('./screens/prepaid/PrepaidSwitchingPage'));
const PrepaidPolicyPage = lazy(() => import('./screens/prepaid/PrepaidPolicyPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError) && failures < 2,
    },
  },
});

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LinearProgress aria-label="Loading screen" />}>{children}</Suspense>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeModeProvider>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                element={
                  <RequireSession>
                    <AppShell />
                  </RequireSession>
                }
              >
                <Route index element={<Lazy><OverviewPage /></Lazy>} />
                <Route path="network" element={<Lazy><NetworkPage /></Lazy>} />
                <Route path="meters" element={<Lazy><MetersPage /></Lazy>} />
                <Route path="meters/:meterId" element={<Lazy><MeterDetailPage /></Lazy>} />
                <Route path="vee" element={<Lazy><VeeWorkbenchPage /></Lazy>} />
                <Route path="vee-settings" element={<Lazy><VeeSettingsPage /></Lazy>} />
                <Route path="alarms" element={<Lazy><AlarmsPage /></Lazy>} />
                <Route path="alarm-rules" element={<Lazy><AlarmRulesPage /></Lazy>} />
                <Route path="communication-loss" element={<Lazy><CommunicationLossPage /></Lazy>} />
                <Route path="vendors" element={<Lazy><VendorsPage /></Lazy>} />
                <Route path="vendors/:vendorId" element={<Lazy><VendorDetailPage /></Lazy>} />
                <Route path="users" element={<Lazy><UsersPage /></Lazy>} />
                <Route path="audit-trail" element={<Lazy><AuditTrailPage /></Lazy>} />
                <Route path="tenants" element={<Lazy><TenantsPage /></Lazy>} />
                <Route path="billing/tariffs" element={<Lazy><TariffsPage /></Lazy>} />
                <Route path="billing/runs" element={<Lazy><BillingRunsPage /></Lazy>} />
                <Route path="billing/runs/:runId" element={<Lazy><BillingRunPage /></Lazy>} />
                <Route path="billing/determinants/:id" element={<Lazy><DeterminantsPage /></Lazy>} />
                <Route path="prepaid/accounts" element={<Lazy><PrepaidAccountsPage /></Lazy>} />
                <Route path="prepaid/accounts/:accountId" element={<Lazy><PrepaidAccountPage /></Lazy>} />
                <Route path="prepaid/switching" element={<Lazy><PrepaidSwitchingPage /></Lazy>} />
                <Route path="prepaid/policy" element={<Lazy><PrepaidPolicyPage /></Lazy>} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </ThemeModeProvider>
    </QueryClientProvider>
  );
}
