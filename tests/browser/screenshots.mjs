// Takes the README's screenshots of a served site: call, index, company and search pages
// (the search for words said on the calls, once its results have their quotes) in light
// and dark at 1280 px and light on a 390 px phone (top of each page). Usage: node screenshots.mjs BASE_URL OUT_DIR
import { launch } from "./launch.mjs";

const [base, out] = process.argv.slice(2);
const browser = await launch();
const shots = [
  { name: "desktop-light", width: 1280, height: 860, scheme: "light" },
  { name: "desktop-dark", width: 1280, height: 860, scheme: "dark" },
  { name: "phone", width: 390, height: 844, scheme: "light", scale: 2 },
];
try {
  const page = await browser.newPage();
  await page.goto(base);
  // The newest call (the example site's company with the longest history).
  const call = new URL(await page.$eval("table.calls td.call a", (a) => a.getAttribute("href")), base).href;
  await page.goto(call);
  const company = new URL(await page.$eval(".kicker a", (a) => a.getAttribute("href")), call).href;
  const pages = { call, index: base, company, search: new URL("search/?q=guidance%20margin", base).href };
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.scale || 1,
      colorScheme: shot.scheme,
    });
    const tab = await context.newPage();
    for (const [name, url] of Object.entries(pages)) {
      await tab.goto(url);
      await tab.evaluate(() => document.fonts.ready);
      if (name === "search") {
        await tab.waitForFunction(() => document.querySelectorAll(".paragraph-hits li").length > 0, null, { timeout: 10000 });
      }
      const file = `${out}/${name}-${shot.name}.png`;
      await tab.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
