/** Example documents written for these tests in the style of news pages and official posts (not real reports). */

export const NEWS_PAGE = `<!DOCTYPE html>
<html lang="fr-FR">
<head>
  <meta charset="utf-8">
  <title>Nuit d’attaques : 312 drones lancés contre l’Ukraine | Le Courrier du Matin</title>
  <meta property="og:title" content="Nuit d’attaques : 312 drones lancés contre l’Ukraine">
  <meta property="og:site_name" content="Le Courrier du Matin">
  <meta property="article:published_time" content="2031-03-14T08:05:00+01:00">
  <meta property="article:modified_time" content="2031-03-14T10:40:00+01:00">
  <link rel="canonical" href="https://courrier.example/monde/2031/03/14/nuit-attaques">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"Le Courrier du Matin","url":"https://courrier.example/"},
    {"@type":"NewsArticle","headline":"Nuit d’attaques : 312 drones lancés contre l’Ukraine",
     "datePublished":"2031-03-14T08:05:00+01:00","dateModified":"2031-03-14T10:40:00+01:00",
     "publisher":{"@type":"Organization","name":"Le Courrier du Matin"}}]}
  </script>
  <style>.ad{color:red}</style>
  <script>window.tracker = "Publicité 999 drones";</script>
</head>
<body>
  <nav class="menu"><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a></nav>
  <div class="ad banner">Publicité — abonnez-vous pour 1 € le premier mois</div>
  <main>
    <article>
      <h1>Nuit d’attaques : 312 drones lancés contre l’Ukraine</h1>
      <p class="byline">Par Jeanne Martin, avec AFP</p>
      <p>L’armée de l’air ukrainienne a indiqué vendredi matin que la Russie avait lancé 312 drones et 7 missiles
      dans la nuit de jeudi à vendredi. Selon elle, 290 drones ont été abattus ou neutralisés par la défense
      antiaérienne, principalement dans les régions de Kharkiv et de Soumy.</p>
      <p>Le maire de la ville a fait état de deux blessés &amp; de dégâts sur des immeubles d’habitation, tandis que
      les services de secours poursuivaient les recherches dans les décombres en fin de matinée.</p>
      <h2>Moscou revendique ses propres interceptions</h2>
      <p>De son côté, le ministère russe de la Défense a affirmé avoir intercepté 41 drones ukrainiens au-dessus de
      la région de Briansk et de la mer Noire, sans faire état de victimes dans son communiqué.</p>
      <ul>
        <li>Kharkiv : 12 impacts signalés</li>
        <li>Soumy : coupures d’électricité</li>
      </ul>
    </article>
  </main>
  <aside><h3>À lire aussi</h3><p>Les prix de l’immobilier repartent à la hausse dans les grandes villes.</p></aside>
  <footer><p>© 2031 Le Courrier du Matin — Mentions légales — Contact</p></footer>
</body>
</html>`;

/** Metadata only in JSON-LD (an array, publisher as an object); the headline is not in the article body. */
export const UK_PAGE = `<!doctype html>
<html lang="ua">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Головне за ніч — Вісник Полісся</title>
<link rel="canonical" href="/news/2031/06/02/nichna-ataka">
<script type="application/ld+json">[
  {"@type":"BreadcrumbList","itemListElement":[]},
  {"@type":["NewsArticle"],"headline":"Сили ППО знешкодили 64 з 70 &quot;шахедів&quot;","datePublished":"2031-06-02T07:15:00+03:00",
   "dateModified":"2031-06-02T09:00:00+03:00","publisher":{"@type":"NewsMediaOrganization","name":"Вісник Полісся"}}
]</script>
</head>
<body>
<header><div class="logo">Вісник Полісся</div><nav><ul><li><a href="/">Головна</a></li><li><a href="/sport">Спорт</a></li></ul></nav></header>
<div id="content">
  <div class="article-body">
    <p>У ніч на 2 червня російські окупанти атакували Україну 70 ударними безпілотниками типу Shahed та дронами-імітаторами.
    Про це повідомили у Повітряних силах ЗСУ.</p>
    <p>За попередніми даними, станом на 08:30 протиповітряною обороною збито або подавлено 64 ворожі БпЛА на півночі,
    сході та в центрі країни. Зафіксовано влучання 6 ударних БпЛА на 3 локаціях.</p>
    <p>Внаслідок атаки на Житомирщині пошкоджено складські приміщення, постраждалих немає, повідомив голова ОВА.</p>
  </div>
</div>
<div class="comments"><p>Коментарі (12)</p></div>
<footer>Усі права захищено. Передрук матеріалів лише з посиланням.</footer>
</body>
</html>`;

