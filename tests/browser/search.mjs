// Opens the search page served by `callpress serve` in headless Chromium, types queries
// and reads the results: by company, by speaker, without accents, with the query kept in
// the address; a company name made of markup is shown as text and never runs. Then the
// full text: words said (English and Chinese) find the paragraphs, each linking to its
// anchor with the words marked; markup said in a paragraph is text; a word nowhere says so.
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

  // Full text: words said on the calls, not in any name.
  const textResults = () => page.$$eval("#text-results > li", (lis) => lis.map((li) => ({
    call: li.querySelector("a").textContent,
    paragraphs: [...li.querySelectorAll(".paragraph-hits li a")].map((a) => ({ href: a.getAttribute("href"), text: a.parentElement.textContent })),
    marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
  })));
  const textStatus = (text) => page.waitForFunction(
    (t) => document.getElementById("text-status").textContent.includes(t), text, { timeout: 10000 })
    .catch(async () => fail(`waited for "${text}"; the text status says "${
      await page.$eval("#text-status", (s) => s.textContent)}" (query "${await page.inputValue("#q")}")`));
  const paragraphsShown = (n) => page.waitForFunction(
    (k) => document.querySelectorAll("#text-results .paragraph-hits li").length >= k, n, { timeout: 10000 })
    .catch(() => fail(`waited for ${n} paragraphs of results`));

  await page.fill("#q", "gullwing research");
  await textStatus("2 calls mention");
  await status("No call matches");
  await paragraphsShown(2);
  const gull = await textResults();
  for (const hit of gull) {
    if (!/^\/(exhm|evl)\/2025-q1\/#t\d+-p\d+$/.test(hit.paragraphs[0].href)) fail("paragraph link: " + JSON.stringify(hit));
    if (!hit.paragraphs[0].text.includes("Gullwing Research")) fail("snippet: " + JSON.stringify(hit));
    if (!hit.marks.some((m) => m.toLowerCase() === "gullwing")) fail("marked words: " + JSON.stringify(hit));
  }

  // Chinese: the translation is searched, by pairs of characters.
  await page.fill("#q", "營收");
  await textStatus("2 calls mention");
  await paragraphsShown(2);
  const zh = await textResults();
  if (!zh[0].paragraphs[0].text.includes("營收")) fail("Chinese snippet: " + JSON.stringify(zh));

  // Markup said in a paragraph is text.
  await page.fill("#q", "onerror bobcat");
  await textStatus("1 call mentions");
  await paragraphsShown(1);
  const said = await textResults();
  if (!said[0].paragraphs[0].text.includes("<img src=y onerror=")) fail("markup in a paragraph shown as text: " + JSON.stringify(said));
  if (await page.$("#text-results img")) fail("an img element was made from a paragraph");

  await page.fill("#q", "kuiper");
  await textStatus("No transcript mentions");

  // A paragraph link opens the call at that paragraph.
  await page.fill("#q", "gullwing");
  await paragraphsShown(1);
  const href = await page.$eval("#text-results .paragraph-hits a", (a) => a.getAttribute("href"));
  await page.goto(base.replace(/\/$/, "") + href);
  const id = href.split("#")[1];
  if (!(await page.$(`[id="${id}"]`))) fail("no element with the id of the paragraph link " + href);
  if (await page.evaluate(() => window.__xss !== undefined)) fail("script from the index ran");

  const link = await page.goto(base + "search/?q=harbor").then(() => status("1 call matches."))
    .then(() => page.$eval("#search-results a", (a) => a.getAttribute("href")));
  if (link !== "/exhm/2025-q1/") fail("result link: " + link);
  if (errors.length) fail("page errors: " + errors.join("; "));
  console.log("search ok");
} finally {
  await browser.close();
}
