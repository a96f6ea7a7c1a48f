import { expect, newPhone, joinOnPhone, test } from './fixtures.js';

/**
 * The content security policy allows what the pages need and nothing else: every page
 * loads and works in chromium without a single CSP violation, and the policy is sent.
 */
test('every page loads under the content security policy without a violation', async ({ browser, server }) => {
  const session = await server.startSession('CSP Elementary');
  const pages = [
    { name: 'start page', url: `${server.url}/` },
    { name: 'start page with the operator link', url: server.operatorLink },
    { name: 'presenter deck', url: session.links.present },
    { name: 'notes view', url: session.links.notes },
    { name: 'agreement page', url: `${server.url}/agreement/${session.code}` },
  ];
  const context = await browser.newContext();
  for (const { name, url } of pages) {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load ${e.blockedURI} (${e.violatedDirective}) by Content Security Policy`));
    });
    const response = await page.goto(url);
    expect(response!.headers()['content-security-policy'], name).toContain("default-src 'self'");
    expect(response!.headers()['x-content-type-options'], name).toBe('nosniff');
    await page.waitForLoadState('load');
    await expect(page.getByRole('heading').first(), name).toBeVisible();
    await page.waitForTimeout(500);
    expect(violations, name).toEqual([]);
    await page.close();
  }
  await context.close();

  // The phone, through joining and an activity, also runs without a violation.
  const { context: phoneContext, page: phone } = await newPhone(browser);
  const violations: string[] = [];
  phone.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await joinOnPhone(phone, session.links.join, 'Ana', 'Parent or family');
  await server.api('PUT', `/api/sessions/${session.code}/presentation/slide`, session.leadKey, { slide: 11 });
  await expect(phone.getByRole('textbox').first()).toBeVisible();
  expect(violations).toEqual([]);
  await phoneContext.close();
});
