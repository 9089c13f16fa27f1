"""Made-up news pages for the web-page tests: realistic markup (JSON-LD, og: tags, a byline,
paywall and newsletter boxes, a sidebar with dated image paths, a footer with an address), texts
written for newskit's tests (no real page is copied here).

``news_page(...)`` builds one page; every part can be changed or left out. The Chinese and
Japanese articles are 650–1,100 characters long, written without spaces, as such articles are.
"""

from __future__ import annotations

import json
from typing import Any

PARAGRAPHS = [
    "The city council voted seven to two on Monday night to close the old ferry pier after "
    "engineers found that three of its timber piles had rotted through.",
    "Repairs would cost about 4.2 million dollars, according to a report presented to the "
    "council, more than twice the amount set aside in this year's budget.",
    "“We cannot ask people to walk on a structure we know is failing,” said councillor Ines "
    "Barros, who proposed the closure. Ferry services will move to the north terminal in April.",
    "Local business owners said the move would cut foot traffic along the waterfront, where a "
    "dozen cafes depend on passengers waiting for the morning boats.",
]

ZH_PARAGRAPHS = [
    "本市地铁五号线南延段于周一上午正式开通运营，全长十二点四公里，共设八座车站。市交通局局长王建国在"
    "开通仪式上表示，新线路将把南部新区与市中心之间的通勤时间缩短约二十五分钟，预计每天可服务乘客十五万人次。",
    "据介绍，该工程于二〇二一年三月开工，总投资约九十六亿元。施工期间，建设单位克服了地下水位高、地质"
    "条件复杂等多重困难，先后完成了三处穿越既有铁路和两条河流的关键节点。",
    "开通首日，不少市民专程前来体验。家住南部新区的李女士说，过去她每天上班需要换乘两次公交车，单程要"
    "一个多小时，现在乘坐地铁只需要四十分钟左右，“出行方便多了”。",
    "交通部门同时宣布，五号线南延段开通后，沿线六条公交线路将进行调整，部分线路将改为地铁接驳线路，"
    "以便乘客换乘。具体调整方案已在市交通局官方网站公布。",
    "在开通仪式现场，施工单位代表回顾了工程建设的历程。他说，三年来共有两千多名建设者参与施工，高峰期"
    "每天有四十多台大型设备同时作业，确保了工程按期完工。",
    "此外，新线路的八座车站均配备了无障碍电梯、母婴室和自助售票设备，部分车站还设置了自行车停放区，"
    "方便市民解决“最后一公里”的出行问题。",
    "专家指出，随着城市规模不断扩大，轨道交通在缓解地面交通压力、减少碳排放方面发挥着越来越重要的作用。"
    "按照规划，到二〇三〇年，全市轨道交通运营里程将超过六百公里。",
    "记者在南延段终点站看到，站厅内指示标识清晰，工作人员正在引导首次乘车的老人使用自助售票机。一位"
    "六十多岁的乘客笑着说，以前去市中心看病要起个大早，现在吃完早饭再出门也来得及。",
    "据了解，五号线南延段开通初期的行车间隔为六分钟，早晚高峰时段将缩短至四分钟。运营单位表示，将根据"
    "客流变化情况适时调整运行图，并在节假日期间延长末班车时间，更好地满足市民的出行需求。",
]

JA_PARAGRAPHS = [
    "市立図書館が約二年間の改修工事を終え、十五日に再開館した。新しい図書館は三階建てで、蔵書数は約三十万冊"
    "と以前より五万冊増えた。館内には子ども向けの読書スペースや、静かに勉強できる自習室も新たに設けられた。",
    "再開初日は開館前から約二百人が列を作り、午前九時の開館と同時に次々と館内に入った。市内に住む会社員の"
    "田中さんは「以前より明るく、座席も多くなったので、週末に家族で来たい」と話していた。",
    "市によると、改修工事の総事業費は約十八億円で、そのうち約三分の一を国の補助金でまかなった。建物の"
    "耐震性を高めたほか、太陽光発電パネルを屋上に設置し、年間の電気代を約二割削減できる見込みだという。",
    "また、新たに導入された自動貸出機により、利用者は職員に頼らずに本を借りられるようになった。市の担当者は"
    "「貸出の待ち時間が短くなり、職員は読書相談などにより多くの時間を使えるようになる」と説明した。",
    "図書館では今後、地元の作家を招いた講演会や、子ども向けの読み聞かせ会などのイベントを毎月開く予定だ。"
    "開館時間は午前九時から午後八時までで、毎週月曜日が休館となる。",
    "市長は記念式典で「図書館は市民の学びと交流の拠点だ。多くの人に気軽に足を運んでもらいたい」と述べた。",
    "改修前の図書館は築四十年以上が経過し、雨漏りや空調の故障が相次いでいた。利用者からは建て替えを"
    "求める声も上がっていたが、市は費用を抑えるため、既存の建物を生かした大規模改修を選んだという。",
    "館内の一角には、地域の歴史を紹介する展示コーナーも設けられた。昔の町並みを写した写真や古い地図が"
    "並び、訪れた高齢の男性は「子どもの頃に通った商店街が写っていて懐かしい」と目を細めていた。",
]

