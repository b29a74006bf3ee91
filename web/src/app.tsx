import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './components/layout.tsx';

// Each page is its own chunk, so the first load fetches only the page asked for.
const OverviewPage = lazy(() => import('./pages/overview-page.tsx'));
const ModelsPage = lazy(() => import('./pages/models-page.tsx'));
const ModelPage = lazy(() => import('./pages/model-page.tsx'));
const OrganizationsPage = lazy(() => import('./pages/organizations-page.tsx'));
const OrganizationPage = lazy(() => import('./pages/organization-page.tsx'));
const CountriesPage = lazy(() => import('./pages/countries-page.tsx'));
const AdoptionPage = lazy(() => import('./pages/adoption-page.tsx'));
const BrainFlowPage = lazy(() => import('./pages/brain-flow-page.tsx'));
const IndicatorsPage = lazy(() => import('./pages/indicators-page.tsx'));
const IndicatorPage = lazy(() => import('./pages/indicator-page.tsx'));
const ProgramsPage = lazy(() => import('./pages/programs-page.tsx'));
const ProgramPage = lazy(() => import('./pages/program-page.tsx'));
const AwardPage = lazy(() => import('./pages/award-page.tsx'));
const ArenaPage = lazy(() => import('./pages/arena-page.tsx'));
const BenchmarkPage = lazy(() => import('./pages/benchmark-page.tsx'));
const ImportRunsPage = lazy(() => import('./pages/import-runs-page.tsx'));
const CheckPage = lazy(() => import('./pages/check-page.tsx'));
const ReleasesPage = lazy(() => import('./pages/releases-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'models', element: <ModelsPage /> },
      { path: 'models/:id', element: <ModelPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'countries', element: <CountriesPage /> },
      { path: 'adoption', element: <AdoptionPage /> },
      { path: 'brain-flow', element: <BrainFlowPage /> },
      { path: 'indicators', element: <IndicatorsPage /> },
      { path: 'indicators/:name', element: <IndicatorPage /> },
      { path: 'arena', element: <ArenaPage /> },
      { path: 'arena/:slug', element: <BenchmarkPage /> },
      { path: 'programs', element: <ProgramsPage /> },
      { path: 'programs/:id', element: <ProgramPage /> },
      { path: 'awards/:id', element: <AwardPage /> },
      { path: 'imports', element: <ImportRunsPage /> },
      { path: 'releases', element: <ReleasesPage /> },
      { path: 'check', element: <CheckPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** The dashboard: the router over the page frame. */
export function App() {
  return <RouterProvider router={router} />;
}
