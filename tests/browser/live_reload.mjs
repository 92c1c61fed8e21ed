// Opens a page served by `callpress serve` in headless Chromium, edits its transcript,
// and checks that the open page reloads by itself and shows the new text.
// Usage: node live_reload.mjs URL TRANSCRIPT OLD_TEXT NEW_TEXT
import { launch } from "./launch.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const [url, file, oldText, newText] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(url);
  // Wait until the live-reload stream is open, then mark this page instance.
  await page.waitForFunction(() => document.documentElement.dataset.callpressLive === "open");
  await page.evaluate(() => { window.__before_edit = true; });
  const text = readFileSync(file, "utf8");
  if (!text.includes(oldText)) throw new Error(`"${oldText}" not in ${file}`);
  writeFileSync(file, text.replace(oldText, newText));
  await page.waitForFunction((t) => document.body.innerText.includes(t), newText, { timeout: 20000 });
  const reloaded = await page.evaluate(() => window.__before_edit === undefined);
  if (!reloaded) throw new Error("the new text appeared without a reload");
  console.log("live reload ok");
} finally {
  await browser.close();
}
