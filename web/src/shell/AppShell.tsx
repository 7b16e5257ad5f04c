import { useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import {
  Alert,
  AlertTitle,
  AppBar,
  Button,
  Box,
  Chip,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import MenuIcon from '@mui/icons-material/Menu';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import LogoutIcon from '@mui/icons-material/Logout';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import BoltIcon from '@mui/icons-material/Bolt';
import { useSession, useSignedIn } from '../auth/SessionProvider';
import { hasAnyRole, PLATFORM_ADMINS } from '../auth/roles';
import { useThemeMode } from '../theme/ThemeModeProvider';
import { isCurrentPath, navigationFor, opensWithoutTenant } from './navigation';
import { TenantSwitcher } from './TenantSwitcher';

const DRAWER_WIDTH = 220;

/** A platform administrator signed in without a tenant sees no tenant data until choosing one. */
function ChooseTenantNotice({ onChoose }: { onChoose(): void }) {
  return (
    <Alert severity="info" action={<Button onClick={onChoose}>Switch tenant</Button>}>
      You are signed in as a platform administrator. Choose a tenant to see its meters and network.
    </Alert>
  );
}

function NavigationList({ onNavigate }: { onNavigate(): void }) {
  const session = useSignedIn();
  const location = useLocation();
  const isCurrent = (path: string) => isCurrentPath(location.pathname, path);
  return (
    <List component="nav" aria-label="Main">
      {navigationFor(session.roles).map((item) => (
        <ListItemButton
          key={item.path}
          component={NavLink}
          to={item.path}
          selected={isCurrent(item.path)}
          aria-current={isCurrent(item.path) ? 'page' : undefined}
          onClick={onNavigate}
        >
          <ListItemIcon>{item.icon}</ListItemIcon>
          <ListItemText primary={item.label} />
        </ListItemButton>
      ))}
    </List>
  );
}

/** App bar (tenant, theme, user), role-based menu, and the current screen. */
export function AppShell() {
  const session = useSignedIn();
  const { signOut } = useSession();
  const { mode, toggle } = useThemeMode();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'));
  const [menuOpen, setMenuOpen] = useState(false);
  const [switching, setSwitching] = useState(false);
  const platformAdmin = hasAnyRole(session.roles, PLATFORM_ADMINS);
  const location = useLocation();

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 1 }}>
          {!wide && (
            <IconButton color="inherit" edge="start" aria-label="Open menu" onClick={() => setMenuOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <BoltIcon aria-hidden />
          <Typography variant="h6" component="p" sx={{ flexGrow: 1 }} noWrap>
            Vidyut MDM
          </Typography>
          <Chip
            label={`Tenant: ${session.tenant ?? 'platform (none)'}`}
            color="secondary"
            size="small"
            data-testid="current-tenant"
          />
          {platformAdmin && (
            <Tooltip title="Switch tenant">
              <IconButton color="inherit" aria-label="Switch tenant" onClick={() => setSwitching(true)}>
                <SwapHorizIcon />
              </IconButton>
            </Tooltip>
          )}
          <Tooltip title={mode === 'dark' ? 'Use light theme' : 'Use dark theme'}>
            <IconButton color="inherit" aria-label={mode === 'dark' ? 'Use light theme' : 'Use dark theme'} onClick={toggle}>
              {mode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
            </IconButton>
          </Tooltip>
          <Typography variant="body2" sx={{ display: { xs: 'none', sm: 'block' } }}>
            {session.username}
          </Typography>
          <Tooltip title="Sign out">
            <IconButton color="inherit" aria-label="Sign out" onClick={signOut}>
              <LogoutIcon />
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || menuOpen}
        onClose={() => setMenuOpen(false)}
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH } }}
      >
        <Toolbar />
        <NavigationList onNavigate={() => setMenuOpen(false)} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        {!session.tenant ? (
          <>
            <ChooseTenantNotice onChoose={() => setSwitching(true)} />
            {opensWithoutTenant(location.pathname) && <Box sx={{ mt: 2 }}><Outlet /></Box>}
          </>
        ) : navigationFor(session.roles).length === 0 ? (
          <NoScreensNotice roles={session.roles} />
        ) : (
          <Outlet />
        )}
      </Box>
      {platformAdmin && <TenantSwitcher open={switching} onClose={() => setSwitching(false)} />}
    </Box>
  );
}

/** What a user whose roles open no screen is told: consumers, that their own apps are still to come. */
function NoScreensNotice({ roles }: { roles: readonly string[] }) {
  if (roles.includes('CONSUMER')) {
    return (
      <Alert severity="info">
        <AlertTitle>Consumer self-service is not built yet</AlertTitle>
        Your bills, daily usage, prepaid balance and recharges will be in the consumer app and portal, which are still
        to come. This dashboard is for DISCOM staff, so a consumer account has no screens here yet.
      </Alert>
    );
  }
  return <Alert severity="info">This dashboard is for DISCOM operations staff; your role has no screens here.</Alert>;
}
