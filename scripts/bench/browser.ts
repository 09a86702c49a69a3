// LCP and CLS of each page in Chromium, signed in with the session cookie;
// also the JavaScript the page actually transferred (compressed), as a check
// on the manifest figures.
import { chromium, type Browser } from '@playwright/test';
import { summarise } from './stats';

export type Vitals = {
  path: string;
  loads: number;
  lcpMs: number;
  /** The largest of the loads. */ cls: number;
  jsTransferredBytes: number;
  jsFiles: number;
};

const MEASURE = `new Promise((resolve) => {
  let lcp = 0; let cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) lcp = Math.max(lcp, e.renderTime || e.loadTime || e.startTime);
  })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  const scripts = performance.getEntriesByType('resource').filter((e) =>
    e.initiatorType === 'script' || e.name.endsWith('.js'));
  setTimeout(() => resolve({
    lcp, cls, js: scripts.reduce((s, e) => s + (e.encodedBodySize || e.transferSize || 0), 0), jsFiles: scripts.length
  }), 500);
})`;

/** Null figures when no Chromium is installed (the run goes on without them). */
export async function measureVitals(
  base: string,
  executablePath: string | null,
  pages: { path: string; cookie: string | null }[],
  loads: number,
): Promise<(Vitals | null)[]> {
  if (!executablePath) return pages.map(() => null);
  const browser: Browser = await chromium.launch({ executablePath });
  const out: Vitals[] = [];
  try {
    for (const page of pages) {
      const lcp: number[] = [];
      const cls: number[] = [];
      let js = 0;
      let jsFiles = 0;
      for (let i = 0; i <= loads; i++) {
        // A new context per load: a cold cache, as a first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        if (page.cookie) {
          const eq = page.cookie.indexOf('=');
          await context.addCookies([{ name: page.cookie.slice(0, eq), value: page.cookie.slice(eq + 1), url: base }]);
        }
        const tab = await context.newPage();
        const res = await tab.goto(`${base}${page.path}`, { waitUntil: 'load' });
        if (!res || res.status() !== 200) throw new Error(`Chromium: ${page.path} answered ${res?.status()}`);
        const m = (await tab.evaluate(MEASURE)) as { lcp: number; cls: number; js: number; jsFiles: number };
        await context.close();
        if (i === 0) continue; // the first load warms the server's caches
        lcp.push(m.lcp);
        cls.push(m.cls);
        js = m.js;
        jsFiles = m.jsFiles;
      }
      out.push({
        path: page.path,
        loads,
        lcpMs: summarise(lcp).median,
        cls: Math.max(0, ...cls),
        jsTransferredBytes: js,
        jsFiles,
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
