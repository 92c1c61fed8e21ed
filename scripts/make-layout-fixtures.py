#!/usr/bin/env python3
"""Writes the fictional transcripts used as layout fixtures and example content.

Two fictional calls (A: eleven turns, B: seven) are rendered in every layout family
callpress reads. Each rendering gets its own fictional company, so all of them can live
in one site. Run from the repository root:

    python3 scripts/make-layout-fixtures.py

It writes content/layouts/<family>.<ext> (call A) and tests/fixtures/layouts/<family>-b.<ext>
(call B). Every company, person and number is invented.
"""
import json, os, textwrap

OP = ("Operator", None, None, "operator")

def call_a(company, ticker, zh_company):
    ir = ("Lena Ortiz", "Head of Investor Relations", company, "executive")
    ceo = ("Paul Whitaker", "Chief Executive Officer", company, "executive")
    cfo = ("Grace Holm", "Chief Financial Officer", company, "executive")
    a1 = ("Sunil Mehta", "Analyst", "Brightwater Capital", "analyst")
    a2 = ("Karen Doyle", "Analyst", "Northgate Securities", "analyst")
    turns = [
        (OP, [(f"Good morning, and welcome to the {company} second quarter 2025 earnings call. (Operator Instructions) This call is being recorded.",
               f"早安,歡迎參加{zh_company} 2025 年第二季財報電話會議。(操作員說明)本次會議正在錄音。"),
              ("I would now like to turn the call over to Lena Ortiz, Head of Investor Relations.",
               "現在我將會議交給投資人關係主管莉娜·奧爾蒂斯。")]),
        (ir, [("Thank you. Our remarks reflect our views as of today, July 30, 2025, and include forward-looking statements.",
               "謝謝。我們的發言反映截至今天(2025 年 7 月 30 日)的看法,並包含前瞻性陳述。")]),
        (ceo, [("Thanks, Lena. Revenue for the quarter was $184.2 million, up 7% year-over-year.",
                "謝謝莉娜。本季營收為 1.842 億美元,年增 7%。"),
               ("We opened 3 new plants this quarter [inaudible] in Portugal.",
                "本季我們新設 3 座工廠 [聽不清楚] 位於葡萄牙。")]),
        (cfo, [("Operating income was $21.6 million, and operating margin was 11.7%, up 80 basis points.",
                "營業利益為 2,160 萬美元,營業利益率為 11.7%,提升 80 個基點。"),
               ("For the third quarter, we expect revenue between $186 million and $192 million.",
                "第三季我們預期營收介於 1.86 億美元至 1.92 億美元之間。")]),
        (OP, [("We will now open the call for questions. Our first question comes from the line of Sunil Mehta with Brightwater Capital.",
               "現在開放提問。第一個問題來自 Brightwater Capital 的蘇尼爾·梅塔。")]),
        (a1, [("Thanks. How are input costs trending?", "謝謝。原料成本走勢如何?")]),
        (cfo, [("Cotton prices eased, and freight was flat. (technical difficulty) Sorry, as I was saying, we expect gross margin to hold steady.",
                "棉花價格回落,運費持平。(技術問題)抱歉,如我剛才所說,我們預期毛利率將維持穩定。")]),
        (OP, [("Our next question comes from the line of Karen Doyle with Northgate Securities.",
               "下一個問題來自 Northgate Securities 的凱倫·道爾。")]),
        (a2, [("Can you talk about demand in Europe?", "可以談談歐洲的需求嗎?")]),
        (ceo, [("Europe grew 9%, led by home textiles.", "歐洲成長 9%,由家用紡織品帶動。")]),
        (OP, [("This concludes today's call. Thank you for participating.", "今天的會議到此結束。感謝您的參與。")]),
    ]
    return dict(company=company, ticker=ticker, zh=zh_company, year=2025, quarter=2, date="2025-07-30",
                date_long="July 30, 2025", date_short="Jul 30, 2025", people=[ir, ceo, cfo], analysts=[a1, a2],
                turns=turns, qa=4)

