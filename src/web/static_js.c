/* The little JavaScript the pages use, compiled in and served from our own
 * origin (the CSP forbids inline script). Without it every page still
 * works: forms post and the server answers with a full page. */
#include <pthread.h>

#include "web.h"

static const char JS[] =
	"'use strict';\n"
	"(function () {\n"
	"  var form = document.getElementById('answers');\n"
	"  if (!form) return;\n"
	"  var note = document.getElementById('autosave');\n"
	"  var timer = null, dirty = false, busy = false;\n"
	"  function body(extra) {\n"
	"    var p = new URLSearchParams(new FormData(form));\n"
	"    if (extra) p.append(extra, '1');\n"
	"    return p;\n"
	"  }\n"
	"  /* The server scores the unsaved answers with the same code as\n"
	"     every report and returns the panel's markup. */\n"
	"  function preview() {\n"
	"    fetch(form.dataset.preview, { method: 'POST', body: body(),\n"
	"      credentials: 'same-origin' }).then(function (r) {\n"
	"      return r.text();\n"
	"    }).then(function (html) {\n"
	"      var panel = document.getElementById('score');\n"
	"      var box = document.createElement('div');\n"
	"      box.innerHTML = html;\n"
	"      var fresh = box.querySelector('#score');\n"
	"      var errs = box.querySelectorAll('.errors');\n"
	"      if (fresh && panel) panel.replaceWith(fresh);\n"
	"      if (note) note.textContent = errs.length ? errs[0].textContent : '';\n"
	"    }).catch(function () {});\n"
	"  }\n"
	"  /* Drafts are saved every 15 s while something changed, so a\n"
	"     lost connection or a closed tab loses little. */\n"
	"  function autosave() {\n"
	"    if (!dirty || busy) return;\n"
	"    busy = true; dirty = false;\n"
	"    fetch(form.action, { method: 'POST', body: body('_ajax'),\n"
	"      credentials: 'same-origin' }).then(function (r) {\n"
	"      if (!r.ok) dirty = true;\n"
	"      return r.text();\n"
	"    }).then(function (t) { if (note) note.textContent = t; })\n"
	"    .catch(function () { dirty = true;\n"
	"      if (note) note.textContent = 'Mất kết nối: chưa lưu được, sẽ thử lại.'; })\n"
	"    .then(function () { busy = false; });\n"
	"  }\n"
	"  form.addEventListener('input', function () {\n"
	"    dirty = true;\n"
	"    clearTimeout(timer);\n"
	"    timer = setTimeout(preview, 400);\n"
	"  });\n"
	"  form.addEventListener('submit', function () { dirty = false; });\n"
	"  /* Attaching evidence leaves the page: save the answers first. */\n"
	"  document.querySelectorAll('form[id^=\"ev-\"]').forEach(function (f) {\n"
	"    f.addEventListener('submit', function (e) {\n"
	"      if (!dirty) return;\n"
	"      e.preventDefault(); dirty = false;\n"
	"      fetch(form.action, { method: 'POST', body: body('_ajax'),\n"
	"        credentials: 'same-origin' }).then(function () { f.submit(); });\n"
	"    });\n"
	"  });\n"
	"  setInterval(autosave, 15000);\n"
	"  window.addEventListener('beforeunload', function (e) {\n"
	"    if (dirty) { e.preventDefault(); e.returnValue = ''; }\n"
	"  });\n"
	"})();\n";

static char JS_VERSION[17];
static pthread_once_t js_once = PTHREAD_ONCE_INIT;

static void
js_version_init(void)
{
	web_hash_version(JS, sizeof(JS) - 1, JS_VERSION);
}

const char *
web_js_version(void)
{
	pthread_once(&js_once, js_version_init);
	return JS_VERSION;
}

void
page_static_js(struct req *r)
{
	web_static_send(r, "text/javascript; charset=utf-8", JS, sizeof(JS) - 1,
			web_js_version());
}
