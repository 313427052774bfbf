/** The pages: the login until there is a session; then the queue, the case page, the verifier's visits, and a 404 for anything else. */
import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { CasePage } from './pages/CasePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { QueuePage } from './pages/QueuePage';
import { VisitPage } from './pages/VisitPage';
import { VisitsPage } from './pages/VisitsPage';
import { useSession } from './session/session';

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
        <Route path="/visits/:caseNo" element={<VisitPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