/** Too short for Readability: the fallback walk must still drop scripts, navigation and the footer. */
export const SHORT_PAGE = `<html><head><title>Оперативна інформація</title><style>p{margin:0}</style></head>
<body><nav><a href="/">Головна</a> | <a href="/news">Новини</a></nav>
<script>var counter = "1000 ракет";</script>
<div class="post">Увага! Збито 12 дронів над областю.<br>Загроза зберігається.</div>
<footer>Контакти: 0 800 000 000</footer></body></html>`;

const tgMessage = (post: string, datetime: string, html: string): string => `
<div class="tgme_widget_message_wrap js-widget_message_wrap">
  <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${post}" data-view="x">
    <div class="tgme_widget_message_user"><a href="https://t.me/${post.split("/")[0]}"><i class="tgme_widget_message_user_photo"></i></a></div>
    <div class="tgme_widget_message_bubble">
      <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/x"><span dir="auto">Оперативні новини ППО</span></a></div>
      <div class="tgme_widget_message_text js-message_text" dir="auto">${html}</div>
      <div class="tgme_widget_message_footer compact js-message_footer">
        <div class="tgme_widget_message_info short js-message_info">
          <span class="tgme_widget_message_views">25.1K</span><span class="copyonly"> views</span>
          <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/${post}"><time datetime="${datetime}" class="time">07:38</time></a></span>
        </div>
      </div>
    </div>
  </div>
</div>`;

/** A t.me/s/<channel> feed with two posts, written for these tests. */
export const TELEGRAM_FEED = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Оперативні новини ППО – Telegram</title>
<meta property="og:title" content="Оперативні новини ППО"><meta property="og:site_name" content="Telegram">
</head><body><header class="tgme_header"><a href="/s/opsnews">Оперативні новини ППО</a> <span>120K subscribers</span></header>
<section class="tgme_channel_history js-message_history">
${tgMessage("opsnews/1201", "2031-05-05T04:38:23+00:00", '<i class="emoji" style="background-image:url(x)"><b>⚡️</b></i> <b>ЗБИТО 40 З 48 БПЛА</b><br/><br/>У ніч на 5 травня (з 19:00 4 травня) противник атакував 48 ударними БпЛА типу Shahed.<br/>За попередніми даними, станом на 08:00 збито/подавлено 40 ворожих БпЛА.<br/><br/><a href="?q=%23ППО">#ППО</a>')}
${tgMessage("opsnews/1202", "2031-05-05T09:10:00+00:00", "Увага! Загроза застосування балістичного озброєння.")}
</section></body></html>`;

/** The plain t.me/<channel>/<id> page: the post's text only in og:description. */
export const TELEGRAM_PLAIN = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="Оперативні новини ППО">
<meta property="og:description" content="У ніч на 6 травня противник атакував 12 ударними БпЛА. Збито 9.">
<meta property="og:site_name" content="Telegram"></head>
<body><div class="tgme_page"><div class="tgme_page_title">Оперативні новини ППО</div><a class="tgme_action_button_new">View in Telegram</a></div></body></html>`;

/** A page whose article is filled in by scripts: the markup has only a loader, JSON-LD has the text. */
export const SCRIPT_PAGE = `<!doctype html><html lang="en"><head><title>Loading…</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Russia says it downed 27 drones over three regions","datePublished":"2031-08-01T05:20:00Z",
"articleBody":"Russia's defence ministry said on Friday its air defences had destroyed 27 Ukrainian drones overnight.\\n\\nNineteen of them were downed over the Bryansk region, the ministry said on Telegram.",
"publisher":{"@type":"Organization","name":"Wire Example"}}</script></head>
<body><div id="root"></div><noscript>Please enable JavaScript.</noscript><script src="/app.js"></script></body></html>`;
