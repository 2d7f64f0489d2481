/*
 * What every browser test file needs: a demo, a signed-in Chromium page and a way to end
 * both. `node e2e/run.js` starts one demo for all files and passes its URLs in the
 * environment (starting the app dev server is most of a run's time); a file run on its
 * own (`node --test e2e/triage.e2e.js`) starts a demo of its own.
 */
const { startDemo } = require('./demo');
const { launchBrowser, signInAsGuest } = require('./browser');

const DEMO_ENV = {
  appUrl: 'GBP_E2E_APP_URL',
  backendUrl: 'GBP_E2E_BACKEND_URL',
  simulatorUrl: 'GBP_E2E_SIMULATOR_URL',
};

/** Publishes a started demo to the test files `run.js` spawns. */
function shareDemo(demo) {
  for (const [key, name] of Object.entries(DEMO_ENV)) {
    process.env[name] = demo[key];
  }
}

/** The demo `run.js` shared, or undefined when this file runs alone. */
function sharedDemo() {
  const urls = Object.fromEntries(
    Object.entries(DEMO_ENV).map(([key, name]) => [key, process.env[name]]),
  );
  if (!Object.values(urls).every(Boolean)) return undefined;
  // Someone else started it: they stop it.
  return { ...urls, stop: async () => {} };
}

/** Serves GitHub web pages from the simulator, so evidence links land on a real page. */
async function routeGithubToSimulator(context, simulatorUrl) {
  await context.route('https://github.com/**', async route => {
    const url = new URL(route.request().url());
    const response = await fetch(`${simulatorUrl}${url.pathname}${url.search}`);
    await route.fulfill({
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'text/html',
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}

/**
 * @param {{ logPrefix: string }} options
 * @returns {Promise<{ demo, browser, page, close: () => Promise<void> }>}
 */
async function openSession({ logPrefix }) {
  const demo = sharedDemo() ?? (await startDemo({ logPrefix }));
  let browser;
  try {
    browser = await launchBrowser();
    await routeGithubToSimulator(browser.context, demo.simulatorUrl);
    const page =
      browser.context.pages()[0] ?? (await browser.context.newPage());
    await signInAsGuest(page, demo.appUrl);
    return {
      demo,
      browser,
      page,
      async close() {
        await browser.close();
        await demo.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await demo.stop();
    throw error;
  }
}

module.exports = { openSession, shareDemo };