def call_b(company, ticker, zh_company):
    ceo = ("Ivo Stanek", "Chief Executive Officer", company, "executive")
    cfo = ("Mara Quint", "Chief Financial Officer", company, "executive")
    a1 = ("Dev Anand", "Analyst", "Silverline Research", "analyst")
    turns = [
        (OP, [(f"Welcome to the {company} fourth quarter 2025 results call. [Operator Instructions]",
               f"歡迎參加{zh_company} 2025 年第四季業績電話會議。[操作員說明]")]),
        (ceo, [("Thank you. Our comments reflect our views as of today, February 19, 2026. Net sales were $1.08 billion, up 12%.",
                "謝謝。我們的評論反映截至今天(2026 年 2 月 19 日)的看法。淨銷售額為 10.8 億美元,成長 12%。")]),
        (cfo, [("Gross margin was 38.4%, and free cash flow for the full year was $142 million.",
                "毛利率為 38.4%,全年自由現金流為 1.42 億美元。"),
               ("For 2026, we expect net sales growth between 5% and 8%.",
                "2026 年,我們預期淨銷售額成長介於 5% 至 8% 之間。")]),
        (OP, [("Our first question comes from the line of Dev Anand with Silverline Research.",
               "第一個問題來自 Silverline Research 的戴夫·阿南德。")]),
        (a1, [("What drove the margin gain?", "毛利率提升的原因是什麼?")]),
        (cfo, [("Mostly pricing, and lower fuel costs.", "主要是定價,以及燃料成本下降。")]),
        (OP, [("That concludes the call.", "會議到此結束。")]),
    ]
    return dict(company=company, ticker=ticker, zh=zh_company, year=2025, quarter=4, date="2026-02-19",
                date_long="February 19, 2026", date_short="Feb 19, 2026", people=[ceo, cfo], analysts=[a1],
                turns=turns, qa=3)

def header_dash(p):
    name, title, firm, role = p
    if role == "operator":
        return "Operator"
    return f"{name} - {title}"

def bilingual(c):
    out = [f"{c['zh']} ({c['ticker']}) {c['year']} Q{c['quarter']} 法說會逐字稿", "", "內容摘要", "", f"{c['zh']}(虛構公司)本季業績摘要。", "", "完整原文", "", "使用警語:示範用的人工翻譯,內容純屬虛構", ""]
    for p, paras in c["turns"]:
        h = header_dash(p)
        out += [f"  • {h}", "", f"    {h}", ""]
        for en, zh in paras:
            out += [f"  • {en}", "", f"    {zh}", ""]
    return "\n".join(out)

def fool(c):
    out = [f"{c['company']} (NYSE:{c['ticker']})", "", f"Q{c['quarter']} {c['year']} Earnings Call", "", f"{c['date_short']}, 10:00 a.m. ET", "",
           "Contents:", "", "Prepared Remarks", "", "Questions and Answers", "", "Call Participants", "", "Prepared Remarks:", ""]
    def head(p):
        name, title, firm, role = p
        if role == "operator": return "Operator"
        if role == "analyst": return f"{name} -- {firm} -- Analyst"
        return f"{name} -- {title}"
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out += ["Questions and Answers:", ""]
        out += [head(p), ""]
        for en, _ in paras:
            out += [en, ""]
    out += ["Duration: 31 minutes", "", "Call participants:", ""]
    for p in c["people"] + c["analysts"]:
        out += [head(p), ""]
    out += ["This transcript is fictional: written for callpress's tests.", ""]
    return "\n".join(out)

def seeking_alpha(c):
    out = [f"{c['company']} (NYSE:{c['ticker']}) Q{c['quarter']} {c['year']} Earnings Call {c['date_long']}  10:00 AM ET", "Executives"]
    out += [f"{p[0]} - {c['company']}" for p in c["people"]]
    out += ["Analysts"] + [f"{p[0]} - {p[2]}" for p in c["analysts"]]
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out.append("Question-and-Answer Session")
        name, title, firm, role = p
        out.append("Operator" if role == "operator" else f"{name} - {c['company'] if role == 'executive' else firm}")
        out += [en for en, _ in paras]
    return "\n".join(out) + "\n"

def front_matter(c):
    # These layouts do not state the ticker: the site owner gives it in front matter.
    return ["---", f"ticker: {c['ticker']}", f"company: {c['company']}", f"year: {c['year']}", f"quarter: {c['quarter']}", "---"]

