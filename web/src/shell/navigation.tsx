import type { ReactNode } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import SpeedIcon from '@mui/icons-material/Speed';
import HubIcon from '@mui/icons-material/Hub';
import GroupIcon from '@mui/icons-material/Group';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import TuneIcon from '@mui/icons-material/Tune';
import RuleIcon from '@mui/icons-material/Rule';
import HistoryIcon from '@mui/icons-material/History';
import SignalCellularConnectedNoInternet0BarIcon from '@mui/icons-material/SignalCellularConnectedNoInternet0Bar';
import DomainIcon from '@mui/icons-material/Domain';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import PowerSettingsNewIcon from '@mui/icons-material/PowerSettingsNew';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import {
  AUDIT_READERS,
  BILLING_READERS,
  DATA_ANALYSTS,
  hasAnyRole,
  METER_READERS,
  PLATFORM_ADMINS,
  PREPAID_READERS,
  TENANT_ADMINS,
  VENDOR_READERS,
  type Role,
} from '../auth/roles';

export interface NavigationItem {
  label: string;
  path: string;
  icon: ReactNode;
  roles: readonly Role[];
  /** The screen also serves a platform administrator who has not chosen a tenant (platform data only). */
  withoutTenant?: boolean;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { label: 'Overview', path: '/', icon: <DashboardIcon />, roles: METER_READERS },
  { label: 'Network', path: '/network', icon: <AccountTreeIcon />, roles: METER_READERS },
  { label: 'Meters', path: '/meters', icon: <SpeedIcon />, roles: METER_READERS },
  { label: 'VEE workbench', path: '/vee', icon: <FactCheckIcon />, roles: DATA_ANALYSTS },
  { label: 'VEE settings', path: '/vee-settings', icon: <TuneIcon />, roles: DATA_ANALYSTS },
  { label: 'Alarms', path: '/alarms', icon: <NotificationsActiveIcon />, roles: DATA_ANALYSTS },
  { label: 'Alarm rules', path: '/alarm-rules', icon: <RuleIcon />, roles: DATA_ANALYSTS },
  { label: 'Communication loss', path: '/communication-loss', icon: <SignalCellularConnectedNoInternet0BarIcon />, roles: DATA_ANALYSTS },
  { label: 'Billing runs', path: '/billing/runs', icon: <ReceiptLongIcon />, roles: BILLING_READERS },
  { label: 'Tariffs', path: '/billing/tariffs', icon: <RequestQuoteIcon />, roles: BILLING_READERS },
  { label: 'Prepaid accounts', path: '/prepaid/accounts', icon: <AccountBalanceWalletIcon />, roles: PREPAID_READERS },
  { label: 'Prepaid switching', path: '/prepaid/switching', icon: <PowerSettingsNewIcon />, roles: PREPAID_READERS },
  { label: 'Disconnection policy', path: '/prepaid/policy', icon: <EventBusyIcon />, roles: PREPAID_READERS },
  { label: 'HES vendors', path: '/vendors', icon: <HubIcon />, roles: VENDOR_READERS },
  { label: 'Users and roles', path: '/users', icon: <GroupIcon />, roles: TENANT_ADMINS },
  { label: 'Audit trail', path: '/audit-trail', icon: <HistoryIcon />, roles: AUDIT_READERS, withoutTenant: true },
  { label: 'Tenants', path: '/tenants', icon: <DomainIcon />, roles: PLATFORM_ADMINS, withoutTenant: true },
];

/** The menu entries the holder of these roles may open. */
export function navigationFor(roles: readonly string[]): NavigationItem[] {
  return NAVIGATION.filter((item) => hasAnyRole(roles, item.roles));
}

/** Whether the screen at this location can be shown before a tenant is chosen. */
export function opensWithoutTenant(pathname: string): boolean {
  return NAVIGATION.some((item) => item.withoutTenant && isCurrentPath(pathname, item.path));
}

/** Whether the screen at this location belongs to the menu entry: the entry's path or a page under it. */
export function isCurrentPath(pathname: string, itemPath: string): boolean {
  if (itemPath === '/') return pathname === '/';
  return pathname === itemPath || pathname.startsWith(`${itemPath}/`);
}
