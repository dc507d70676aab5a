/* The one stylesheet, compiled in: pages load nothing from elsewhere. It
 * is small, readable on a phone, and prints cleanly (no header, no forms'
 * buttons, black on white). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

/* In parts: C17 compilers need only support 4095-byte literals. */
static const char *const CSS[] = {
	/* --field: borders of inputs, at least 3:1 on white and on the
	 * tinted boxes (WCAG 1.4.11); --line only separates. */
	":root{--ink:#1b1f24;--muted:#5b6570;--line:#d5dae0;--accent:#0b5cad;"
	"--ok:#1d6b33;--bad:#a3161b;--bg:#f6f7f9;--field:#6a737d}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:16px/1.5 system-ui,'Segoe UI',Roboto,'Noto Sans',"
	"Arial,sans-serif;color:var(--ink);background:var(--bg)}\n"
	"main{max-width:72rem;margin:0 auto;padding:1rem}\n"
	"h1{font-size:1.5rem;margin:.5rem 0 1rem}\n"
	"h2{font-size:1.2rem;margin:1.5rem 0 .5rem}\n"
	"a{color:var(--accent)}\n"
	".top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;"
	"padding:.5rem 1rem;background:#fff;border-bottom:1px solid var(--line)}\n"
	".brand{font-weight:700;text-decoration:none}\n"
	".top nav{display:flex;gap:1rem;flex:1}\n"
	/* On a phone the links wrap whole, not letter columns. */
	".top nav{flex-wrap:wrap;row-gap:.25rem}.top nav a{white-space:nowrap}\n"
	".who{display:flex;gap:.5rem;align-items:center;color:var(--muted)}\n"
	".inline{display:inline}\n"
	"button,.button{font:inherit;padding:.45rem .9rem;border:1px solid "
	"var(--accent);background:var(--accent);color:#fff;border-radius:4px;"
	"cursor:pointer}\n"
	"button.secondary{background:#fff;color:var(--accent)}\n"
	"img.chart{display:block;max-width:100%;height:auto;margin:.75rem 0}\n"
	"figure.chart{margin:1rem 0}\n"
	"table.chart-data{width:auto;min-width:50%}"
	"caption{text-align:left;padding:.25rem 0;color:var(--muted)}\n"
	"a.button{display:inline-block;margin:.15rem 0;text-decoration:none}\n"
	"button.danger{background:var(--bad);border-color:var(--bad)}\n"
	"input,select,textarea{font:inherit;padding:.35rem;border:1px solid "
	"var(--field);border-radius:4px;max-width:100%}\n",
	/* Radios and checkboxes a finger can hit: 24 px at least (WCAG
	 * 2.5.8), with their label as a larger target still. */
	"input[type=radio],input[type=checkbox]{width:24px;height:24px;"
	"margin:0 .4rem 0 0;vertical-align:middle;accent-color:var(--accent)}\n"
	"label.inline{display:inline-block;padding:.3rem 1rem .3rem 0}\n"
	/* Where the keyboard is, always visible (WCAG 2.4.7). */
	":focus-visible{outline:3px solid var(--accent);outline-offset:2px}\n"
	"main:focus{outline:none}\n"
	".skip{position:absolute;left:.5rem;top:-10rem;z-index:30;"
	"background:#fff;padding:.5rem 1rem;border:2px solid var(--accent)}\n"
	".skip:focus{top:.5rem}\n"
	"fieldset.q{border:0;padding:0;margin:.25rem 0}\n"
	"fieldset.q legend{padding:0;margin:0 0 .2rem}\n"
	"legend h3{margin:0}\n"
	"label.q,p.q{display:block;margin:.25rem 0}\n"
	"label.note{font-size:.9rem;color:var(--muted);margin:.4rem 0 .1rem}\n"
	/* The score and the save status stay on screen while typing; focus
	 * and jumps to a field stop below the bar, never under it. */
	".statusbar{position:sticky;top:0;z-index:5;background:#fff;"
	"border-bottom:2px solid var(--accent);padding:.4rem .6rem;"
	"display:flex;flex-wrap:wrap;gap:.1rem 1rem;align-items:baseline;"
	"font-size:.95rem}\n"
	".statusbar #autosave{font-weight:600}\n"
	"html:has(.statusbar){scroll-padding-top:7rem}\n"
	"html:has(.sticky-note:not([hidden])){scroll-padding-bottom:5rem}\n"
	".live{font-weight:400;font-size:.95rem}\n"
	".index ul{margin:.25rem 0;padding-left:1.25rem;list-style:none}\n"
	".index>ul{padding-left:0}\n"
	"@media (max-width:40rem){.statusbar{font-size:.85rem}"
	".statusbar .qual{display:none}}\n"
	".st{font-size:.9rem;white-space:nowrap}\n"
	".st-done{color:var(--ok)}.st-todo{color:var(--muted)}"
	".st-returned{color:var(--bad);font-weight:600}\n"
	"input[type=number]{width:6rem}\n"
	"textarea{width:100%;min-height:3rem}\n"
	"label{display:block;margin:.5rem 0 .2rem}\n"
	"table{border-collapse:collapse;width:100%;background:#fff}\n"
	"th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;"
	"vertical-align:top}\n"
	"th{background:#eef1f4}\n"
	"td.num,th.num{text-align:right;white-space:nowrap}\n"
	"tr.group td{background:#e8eef6;font-weight:600}\n"
	".card{background:#fff;border:1px solid var(--line);border-radius:6px;"
	"padding:1rem;margin:1rem 0}\n"
	".notice{background:#e7f4ea;border:1px solid #a7d3b2;padding:.6rem;"
	"border-radius:4px}\n"
	".errors{background:#fbeaea;border:1px solid #e2a5a7;padding:.6rem;"
	"border-radius:4px;color:var(--bad)}\n"
	".state{display:inline-block;padding:.1rem .5rem;border-radius:1rem;"
	"background:#eef1f4;font-size:.9rem}\n"
	".late{color:var(--bad);font-weight:600}\n"
	".reason{border-left:4px solid var(--bad);padding:.3rem .6rem;"
	"background:#fff7f7;margin:.3rem 0}\n"
	".muted{color:var(--muted)}\n",
	/* The landing page's tasks: a returned result stands out first. */
	".card.returned{border:2px solid var(--bad);background:#fff7f7}\n"
	".card>h2:first-child{margin-top:0}\n"
	".card.returned h2{color:var(--bad)}\n"
	".tasks{list-style:none;padding:0;margin:0}\n"
	".task{padding:.6rem 0;border-top:1px solid var(--line)}\n"
	".task:first-child{border-top:0}\n"
	".due.near,li.near a{color:var(--bad);font-weight:600}\n"
	".d1{padding-left:1.5em}.d2{padding-left:3em}.d3{padding-left:4.5em}"
	".d4{padding-left:6em}.d5{padding-left:7.5em}\n"
	".external{border-left:4px solid var(--accent);padding:.2rem .6rem;"
	"background:#f3f7fc;margin:.3rem 0}\n"
	".item{padding:.5rem 0;border-top:1px dashed var(--line)}\n"
	/* A refused value is marked where it is (and not by colour alone:
	 * the message is next to it); a conflict stands out from both. */
	".field-error{color:var(--bad);font-weight:600;margin:.25rem 0}\n"
	"[aria-invalid=true]{border:2px solid var(--bad);background:#fff7f7}\n"
	".conflict{border-left:4px solid #b26a00;background:#fff8e6;"
	"padding:.4rem .6rem;margin:.3rem 0}\n"
	"fieldset.conflict{border-width:0 0 0 4px;min-width:0}"
	"fieldset.conflict legend{float:left;width:100%;padding:0}\n"
	"#session-warning button,.sticky-note button{margin-left:.5rem}\n"
	".sticky-note{position:fixed;left:0;right:0;bottom:0;margin:0;"
	"z-index:10;border-radius:0;text-align:center}\n"
	".actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}\n"
	/* The answers form's default button (Enter saves): off screen. */
	".default-submit{position:absolute;left:-10000px;width:1px;height:1px;"
	"overflow:hidden}\n"
	".evidence-add{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;"
	"margin:.3rem 0}\n"
	".evidence-add input{flex:1 1 14rem;min-width:0}\n"
	".evidence button{padding:.1rem .6rem;margin-left:.4rem}\n"
	".warn{border-left:4px solid #b26a00;background:#fff8e6}\n"
	/* a criterion reached by its #c-ID anchor is not glued to the top */
	"h3[id]{scroll-margin-top:1rem}\n"
	".check-criterion{border-top:1px dashed var(--line);padding:.4rem 0}\n"
	".check-criterion h3{display:inline;margin-right:.6rem}\n"
	".check-criterion dd{margin:0 0 .4rem 1rem}\n"
	".check-criterion dd.missing{color:var(--bad);font-weight:600}\n"
	"footer{color:var(--muted);font-size:.85rem;text-align:center;"
	"padding:2rem 1rem}\n"
	".scroll{overflow-x:auto}\n"
	"td:first-child{min-width:14rem}\n"
	/* the work queue: a narrow box column, then the school's name */
	"td.pick,th.pick{min-width:0;width:1%}\n"
	"table.queue td:nth-child(2){min-width:14rem}\n"
	".queue-nav{display:flex;flex-wrap:wrap;gap:.3rem 1rem;"
	"align-items:baseline;margin:.5rem 0}\n"
	".actions a{align-self:center}\n"
	"@media (max-width:40rem){body{font-size:15px}th,td{padding:.25rem}}\n"
	/* On a phone a wide table scrolls sideways in its .scroll box rather
	 * than squeezing each column to a word a line (the queue's rows
	 * were 211 px tall at 390 px, the search's "Trực thuộc" too). */
	"@media (max-width:40rem){.scroll>table{min-width:42rem}"
	":where(.scroll>table td:not(.pick)){min-width:7.5rem}}\n"
	"@media print{.top,footer,form,.actions,button{display:none}"
	"body{background:#fff}main{max-width:none;padding:0}"
	".card{border:0;padding:0}a{color:inherit;text-decoration:none}}\n",
	/* the statistics form and dashboard (page_stats*.c) */
	".indicator{padding:.6rem 0;border-top:1px solid var(--line);"
	"scroll-margin-top:1rem}\n"
	".indicator:first-of-type{border-top:0}\n"
	".indicator .q{display:block;font-weight:600;margin-bottom:.3rem}\n"
	".indicator .hint,.indicator .source{color:var(--muted);"
	"font-size:.9rem;margin:.2rem 0}\n"
	".indicator .source::before{content:\"\\2197  \"}\n"
	".warning,.warnings{background:#fff6e0;border:1px solid #e5c36b;"
	"padding:.4rem .6rem;border-radius:4px}\n"
	".rule-error,.indicator p.returned,main>p.returned{color:var(--bad);"
	"font-weight:600}\n"
	".confirmed{color:var(--muted)}\n"
	".name-row{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;"
	"margin:.2rem 0}\n"
	"input.reason{width:100%;margin-top:.3rem}\n"
	"table.stats th[scope=row]{font-weight:400;min-width:12rem}\n"
	"table.stats td .block,table.stats th .block{display:block;font-size:.8rem}\n"
	"@media (max-width:40rem){table.stats th[scope=row]{min-width:9rem}}\n",
	/* Export jobs (page_jobs.c): the progress bar and the start form. */
	"progress{width:min(100%,24rem);height:1.1rem;vertical-align:middle}\n"
	"table.jobs progress{width:8rem}\n"
	"form.job-start{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;"
	"margin:.5rem 0}\n",
	/* A SHA-256 wraps on a phone instead of widening the page. */
	".hash{overflow-wrap:anywhere;font-family:monospace}\n",
	/* Year over year and the improvement plan (issue 16). */
	"p.plan-prev{margin:.3rem 0;padding:.3rem .6rem;border-left:4px solid "
	"var(--accent);background:#eef4fb}\n"
	"#plan fieldset{margin:0 0 1rem;border:1px solid var(--line)}\n"
	"#plan ul{list-style:none;padding:0;margin:0}\n"
	"li.plan-item{padding:.4rem 0;border-bottom:1px solid var(--line)}\n"
	"li.plan-item input[type=checkbox]{display:inline-block;width:auto;"
	"margin:0 .4rem 0 0;vertical-align:middle}\n"
	"li.plan-item input[type=checkbox]+label{display:inline}\n"
	"label.plan-note{display:block;font-size:.85rem;color:var(--muted)}\n"
	"li.plan-item input[type=text]{width:100%}\n"
	"#years tr.group,table.years tr.group{font-weight:600}\n"
	"#years th:first-child,#years td:first-child{width:3.5rem;min-width:0;"
	"white-space:nowrap}\n"
	"#years th[scope=row]{min-width:13rem;font-weight:400}\n"
	"#years tr.group th[scope=row]{font-weight:600}\n"
	"#years td.num{white-space:nowrap}\n",
};

