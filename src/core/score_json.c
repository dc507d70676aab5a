#include "score_json.h"

json_t *
pts_json(pts_t v)
{
	if (v % PTS_ONE == 0)
		return json_integer(v / PTS_ONE);
	return json_real(pts_to_double(v));
}

static json_t *
level_json(const struct level_band *l)
{
	if (l == NULL)
		return json_null();
	return json_pack("{s:i, s:s?}", "level", l->level, "name", l->name);
}

static json_t *
item_json(const struct score *s, const struct item *it)
{
	const struct item_score *is = &s->items[it->idx];
	const struct answer *a = &s->answers->v[it->idx];
	json_t *o = json_pack("{s:s, s:s, s:b, s:o, s:o}", "id", it->id, "kind",
			      item_kind_name(it->kind), "answered",
			      is->answered, "max", pts_json(it->max), "points",
			      pts_json(is->points));
	if (o == NULL)
		return NULL;
	if (it->kind == ITEM_GATE)
		json_object_set_new(o, "met", json_boolean(is->gate_met));
	if (!it->verified)
		json_object_set_new(o, "verified", json_false());
	if (a->note != NULL)
		json_object_set_new(o, "note", json_string(a->note));
	return o;
}

static json_t *
criterion_json(const struct score *s, const struct criterion *c)
{
	const struct criterion_score *cs = &s->criteria[c->idx];
	json_t *items = json_array();
	for (size_t i = 0; items && i < c->nitems; i++)
		json_array_append_new(items, item_json(s, &c->items[i]));
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}", "id", c->id, "title",
			 c->title, "max", pts_json(c->max), "points",
			 pts_json(cs->points), "level", level_json(cs->level),
			 "items", items);
}

static json_t *
suggestion_json(const struct suggestion *sg)
{
	json_t *o = json_pack("{s:s, s:s, s:o, s:o}", "item", sg->item->id,
			      "criterion", sg->item->criterion->id, "gain",
			      pts_json(sg->gain), "step_gain",
			      pts_json(sg->step_gain));
	if (o != NULL && sg->item->kind == ITEM_BAND && sg->step_at > 0)
		json_object_set_new(o, "step_at", pts_json(sg->step_at));
	return o;
}

static json_t *
advice_json(const struct advice *ad)
{
	json_t *gates = json_array(), *sugg = json_array();
	for (size_t i = 0; gates && i < ad->ngates; i++)
		json_array_append_new(gates, json_string(ad->gates[i]->id));
	for (size_t i = 0; sugg && i < ad->n; i++)
		json_array_append_new(sugg, suggestion_json(&ad->v[i]));
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:b}", "next_level",
			 level_json(ad->next), "needed", pts_json(ad->needed),
			 "gates", gates, "suggestions", sugg, "available",
			 pts_json(ad->available), "reachable", ad->reachable);
}

static json_t *
group_json(const struct score *s, const struct group *g)
{
	const struct group_score *gs = &s->groups[g->idx];
	json_t *crit = json_array();
	for (size_t c = 0; crit && c < g->ncriteria; c++)
		json_array_append_new(crit, criterion_json(s, &g->criteria[c]));
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:b, s:o, s:o, s:o}", "id",
			 g->id, "title", g->title, "max", pts_json(g->max),
			 "points", pts_json(gs->points), "ungated_points",
			 pts_json(gs->ungated), "gates_met", gs->gates_met,
			 "level", level_json(gs->level), "criteria", crit,
			 "advice", advice_json(&gs->advice));
}

json_t *
score_to_json(const struct score *s)
{
	const struct rubric *r = s->rubric;
	json_t *groups = json_array(), *unanswered = json_array();
	for (size_t g = 0; groups && g < r->ngroups; g++)
		json_array_append_new(groups, group_json(s, &r->groups[g]));
	for (size_t i = 0; unanswered && i < r->nitems; i++)
		if (!s->items[i].answered)
			json_array_append_new(unanswered,
					      json_string(r->items[i]->id));
	json_t *grade = s->grade ? json_string(s->grade->name) : json_null();
	json_t *j = json_pack("{s:{s:s, s:i}, s:s?, s:s?, s:o, s:o, s:o, s:o, "
			      "s:o}",
			      "rubric", "id", r->id, "version", r->version,
			      "unit", s->answers->unit, "school_year",
			      s->answers->school_year, "groups", groups,
			      "total", pts_json(s->total), "total_max",
			      pts_json(r->total_max), "grade", grade,
			      "unanswered", unanswered);
	/* Groups rated each on its own have no combined total. */
	if (j && !rubric_has_total(r)) {
		json_object_del(j, "total");
		json_object_del(j, "total_max");
	}
	return j;
}
