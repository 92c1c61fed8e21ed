// Every page type of a site served by `callpress serve`, in headless Chromium: axe-core
// finds no violation of any impact in light and dark at 1280 and 390 px, no list of calls
// is cut on a 390 px phone, and no page scrolls sideways at 320 px.
// Usage: node a11y.mjs BASE_URL [PATH …]   (PATHs: more pages to check, e.g. a bilingual call)
import { launch } from "./launch.mjs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, ...extra] = process.argv.slice(2);
const browser = await launch();

/// The first link on `url` whose href matches `pattern`.
async function firstLink(page, url, pattern) {
  await page.goto(url);
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern} on ${url}: ${JSON.stringify(hrefs.slice(0, 30))}`);
  return new URL(found, url).href;
}

const problems = [];
try {
  const page = await browser.newPage();
  const index = base;
  const call = await firstLink(page, index, /^\/[a-z0-9-]+\/\d{4}-q\d\/$/);
  await page.goto(call);
  const company = new URL(await page.$eval(".kicker a", (a) => a.getAttribute("href")), call).href;
  const quarter = await firstLink(page, call, /^\/quarters\/[^/]+\/$/);
  const speaker = await firstLink(page, call, /^\/speakers\/[^/]+\/$/);
  const pages = { index, call, company, quarter, speaker, search: base + "search/", about: base + "about/",
                  companies: base + "companies/", speakers: base + "speakers/",
                  missing: base + "no/such/page/" };
  extra.forEach((path, i) => { pages[`extra${i + 1} (${path})`] = base + path; });
  // The first Tab reaches a link that skips the header.
  await page.goto(call);
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute("href"));
  if (first !== "#main") problems.push(`call: the first Tab reaches ${first}, not the skip link`);
  // On paper, in a dark scheme too: no controls, black on white, the figures table whole.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await page.goto(call);
  const paper = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== "none");
    const scroll = document.querySelector(".table-scroll");
    return {
      controls: shown(".view-control") || shown(".site-header nav") || shown(".skip-link"),
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.body).color,
      clipped: scroll ? getComputedStyle(scroll).overflowX !== "visible" : false,
    };
  });
  if (paper.controls) problems.push("print: reading controls or navigation are printed");
  if (paper.background !== "rgb(255, 255, 255)" || paper.color !== "rgb(0, 0, 0)") {
    problems.push(`print: ${paper.color} on ${paper.background}, not black on white`);
  }
  if (paper.clipped) problems.push("print: the figures table is clipped");
  await page.emulateMedia({ media: "screen" });
  for (const [name, url] of Object.entries(pages)) {
    for (const scheme of ["light", "dark"]) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(url);
        await page.addScriptTag({ path: axePath });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, nodes: v.nodes.length,
            first: v.nodes[0] && v.nodes[0].target.join(" "),
            why: v.nodes[0] && v.nodes[0].failureSummary,
          }));
        });
        for (const v of violations) {
          problems.push(`${name} ${scheme} ${width}px: ${v.id} (${v.impact}, ${v.nodes} node(s)) at ${v.first}: ${v.why}`);
        }
        // A list of calls fits a phone whole: no column hidden behind a sideways scroll.
        const cut = await page.$$eval(".table-scroll:has(table.calls)", (boxes) =>
          boxes.map((b) => b.scrollWidth - b.clientWidth).filter((d) => d > 1));
        if (width === 390 && cut.length) problems.push(`${name} ${scheme} 390px: a calls table is cut by ${cut[0]}px`);
      }
    }
    await page.setViewportSize({ width: 320, height: 800 });
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${name} 320px: scrolls sideways by ${overflow}px`);
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log("a11y ok");
