// The reading-language control of a long bilingual call, in headless Chromium: switching
// in the middle of the Q&A keeps the paragraph the reader is on where it was, and the
// choice is remembered after a reload.
// Usage: node reader.mjs CALL_URL
import { launch } from "./launch.mjs";

const [url] = process.argv.slice(2);
const browser = await launch();
function fail(message) { throw new Error(message); }
try {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  // Scroll three quarters down the transcript; the reader is on the first paragraph that
  // starts below the sticky control.
  await page.evaluate(() => {
    const paras = document.querySelectorAll(".transcript .para");
    const p = paras[Math.floor(paras.length * 0.75)];
    window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - 200);
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const id = await page.evaluate(() => {
    const bottom = document.querySelector(".view-control").getBoundingClientRect().bottom;
    return [...document.querySelectorAll(".transcript .para")].find((p) => p.getBoundingClientRect().top >= bottom).id;
  });
  const top = () => page.evaluate((i) => document.getElementById(i).getBoundingClientRect().top, id);
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await settle();
  const before = await top();
  const scrollBefore = await page.evaluate(() => window.scrollY);
  if (scrollBefore < 2000) fail(`the page did not scroll far (${scrollBefore}px)`);
  for (const choice of ["view-original", "view-translation", "view-both"]) {
    await page.click(`label[for=${choice}]`);
    await settle();
    const after = await top();
    if (Math.abs(after - before) > 2) fail(`${choice}: paragraph ${id} moved from ${before}px to ${after}px`);
    if (!(await page.isChecked(`#${choice}`))) fail(`${choice} not chosen`);
  }
  await page.click("label[for=view-translation]");
  await page.reload();
  if (!(await page.isChecked("#view-translation"))) fail("the choice is forgotten on reload");
  const hidden = await page.evaluate(() => getComputedStyle(document.querySelector(".transcript .orig")).display);
  if (hidden !== "none") fail("the remembered choice is not applied");
} finally {
  await browser.close();
}
console.log("reader ok");