static char CSS_VERSION[17];
static pthread_once_t css_once = PTHREAD_ONCE_INIT;
/* The parts joined once, for the version hash and for sending; kept for
 * the life of the process. */
static char *CSS_ALL;
static size_t CSS_LEN;

static void
css_version_init(void)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof(CSS) / sizeof(*CSS); i++)
		n += strlen(CSS[i]);
	CSS_ALL = malloc(n + 1);
	if (CSS_ALL == NULL)
		abort(); /* at start-up, before any request is answered */
	for (size_t i = 0; i < sizeof(CSS) / sizeof(*CSS); i++) {
		size_t k = strlen(CSS[i]);
		memcpy(CSS_ALL + CSS_LEN, CSS[i], k);
		CSS_LEN += k;
	}
	CSS_ALL[CSS_LEN] = '\0';
	web_hash_version(CSS_ALL, CSS_LEN, CSS_VERSION);
}

const char *
web_css_version(void)
{
	pthread_once(&css_once, css_version_init);
	return CSS_VERSION;
}

void
page_static_css(struct req *r)
{
	const char *v = web_css_version(); /* joins the parts first */
	web_static_send(r, "text/css; charset=utf-8", CSS_ALL, CSS_LEN, v);
}

void
page_health(struct req *r)
{
	r->content_type = "text/plain; charset=utf-8";
	buf_puts(&r->body, "ok\n");
}
