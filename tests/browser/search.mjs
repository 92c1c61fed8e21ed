// Opens the search page served by `callpress serve` in headless Chromium, types queries
// and reads the results: by company, by speaker, without accents, with the query kept in
// the address; a company name made of markup is shown as text and never runs.
// Usage: node search.mjs BASE_URL
import { launch } from "./launch.mjs";

const [base] = process.argv.slice(2);
const browser = await launch();

function fail(message) { throw new Error(message); }

try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const results = () => page.$$eval("#search-results li", (lis) => lis.map((li) => li.textContent));
  const status = (text) => page.waitForFunction(
    (t) => document.getElementById("search-status").textContent.includes(t), text, { timeout: 10000 })
    .catch(async () => fail(`waited for "${text}"; the status says "${
      await page.$eval("#search-status", (s) => s.textContent)}" (query "${await page.inputValue("#q")}")`));

  // A query in the address is run when the page opens.
  await page.goto(base + "search/?q=harbor");
  await status("1 call matches.");
  const first = await results();
  if (!first[0].includes("Example Harbor Mills")) fail("harbor: " + JSON.stringify(first));

  // A speaker's name finds both calls; two words must both match.
  await page.fill("#q", "fairweather");
  await status("2 calls match.");
  await page.fill("#q", "fairweather harbor");
  await status("1 call matches.");
  if (!page.url().includes("q=fairweather+harbor")) fail("the address keeps the query: " + page.url());

  // Accents do not matter, and markup in a name is text.
  await page.fill("#q", "societe onerror");
  await status("1 call matches.");
  const evil = await results();
  if (!evil[0].includes('<img src=x onerror="window.__xss=1">')) fail("markup shown as text: " + JSON.stringify(evil));
  if (await page.$("#search-results img")) fail("an img element was made from the index");
  if (await page.evaluate(() => window.__xss !== undefined)) fail("script from the index ran");

  await page.fill("#q", "no such call");
  await status("No call matches");
  if ((await results()).length !== 0) fail("results for a query that matches nothing");

  const link = await page.goto(base + "search/?q=harbor").then(() => status("1 call matches."))
    .then(() => page.$eval("#search-results a", (a) => a.getAttribute("href")));
  if (link !== "/exhm/2025-q1/") fail("result link: " + link);
  if (errors.length) fail("page errors: " + errors.join("; "));
  console.log("search ok");
} finally {
  await browser.close();
}
