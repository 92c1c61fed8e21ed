import { launch } from "/work/main/tests/browser/launch.mjs";
const [url, out, width, scheme] = process.argv.slice(2);
const b = await launch();
const c = await b.newContext({ viewport: { width: +width, height: 800 }, colorScheme: scheme || "light" });
const p = await c.newPage(); await p.goto(url);
await p.waitForFunction(() => document.querySelectorAll(".paragraph-hits li").length > 0, null, {timeout: 8000}).catch(()=>{});
await p.screenshot({ path: out, fullPage: true }); await b.close();
