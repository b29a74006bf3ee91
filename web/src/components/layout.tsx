import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';

const NAV = [
  { to: '/', label: 'Overview', end: true },
  { to: '/models', label: 'Models' },
  { to: '/organizations', label: 'Organizations' },
  { to: '/countries', label: 'Countries' },
  { to: '/adoption', label: 'Adoption' },
  { to: '/brain-flow', label: 'Brain flow' },
  { to: '/indicators', label: 'Indicators' },
  { to: '/arena', label: 'Arena' },
  { to: '/programs', label: 'Programs' },
  { to: '/imports', label: 'Imports' },
  { to: '/releases', label: 'Release watch' },
  { to: '/check', label: 'Check a release' },
] as const;

/** The page frame: skip link, header with the main navigation, the page, and a footer on the data. */
export function Layout() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(pathname);
  // After client-side navigation, move focus to the new page so screen readers and keyboards start there.
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <p className="brand">
          <NavLink to="/">Aperture observatory</NavLink>
        </p>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={'end' in item ? item.end : false}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Suspense
          fallback={
            <p className="status" role="status">
              Loading page…
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Aperture measures how open AI releases are: weights, code, data and documents. Every figure links to
          its definition and to its data as CSV. The API is described at <a href="/docs">/docs</a> (
          <a href="/openapi.json">OpenAPI</a>).
        </p>
      </footer>
    </>
  );
}