def streetevents(c):
    out = front_matter(c) + ["CORPORATE PARTICIPANTS", " "]
    for p in c["people"]:
        out += [p[0], f"{c['company']} - {p[1]}"]
    out += ["CONFERENCE CALL PARTICIPANTS", " "]
    for p in c["analysts"]:
        out += [p[0], f"{p[2]} - Analyst"]
    out += ["PRESENTATION", " "]
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out += ["QUESTIONS AND ANSWERS", " "]
        name, title, firm, role = p
        out.append("Operator" if role == "operator" else name)
        if role == "executive":
            out.append(f"{c['company']} - {title}")
        elif role == "analyst":
            out.append(f"{firm} - Analyst")
        for en, _ in paras:
            out += textwrap.wrap(en, 60)
        out.append(" ")
    out += ["DISCLAIMER", "This fictional transcript was written for callpress's tests. No rights reserved."]
    return "\n".join(out) + "\n"

def inline(c):
    out = ["=" * 40, f"Company: {c['company']}", f"Ticker: {c['ticker']}", f"Quarter: Q{c['quarter']} {c['year']}", "=" * 40, "",
           f"Wednesday, {c['date_long']} at 10 a.m. ET", "", "CALL PARTICIPANTS", ""]
    for p in c["people"]:
        out += [f"{p[1]} — {p[0]}", ""]
    out += ["Revenue-- as stated on the call.", "", "Full Conference Call Transcript", ""]
    for p, paras in c["turns"]:
        name, title, firm, role = p
        label = "Operator" if role == "operator" else ("Analyst" if role == "analyst" else name)
        for j, (en, _) in enumerate(paras):
            out += [f"{label}:{en}" if j == 0 else en, ""]
    out += ["The Motley Fool has no position in any of the stocks mentioned.", ""]
    return "\n".join(out)

def stamp(n):
    return f"({n // 3600:02d}:{n % 3600 // 60:02d}:{n % 60:02d})"

def timestamped(c):
    out = front_matter(c) + [f"# {c['zh']}_{c['date'].replace('-', '')}", "**警語:此逐字稿為示範用,內容純屬虛構。**", "", "## Memo", "", "### 亮點", f"- {c['zh']}業績穩健。 [(00:00:05) {c['people'][0][0]}]", "", "## Transcript", "", "### Presentation", ""]
    t = 0
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out += ["### Q&A", ""]
        name, title, firm, role = p
        label = "Operator" if role == "operator" else f"{name} - {firm}, {title}"
        out.append(f"**{label}**")
        for en, zh in paras:
            out += [f"{stamp(t)} {en}", f"{stamp(t)} {zh}"]
            t += 17
        out.append("")
    return "\n".join(out)

def tagged(c):
    out = [f"{c['company']} ({c['ticker']}) Q{c['quarter']} {c['year']}", ""]
    n = 1
    for p, paras in c["turns"]:
        for j, (en, zh) in enumerate(paras):
            prefix = (header_dash(p) + ": ") if j == 0 else ""
            out += [f"{n}. [EN] {prefix}{en}", f"{n}. [中] {zh}"]
            n += 1
    return "\n".join(out) + "\n"

def html_table(c):
    rows = []
    for p, paras in c["turns"]:
        h = header_dash(p)
        rows.append((h, h))
        rows += paras
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "\n".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td></tr>" for a, b in rows)
    return f"""<!doctype html>
<html lang="zh-Hant"><head><meta charset="utf-8"><title>{c['zh']} 逐字稿</title><style>td {{ padding: 4px }}</style></head>
<body>
<nav><a href="/">首頁</a></nav>
<h1>{c['zh']} ({c['ticker']}) {c['year']} Q{c['quarter']} 法說會逐字稿</h1>
<p>完整原文</p>
<table>
{body}
</table>
<script>console.log("ignored")</script>
</body></html>
"""

def html_paragraphs(c):
    out = [f"<!doctype html><html><head><title>{c['company']} call</title></head><body><article>",
           f"<p>{c['company']} (NYSE:{c['ticker']})</p>", f"<p>Q{c['quarter']} {c['year']} Earnings Call</p>", f"<p>{c['date_short']}, 10:00 a.m. ET</p>", "<h2>Prepared Remarks:</h2>"]
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out.append("<h2>Questions and Answers:</h2>")
        name, title, firm, role = p
        head = "Operator" if role == "operator" else (f"{name} -- {firm} -- Analyst" if role == "analyst" else f"{name} -- {title}")
        out.append(f"<p><strong>{head}</strong></p>")
        out += [f"<p>{en}</p>" for en, _ in paras]
    out.append("</article></body></html>")
    return "\n".join(out) + "\n"

