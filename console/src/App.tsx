/** The pages: the login until there is a session; then the queue, the case page, the verifier's visits, and a 404 for anything else. */
import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { AccountsPage } from './pages/AccountsPage';
import { AuditPage } from './pages/AuditPage';
import { AlertsPage } from './pages/AlertsPage';
import { DepartmentsPage } from './pages/DepartmentsPage';
import { BroadcastsPage } from './pages/BroadcastsPage';
import { KnowledgePage } from './pages/KnowledgePage';
import { IncomeLinesPage } from './pages/IncomeLinesPage';
import { LimitsPage } from './pages/LimitsPage';
import { RegionsSettingsPage } from './pages/RegionsSettingsPage';
import { OutboxPage } from './pages/OutboxPage';
import { CasePage } from './pages/CasePage';
import { ExportPage } from './pages/ExportPage';
import { EntryPage } from './pages/EntryPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NoticesPage } from './pages/NoticesPage';
import { QueuePage } from './pages/QueuePage';
import { HouseholdPage } from './pages/HouseholdPage';
import { HouseholdsPage } from './pages/HouseholdsPage';

import { VisitPage } from './pages/VisitPage';
import { VisitsPage } from './pages/VisitsPage';
import { useSession } from './session/session';

/** The statistics page and its charts (ECharts) load when first opened: the other pages do without them. */
const StatsPage = lazy(() => import('./pages/StatsPage').then((m) => ({ default: m.StatsPage })));

export function App({ switchLang }: { switchLang: () => void }) {
  const { session, loading } = useSession();
  if (loading && !session) return <Spin fullscreen />;
  if (!session) return <LoginPage switchLang={switchLang} />;
  const auditor = session.me.cadre.role === 'auditor';
  // a verifier works from a phone at the household: their visits first
  const home = auditor ? '/cases' : session.me.cadre.role === 'verifier' ? '/visits' : '/todo';
  return (
    <AppLayout switchLang={switchLang}>
      <Routes>
        <Route path="/" element={<Navigate to={home} replace />} />
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="/todo" element={auditor ? <Navigate to="/cases" replace /> : <QueuePage mode="todo" />} />
        <Route path="/cases" element={<QueuePage mode="all" />} />
        <Route path="/cases/:caseNo" element={<CasePage />} />
        <Route path="/visits" element={<VisitsPage />} />
        <Route path="/households" element={<HouseholdsPage />} />
        <Route path="/households/:id" element={<HouseholdPage />} />
        <Route path="/visits/:caseNo" element={<VisitPage />} />
        <Route path="/settings/accounts" element={<AccountsPage />} />
        <Route path="/settings/knowledge" element={<KnowledgePage />} />
        <Route path="/settings/regions" element={<RegionsSettingsPage />} />
        <Route path="/settings/income-lines" element={<IncomeLinesPage />} />
        <Route path="/settings/limits" element={<LimitsPage />} />
        <Route path="/broadcasts" element={<BroadcastsPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/export" element={<ExportPage />} />
        <Route path="/notices" element={<NoticesPage />} />
        <Route path="/alerts" element={<AlertsPage />} />
        <Route path="/departments" element={<DepartmentsPage />} />
        <Route path="/stats" element={<Suspense fallback={<Spin />}><StatsPage /></Suspense>} />
        <Route path="/entry" element={<EntryPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