CS_PARAGRAPHS = [
    "Městská rada v pondělí schválila uzavření starého přístavního mola, protože inženýři "
    "zjistili, že tři jeho dřevěné piloty jsou shnilé.",
    "Oprava by podle zprávy předložené radě stála asi sto milionů korun, tedy víc než dvojnásobek "
    "částky, kterou letošní rozpočet počítá.",
    "„Nemůžeme lidi posílat na stavbu, o které víme, že se rozpadá,“ řekla radní Jana Šťastná. "
    "Majitelé kaváren na nábřeží se obávají, že jim ubude zákazníků, kteří si sem chodili na "
    "ranní kávu, a přijdou tak o chuť podnikat.",
]

PAYWALL_BOX = (
    '<div class="paywall-prompt" id="pw-1"><h3>This story is for subscribers</h3>'
    "<p>Subscribe now to continue reading. Already a subscriber? Log in.</p>"
    '<a class="button" href="/subscribe">See our offers</a></div>'
)
NEWSLETTER_BOX = (
    '<div class="newsletter-signup"><h3>The Morning Ledger</h3>'
    "<p>Get the day's top stories from the harbour in your inbox every morning.</p>"
    '<form action="/newsletters/subscribe"><input type="email"><button>Sign up</button></form>'
    "</div>"
)
LOOSE_FURNITURE = (
    "<p>Sign up for our daily newsletter to get the latest local news in your inbox.</p>",
    "<p>ADVERTISEMENT</p>",
    "<p>Read more: Fishing quotas cut for the spring season</p>",
)
FURNITURE_TEXTS = [
    "This story is for subscribers",
    "Subscribe now to continue reading",
    "Already a subscriber",
    "See our offers",
    "The Morning Ledger",
    "in your inbox every morning",
    "Sign up for our daily newsletter",
    "ADVERTISEMENT",
    "Fishing quotas cut",
]
SIDEBAR = (
    '<aside class="sidebar"><h3>Most read</h3><ul>'
    '<li><img src="/wp-content/uploads/2020/12/08/storm.jpg" alt="">'
    '<a href="/news/2020/12/08/storm-damage">Storm damage across the county</a></li>'
    '<li><img src="/wp-content/uploads/2021/02/14/market.jpg" alt="">'
    '<a href="/news/2021/02/14/market">Valentine market returns</a></li>'
    "</ul></aside>"
)
FOOTER = (
    "<footer><p>The Harbour Ledger · 12 Harbour Street, Portside PS1 4QA · "
    "Tel. 01632 960 123</p><p>© 2024 Ledger Media Group. All rights reserved.</p>"
    '<a href="/privacy">Privacy policy</a></footer>'
)


def json_ld(**fields: Any) -> str:
    """A JSON-LD ``<script>`` for a NewsArticle with ``fields`` (``None`` values left out)."""
    data = {"@context": "https://schema.org", "@type": "NewsArticle"}
    data.update({k: v for k, v in fields.items() if v is not None})
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def news_page(
    *,
    title: str = "Harbour city votes to close old ferry pier",
    title_tag: str | None = None,
    site_name: str | None = "The Harbour Ledger",
    url: str | None = "https://www.harbourledger.test/news/ferry-pier-vote",
    published: str | None = "2024-03-05T09:30:00Z",
    head: str = "",
    ld: str = "",
    paragraphs: list[str] | None = None,
    inside: str = "",
    after: str = "",
    sidebar: str = "",
    footer: str = FOOTER,
    lang: str = "en",
    charset: str = "utf-8",
    byline: str = "By Mara Kowalczyk",
) -> str:
    """One news page. ``title_tag``: the ``<title>`` (default ``"TITLE | SITE"``); ``inside``:
    markup put between the second and third paragraphs (a paywall box, say); ``after``: after
    the article; ``head``: more ``<head>`` markup; ``ld``: a JSON-LD script."""
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    if title_tag is None:
        title_tag = f"{title} | {site_name}" if site_name else title
    metas = [f'<meta charset="{charset}">', f"<title>{title_tag}</title>"]
    if site_name is not None:
        metas.append(f'<meta property="og:site_name" content="{site_name}">')
    metas.append(f'<meta property="og:title" content="{title}">')
    if published is not None:
        metas.append(f'<meta property="article:published_time" content="{published}">')
    if url is not None:
        metas.append(f'<link rel="canonical" href="{url}">')
    body = [f"<p>{p}</p>" for p in paragraphs]
    body.insert(min(2, len(body)), inside)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>{"".join(metas)}{head}{ld}
<script>window.dataLayer = window.dataLayer || [];</script>
</head><body>
<header><a href="/">Home</a><nav><ul><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">{byline}</p>
{"".join(body)}
</article>{after}{sidebar}</main>
{footer}
</body></html>"""