def as_json(c):
    statements = []
    for i, (p, paras) in enumerate(c["turns"]):
        name, title, firm, role = p
        statements.append({"statement_num": i + 1, "section": "qa" if i >= c["qa"] else "pres",
                           "speaker": name, "role": title or "Operator", "affiliation": firm if role == "analyst" else "",
                           "text": " ".join(en for en, _ in paras)})
    doc = {"ticker": c["ticker"], "company_name": c["company"], "fiscal_period_year": str(c["year"]), "fiscal_period_qtr": f"Q{c['quarter']}",
           "call_date": c["date"], "call_title": f"{c['company']} ({c['ticker']}) Q{c['quarter']} {c['year']} Earnings Call Transcript",
           "participants": {"management": [{"speaker": p[0], "role": p[1], "affiliation": ""} for p in c["people"]],
                            "analysts": [{"speaker": p[0], "role": "Analyst", "affiliation": p[2]} for p in c["analysts"]]},
           "call_transcript": statements}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

def markdown(c):
    out = ["---", f"company: {c['company']}", f"ticker: {c['ticker']}", f"year: {c['year']}", f"quarter: {c['quarter']}", f"date: {c['date']}", "---", "", "# Prepared remarks", ""]
    for i, (p, paras) in enumerate(c["turns"]):
        if i == c["qa"]:
            out += ["## Questions and answers", ""]
        name, title, firm, role = p
        head = "Operator" if role == "operator" else (f"{name} — {title}, {firm}" if role == "analyst" else f"{name} — {title}")
        out += [f"## {head}", ""]
        for en, zh in paras:
            out += [en, "", zh, ""]
    return "\n".join(out)

FAMILIES = [
    # family, extension, renderer, (company A, ticker A, zh A), (company B, ticker B, zh B)
    ("fool", "txt", fool, ("Ashgrove Textiles", "ASHT", "灰林紡織"), ("Copperfield Marine", "CPFM", "銅田海運")),
    ("seeking-alpha", "txt", seeking_alpha, ("Brindle Optics", "BRDO", "斑紋光學"), ("Dunmore Rail", "DNMR", "丹莫爾鐵路")),
    ("streetevents", "txt", streetevents, ("Calder Biolabs", "CLDB", "卡爾德生技"), ("Eastwick Foods", "EWKF", "東維克食品")),
    ("inline", "txt", inline, ("Fairlow Networks", "FLWN", "費爾洛網通"), ("Gorse Mining", "GRSM", "荊豆礦業")),
    ("timestamped-markdown", "md", timestamped, ("Hollins Semiconductor", "HLSC", "霍林斯半導體"), ("Ivyreach Cloud", "IVRC", "藤域雲端")),
    ("tagged", "txt", tagged, ("Juniper Lane Retail", "JNPL", "杜松巷零售"), ("Kestrel Aero", "KSTA", "茶隼航太")),
    ("html", "html", html_table, ("Larchmont Paper", "LRCP", "落葉松紙業"), ("Mossbank Energy", "MSBE", "苔岸能源")),
    ("json", "json", as_json, ("Nettlefield Pharma", "NTFP", "蕁麻田製藥"), ("Orchard Point Bank", "OPBK", "果園角銀行")),
    ("markdown", "md", markdown, ("Pebblestone Homes", "PBSH", "卵石家居"), ("Quarry Lane Logistics", "QRLL", "採石巷物流")),
]

def main():
    os.makedirs("content/layouts", exist_ok=True)
    os.makedirs("tests/fixtures/layouts", exist_ok=True)
    for family, ext, render, a, b in FAMILIES:
        with open(f"content/layouts/{family}.{ext}", "w") as f:
            f.write(render(call_a(*a)))
        second = html_paragraphs if family == "html" else render
        with open(f"tests/fixtures/layouts/{family}-b.{ext}", "w") as f:
            f.write(second(call_b(*b)))

if __name__ == "__main__":
    main()
