// What one full-text query downloads from a built site, as search.js fetches it: meta.json,
// the shard of each of its words, and the call.json of each call whose result comes into
// view (the first 3 fill a 1280 x 800 screen; all 10 of a page if the reader scrolls),
// each gzipped as a host sends it. Used by scripts/search-bench (not a test).
// Usage: node query_bytes.mjs OUTPUT_DIR QUERY...   prints one Markdown row per query.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { cutTerms, shardOf } = require("../../static/search.js");
const [out, ...queries] = process.argv.slice(2);
const gz = (path) => gzipSync(readFileSync(path)).length;
const metaPath = join(out, "search/meta.json");
const meta = JSON.parse(readFileSync(metaPath, "utf8"));
const rules = { stop: new Set(meta.stop), fold: meta.fold };
const calls = JSON.parse(readFileSync(join(out, "calls.json"), "utf8"));

for (const query of queries) {
  const terms = [...new Set(cutTerms(query, rules))];
  const shards = [...new Set(terms.map((t) => shardOf(t, meta.shards)))];
  let shardBytes = 0;
  const lists = terms.map(() => new Map());
  for (const n of shards) {
    const path = join(out, `search/terms/${n}.json`);
    shardBytes += gz(path);
    const shard = JSON.parse(readFileSync(path, "utf8"));
    terms.forEach((t, i) => {
      if (shardOf(t, meta.shards) !== n || !Object.hasOwn(shard, t)) return;
      let position = 0;
      for (let j = 0; j + 1 < shard[t].length; j += 2) { position += shard[t][j]; lists[i].set(position, shard[t][j + 1]); }
    });
  }
  const found = [...lists[0].keys()].filter((p) => lists.every((l) => l.has(p)));
  const callBytes = (n) => found.slice(0, n).reduce((sum, p) => sum + gz(join(out, calls[p].path, "call.json")), 0);
  const index = gz(metaPath) + shardBytes;
  const kb = (b) => (b / 1024).toFixed(1);
  console.log(`| ${query} | ${terms.join(" ")} | ${found.length} | ${kb(index)} | ${kb(index + callBytes(3))} | ${kb(index + callBytes(10))} |`);
}
