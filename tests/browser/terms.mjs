// Cuts sentences into search terms with static/search.js, as a reader's browser does, so
// tests/browser.rs can compare them with the index's own cutting (src/site/search/terms.rs).
// Usage: node terms.mjs CASES.json   (CASES: { rules: {stop, fold}, sentences: [..], shards })
// Prints { terms: [[..], ..], shards: [n, ..] } (the shard of each term of each sentence).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { cutTerms, shardOf } = require("../../static/search.js");
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
const rules = { stop: new Set(cases.rules.stop), fold: cases.rules.fold };
const terms = cases.sentences.map((s) => cutTerms(s, rules));
const shards = terms.map((list) => list.map((t) => shardOf(t, cases.shards)));
console.log(JSON.stringify({ terms, shards }));
