/**
 * Hamstring Coach card: the progress charts (weekly history, exercise trends).
 *
 * Pure functions from a `hamstring_coach.get_progress` answer to HTML
 * strings, and `withProgress`, the card behaviour that fetches the data,
 * keeps what is selected and handles taps (mixed into the card class in
 * hamstring-coach-card.js). Inline SVG only: bars and lines are drawn in
 * a stretched SVG (strokes do not scale), text and markers are HTML so they
 * stay crisp on a phone and on a wall tablet. Colours are Home Assistant's
 * theme variables, so light and dark themes both read. Every chart has a
 * text alternative: an aria-label summary and a visually hidden table.
 * Texts come from hamstring-coach-i18n.js in the language `lang`; numbers
 * are written in `num`'s format (the profile's, default: `lang`'s).
 */

import { esc, formatNumber, localeOf, numberLocale, pluralKey, t, th, tn } from "./hamstring-coach-i18n.js";

export { esc };

const METRICS = ["estimated_1rm", "most_reps", "longest_hold"];

/** The metric's name ("estimated 1RM"); an unknown id as given. */
const metricName = (lang, metric) => (METRICS.includes(metric) ? t(lang, `metric.${metric}`) : String(metric ?? ""));

/** The unit as shown: "reps" translated, kg and lb as they are. */
const unitName = (lang, unit) => (unit === "reps" ? t(lang, "unit.reps") : String(unit ?? ""));

/** "16 Nov" for a YYYY-MM-DD week start (a local date: formatted in UTC). */
export function weekLabel(iso, lang = "en") {
  const [y, m, d] = String(iso).split("-").map(Number);
  if (!y || !m || !d) return String(iso ?? "");
  return new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function dayLabel(when, lang, tz) {
  const date = new Date(when);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short", timeZone: tz }).format(date);
}

const prettyDay = (lang, id) =>
  id ? String(id).replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()) : t(lang, "progress.session");

/** One week as a sentence, for screen readers and the hidden table. */
export function weekSummary(week, lang = "en", num = lang) {
  const state = t(lang, week.paused ? "week.paused" : week.met ? "week.met_both" : "week.not_met");
  return t(lang, week.current ? "week.summary_current" : "week.summary", {
    date: weekLabel(week.week_start, lang),
    sessions: formatNumber(num, week.hard_sessions),
    sessions_target: formatNumber(num, week.sessions_target),
    sets: formatNumber(num, week.working_sets),
    sets_target: formatNumber(num, week.sets_target),
    state,
  });
}

function bars(weeks, key, targetKey, height) {
  const n = weeks.length;
  const top = Math.max(1, ...weeks.map((w) => Math.max(w[key], w[targetKey]))) * 1.15;
  const col = 100 / n;
  const y = (v) => height - (v / top) * height;
  const rects = weeks
    .map((w, i) => {
      const v = w[key];
      const h = Math.max(v > 0 ? 1.5 : 0, height - y(v));
      const cls = w.paused ? "paused" : w.met ? "met" : "open";
      return `<rect class="hc-bar ${cls}${w.current ? " current" : ""}" x="${(i * col + col * 0.18).toFixed(2)}" y="${(height - h).toFixed(2)}" width="${(col * 0.64).toFixed(2)}" height="${h.toFixed(2)}" vector-effect="non-scaling-stroke"></rect>`;
    })
    .join("");
  // The target line: one segment per week, so a changed target would step.
  const target = weeks
    .map((w, i) =>
      w[targetKey] > 0
        ? `<line class="target" x1="${(i * col).toFixed(2)}" x2="${((i + 1) * col).toFixed(2)}" y1="${y(w[targetKey]).toFixed(2)}" y2="${y(w[targetKey]).toFixed(2)}" vector-effect="non-scaling-stroke"></line>`
        : "",
    )
    .join("");
  return `<svg class="bars" viewBox="0 0 100 ${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${rects}${target}</svg>`;
}

function valueRow(weeks, key, cls, num) {
  return `<div class="hc-cols ${cls}" aria-hidden="true">${weeks
    .map((w) => `<span class="${w.paused ? "paused" : w.met ? "met" : ""}">${w.paused ? "⏸" : esc(formatNumber(num, w[key]))}</span>`)
    .join("")}</div>`;
}

/**
 * The weekly history: sets and sessions bars against their target lines, a
 * tap target per week, the streak, and the sessions of the selected week.
 */
export function renderHistory(progress, { selected = null, lang = "en", tz = undefined, num = lang } = {}) {
  const weeks = progress?.weeks ?? [];
  if (!weeks.length) return "";
  const n = weeks.length;
  const streak = progress.streak ?? 0;
  const met = weeks.filter((w) => w.met).length;
  const summary = tn(lang, "history.summary", streak, { weeks: n, met });
  const f = (value) => esc(formatNumber(num, value));
  const sparse = n > 8 ? 2 : 1;
  const columns = weeks
    .map(
      (w, i) =>
        `<button class="hc-week${w.current ? " current" : ""}${w.week_start === selected ? " on" : ""}" data-action="hc-week" data-week="${esc(w.week_start)}" data-sessions="${esc(w.hard_sessions)}" data-sets="${esc(w.working_sets)}" data-met="${w.met}" data-paused="${w.paused}" aria-pressed="${w.week_start === selected}" aria-label="${esc(weekSummary(w, lang, num))}" style="grid-column:${i + 1}"></button>`,
    )
    .join("");
  const dates = weeks
    .map((w, i) => `<span class="${w.current ? "current" : ""}">${w.current ? th(lang, "history.now") : (n - 1 - i) % sparse === 0 ? esc(weekLabel(w.week_start, lang)) : ""}</span>`)
    .join("");
  const rows = weeks
    .map(
      (w) =>
        `<tr><th scope="row">${w.current ? th(lang, "history.this_week", { date: esc(weekLabel(w.week_start, lang)) }) : esc(weekLabel(w.week_start, lang))}</th><td>${f(w.hard_sessions)} / ${f(w.sessions_target)}</td><td>${f(w.working_sets)} / ${f(w.sets_target)}</td><td>${th(lang, w.paused ? "week.paused" : w.met ? "history.met" : "history.not_met")}</td></tr>`,
    )
    .join("");
  const chosen = weeks.find((w) => w.week_start === selected);
  return `
    <div class="section hc-history" style="--hc-n:${n}">
      <div class="label">${th(lang, pluralKey(lang, "history.title", n), { count: f(n) })}</div>
      <div class="hc-streak" aria-hidden="true"><ha-icon icon="mdi:fire"></ha-icon><span>${th(lang, pluralKey(lang, "streak", streak), { count: `<b class="hc-streak-count">${f(streak)}</b>` })} · ${th(lang, "history.on_target", { met: f(met), count: f(n) })}</span></div>
      <div class="hc-chart" role="group" aria-label="${esc(summary)}">
        <div class="hc-legend" aria-hidden="true"><span>${th(lang, "week.sets")}</span><span class="hc-key"><i class="met"></i>${th(lang, "legend.targets_met")} <i class="line"></i>${th(lang, "legend.target")}</span></div>
        <div class="hc-plot sets">${bars(weeks, "working_sets", "sets_target", 60)}</div>
        ${valueRow(weeks, "working_sets", "hc-values sets", num)}
        <div class="hc-legend" aria-hidden="true"><span>${th(lang, "legend.hard_sessions")}</span></div>
        <div class="hc-plot sessions">${bars(weeks, "hard_sessions", "sessions_target", 30)}</div>
        ${valueRow(weeks, "hard_sessions", "hc-values sessions", num)}
        <div class="hc-cols hc-dates" aria-hidden="true">${dates}</div>
        <div class="hc-cols hc-taps">${columns}</div>
      </div>
      <table class="sr-only hc-table"><caption>${esc(summary)}</caption><thead><tr><th scope="col">${th(lang, "table.week")}</th><th scope="col">${th(lang, "table.sessions")}</th><th scope="col">${th(lang, "table.sets")}</th><th scope="col">${th(lang, "table.result")}</th></tr></thead><tbody>${rows}</tbody></table>
      ${chosen ? weekDetail(chosen, lang, tz, num) : ""}
    </div>`;
}

function weekDetail(week, lang, tz, num) {
  const items = (week.sessions ?? [])
    .map((s) => {
      const sets = t(lang, pluralKey(lang, "detail.sets", s.working_sets), { count: formatNumber(num, s.working_sets) });
      return `<li class="hc-session"><span class="ex">${esc(dayLabel(s.performed_at, lang, tz))} · ${esc(prettyDay(lang, s.program_day))}</span><span class="dose">${esc(sets)}${s.hard ? "" : ` · ${th(lang, "detail.light")}`}</span></li>`;
    })
    .join("");
  return `
    <div class="hc-detail" role="region" aria-label="${esc(t(lang, "detail.label", { date: weekLabel(week.week_start, lang) }))}">
      <div class="hc-detail-head">${esc(weekSummary(week, lang, num))}</div>
      ${items ? `<ul class="hc-sessions">${items}</ul>` : `<div class="small">${th(lang, week.paused ? "detail.none_paused" : "detail.none")}</div>`}
    </div>`;
}

/** A value with its unit: "52.5 kg", "8 reps" (in `lang`, numbers in `num`'s format). */
const withUnit = (lang, num, value, unit) => `${formatNumber(num, value)} ${unitName(lang, unit)}`.trimEnd();

/** The trend's sentence: metric, range of values, best and records. */
export function trendSummary(trend, lang = "en", num = lang) {
  const points = trend.points ?? [];
  if (!points.length) return t(lang, "trend.empty_summary", { name: trend.name });
  const best = points.reduce((a, p) => (p.value > a.value ? p : a), points[0]);
  const records = points.filter((p) => p.record).length;
  const value = (v) => withUnit(lang, num, v, trend.unit);
  return t(lang, "trend.summary", {
    name: trend.name,
    metric: metricName(lang, trend.metric),
    sessions: t(lang, pluralKey(lang, "count.sessions", points.length), { count: formatNumber(num, points.length) }),
    first: value(points[0].value),
    last: value(points[points.length - 1].value),
    best: value(best.value),
    date: dayLabel(best.performed_at, lang),
    records: t(lang, pluralKey(lang, "count.records", records), { count: formatNumber(num, records) }),
  });
}

/** A line chart of one exercise's trend with its record points marked. */
export function renderTrend(trend, { lang = "en", tz = undefined, pinned = false, num = lang } = {}) {
  if (!trend) return "";
  const points = trend.points ?? [];
  const unit = unitName(lang, trend.unit);
  const metric = metricName(lang, trend.metric);
  const name = trend.name && trend.name !== trend.exercise ? trend.name : prettyDay(lang, trend.exercise);
  const title = trend.metric
    ? `${esc(name)} <span class="small">${esc(metric)} (${esc(unit)})</span>`
    : esc(name);
  const head = `<div class="hc-trend-head"><span class="hc-trend-name">${title}</span>${pinned ? "" : `<button class="hc-close" data-action="hc-trend-close" aria-label="${th(lang, "trend.close")}">×</button>`}</div>`;
  if (!points.length) {
    return `<div class="hc-trend" data-exercise="${esc(trend.exercise)}">${head}<div class="small">${th(lang, "trend.empty")}</div></div>`;
  }
  const values = points.map((p) => p.value);
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high === low) [low, high] = [low - 1, high + 1];
  const pad = (high - low) * 0.12;
  low -= pad;
  high += pad;
  const x = (i) => (points.length === 1 ? 50 : 4 + (i / (points.length - 1)) * 92);
  const y = (v) => 100 - ((v - low) / (high - low)) * 100;
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(2)} ${y(p.value).toFixed(2)}`).join(" ");
  const dots = points
    .map((p, i) => {
      const what = t(lang, p.record ? "trend.point_record" : "trend.point", {
        date: dayLabel(p.performed_at, lang, tz),
        value: withUnit(lang, num, p.value, trend.unit),
      });
      return `<span class="hc-point${p.record ? " record" : ""}" data-value="${esc(p.value)}" data-record="${p.record}" title="${esc(what)}" style="left:${x(i).toFixed(2)}%;top:${y(p.value).toFixed(2)}%"></span>`;
    })
    .join("");
  const rows = points
    .map((p) => `<tr><th scope="row">${esc(dayLabel(p.performed_at, lang, tz))}</th><td>${esc(withUnit(lang, num, p.value, trend.unit))}</td><td>${p.record ? th(lang, "trend.record") : ""}</td></tr>`)
    .join("");
  const summary = trendSummary(trend, lang, num);
  const first = points[0];
  const last = points[points.length - 1];
  return `
    <div class="hc-trend" data-exercise="${esc(trend.exercise)}">
      ${head}
      <div class="hc-line" role="img" aria-label="${esc(summary)}">
        <div class="hc-axis" aria-hidden="true"><span>${esc(formatNumber(num, Math.round(high * 10) / 10))}</span><span>${esc(formatNumber(num, Math.round(low * 10) / 10))}</span></div>
        <div class="hc-line-plot" aria-hidden="true">
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false"><path d="${path}" vector-effect="non-scaling-stroke"></path></svg>
          ${dots}
        </div>
      </div>
      <div class="hc-line-foot" aria-hidden="true"><span>${esc(dayLabel(first.performed_at, lang, tz))}</span><span class="hc-key"><i class="record"></i>${th(lang, "trend.record")}</span><span>${esc(dayLabel(last.performed_at, lang, tz))}</span></div>
      <table class="sr-only hc-table"><caption>${esc(summary)}</caption><thead><tr><th scope="col">${th(lang, "table.session")}</th><th scope="col">${esc(metric)}</th><th scope="col">${th(lang, "table.record")}</th></tr></thead><tbody>${rows}</tbody></table>
    </div>`;
}

const DOMAIN = "hamstring_coach";

/** The time zone the user asked the frontend to use (server's or browser's). */
function zone(hass) {
  if (hass?.locale?.time_zone === "server" && hass.config?.time_zone) return hass.config.time_zone;
  return undefined;
}

/**
 * The card's progress behaviour: fetch `get_progress` when the coach's
 * entities change (no polling), keep the selected week and exercise, and
 * render the sections. The card supplies `_hass`, `_config`, `_model()`,
 * `_entryId()` and `_render(force)`, sets `_progress` and sends its
 * shadow root's key presses to `_onProgressKey`.
 */
export const withProgress = (Base) =>
  class extends Base {
    _progressKey(m) {
      const st = (key) => this._hass.states[m.ids[key]]?.last_updated;
      return JSON.stringify([
        m.entityId,
        this._config.weeks ?? 12,
        this._config.config_entry_id ?? null,
        st("weekly_sessions"),
        st("weekly_sets"),
        st("streak"),
        m.status.last_updated,
        new Date().toDateString(), // a new week starts at a midnight
      ]);
    }

    /** Ask `get_progress` again when the coach's data changed (no polling). */
    _maybeLoadProgress(m) {
      if (!this._hass.services?.[DOMAIN]?.get_progress || typeof this._hass.callWS !== "function") return;
      const key = this._progressKey(m);
      if (key === this._progress.key) return;
      this._progress.key = key;
      this._loadProgress(key);
    }

    async _loadProgress(key) {
      try {
        const entryId = await this._entryId();
        const data = { weeks: Number(this._config.weeks ?? 12) };
        if (entryId) data.config_entry_id = entryId;
        const result = await this._hass.callWS({
          type: "call_service",
          domain: DOMAIN,
          service: "get_progress",
          service_data: data,
          return_response: true,
        });
        if (key !== this._progress.key) return; // a newer request is on its way
        this._progress = { ...this._progress, data: result?.response ?? null, error: "" };
      } catch (err) {
        if (key !== this._progress.key) return;
        this._progress = { ...this._progress, error: err?.message || String(err) };
      }
      this._render(true);
    }

    _onProgressAction(action, el) {
      const p = this._progress;
      if (action === "hc-week") {
        const week = el.dataset.week;
        this._progress = { ...p, week: p.week === week ? null : week };
      } else if (action === "hc-trend") {
        const exercise = el.dataset.exercise;
        this._progress = { ...p, exercise: p.exercise === exercise ? null : exercise };
      } else if (action === "hc-trend-close") {
        this._progress = { ...p, exercise: null };
      }
      this._render(true);
      const focus = action === "hc-week" ? `[data-week="${CSS.escape(el.dataset.week)}"]` : action === "hc-trend" ? `li[data-exercise="${CSS.escape(el.dataset.exercise)}"]` : null;
      if (focus) this.shadowRoot.querySelector(focus)?.focus();
    }

    _onProgressKey(ev) {
      const el = ev.composedPath()[0];
      if (!(el instanceof HTMLElement) || el.localName !== "li" || el.dataset?.action !== "hc-trend") return;
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      this._onProgressAction("hc-trend", el);
    }

    _lang() {
      return localeOf(this._hass);
    }

    _history() {
      const { data, error, week } = this._progress;
      if (error) return `<div class="section small hc-history-error">${esc(t(this._hass, "error.progress", { error }))}</div>`;
      return renderHistory(data, { selected: week, lang: this._lang(), tz: zone(this._hass), num: numberLocale(this._hass) });
    }

    _trendOf(exercise) {
      const data = this._progress.data;
      if (!data) return null;
      const found = (data.exercises ?? []).find((t) => t.exercise === exercise);
      if (found) return found;
      const item = (this._hass.states[this._model().ids.next_workout]?.attributes?.exercises ?? []).find(
        (e) => e.exercise === exercise,
      );
      return { exercise, name: item?.name ?? exercise, metric: "", unit: "", points: [] };
    }

    _pinnedTrend() {
      const exercise = this._config.exercise;
      if (!exercise || !this._progress.data) return "";
      return `<div class="section hc-pinned"><div class="label">${th(this._hass, "progress.trend")}</div>${renderTrend(this._trendOf(exercise), {
        lang: this._lang(),
        tz: zone(this._hass),
        num: numberLocale(this._hass),
        pinned: true,
      })}</div>`;
    }

    _selectedTrend() {
      const exercise = this._progress.exercise;
      if (!exercise || !this._progress.data) return "";
      return `<div class="section hc-selected">${renderTrend(this._trendOf(exercise), {
        lang: this._lang(),
        tz: zone(this._hass),
        num: numberLocale(this._hass),
      })}</div>`;
    }

    _trendClass(item) {
      if (!this._hass.services?.[DOMAIN]?.get_progress) return "";
      return ` hc-tappable${this._progress.exercise === item.exercise ? " hc-on" : ""}`;
    }

    _trendAttrs(item) {
      if (!this._hass.services?.[DOMAIN]?.get_progress) return "";
      const on = this._progress.exercise === item.exercise;
      return `data-action="hc-trend" data-exercise="${esc(item.exercise)}" role="button" tabindex="0" aria-expanded="${on}" aria-label="${esc(t(this._hass, on ? "trend.hide" : "trend.show", { exercise: item.name ?? item.exercise }))}"`;
    }
  };

export const PROGRESS_STYLE = `
  .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
  .hc-history { display: flex; flex-direction: column; gap: 6px; }
  .hc-streak { display: flex; align-items: center; gap: 6px; color: var(--primary-text-color); font-size: 0.95rem; }
  .hc-streak ha-icon { color: var(--warning-color, #ffa600); --mdc-icon-size: 20px; }
  .hc-streak b { font-size: 1.15rem; font-variant-numeric: tabular-nums; }
  .hc-chart { position: relative; display: grid; gap: 2px; }
  .hc-legend { display: flex; justify-content: space-between; gap: 8px; font-size: 0.8rem; color: var(--secondary-text-color); margin-top: 4px; }
  .hc-key { display: inline-flex; align-items: center; gap: 4px; flex-wrap: wrap; }
  .hc-key i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-left: 6px; }
  .hc-key i.met { background: var(--success-color, #43a047); }
  .hc-key i.line { height: 0; border-top: 2px dashed var(--primary-text-color); border-radius: 0; }
  .hc-key i.record { border-radius: 50%; background: var(--warning-color, #ffa600); border: 2px solid var(--card-background-color, #fff); box-shadow: 0 0 0 1px var(--warning-color, #ffa600); }
  .hc-plot { height: 64px; }
  .hc-plot.sessions { height: 34px; }
  .hc-plot svg { width: 100%; height: 100%; display: block; overflow: visible; }
  .hc-plot .hc-bar { fill: color-mix(in srgb, var(--primary-color, #03a9f4) 55%, transparent); }
  .hc-plot .hc-bar.met { fill: var(--success-color, #43a047); }
  .hc-plot .hc-bar.paused { fill: var(--disabled-text-color, #9e9e9e); opacity: .5; }
  .hc-plot .hc-bar.current { stroke: var(--primary-text-color); stroke-width: 1.5; }
  .hc-plot .target { stroke: var(--primary-text-color); stroke-width: 1.5; stroke-dasharray: 4 3; opacity: .8; }
  .hc-cols { display: grid; grid-template-columns: repeat(var(--hc-n), minmax(0, 1fr)); text-align: center; font-size: 0.72rem; font-variant-numeric: tabular-nums; color: var(--secondary-text-color); }
  .hc-cols span { min-width: 0; overflow: hidden; white-space: nowrap; }
  .hc-dates span { overflow: visible; }
  .hc-values span.met { color: var(--success-color, #43a047); font-weight: 600; }
  .hc-dates span.current { color: var(--primary-color, #03a9f4); font-weight: 600; }
  .hc-taps { position: absolute; inset: 0; grid-template-rows: 1fr; }
  .hc-week { all: unset; cursor: pointer; border-radius: 6px; grid-row: 1; }
  .hc-week.current { background: color-mix(in srgb, var(--primary-color, #03a9f4) 9%, transparent); }
  .hc-week:hover, .hc-week.on { background: color-mix(in srgb, var(--primary-text-color) 10%, transparent); }
  .hc-week:focus-visible { outline: 2px solid var(--primary-color); outline-offset: -2px; }
  .hc-detail { background: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent); border-radius: 12px; padding: 10px 12px; }
  .hc-detail-head { color: var(--primary-text-color); font-size: 0.9rem; }
  .hc-sessions li { grid-template-columns: 1fr auto; }
  li.exercise.hc-tappable { cursor: pointer; }
  li.exercise.hc-tappable:hover .ex, li.exercise.hc-on .ex { color: var(--primary-color, #03a9f4); }
  .hc-trend { display: flex; flex-direction: column; gap: 6px; padding-top: 6px; }
  .hc-trend-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  .hc-trend-name { font-weight: 500; color: var(--primary-text-color); }
  .hc-close { min-height: 32px; padding: 2px 12px; font-size: 1.1rem; }
  .hc-line { display: grid; grid-template-columns: auto 1fr; gap: 6px; height: 120px; }
  .hc-axis { display: flex; flex-direction: column; justify-content: space-between; font-size: 0.72rem; color: var(--secondary-text-color); font-variant-numeric: tabular-nums; }
  .hc-line-plot { position: relative; border-left: 1px solid var(--divider-color, rgba(127,127,127,.4)); border-bottom: 1px solid var(--divider-color, rgba(127,127,127,.4)); }
  .hc-line-plot svg { position: absolute; inset: 0; width: 100%; height: 100%; }
  .hc-line-plot path { fill: none; stroke: var(--primary-color, #03a9f4); stroke-width: 2.5; stroke-linejoin: round; }
  .hc-point { position: absolute; width: 8px; height: 8px; margin: -4px 0 0 -4px; border-radius: 50%; background: var(--primary-color, #03a9f4); }
  .hc-point.record { width: 12px; height: 12px; margin: -6px 0 0 -6px; background: var(--warning-color, #ffa600); border: 2px solid var(--card-background-color, #fff); box-sizing: border-box; box-shadow: 0 0 0 1px var(--warning-color, #ffa600); }
  .hc-line-foot { display: flex; justify-content: space-between; gap: 8px; font-size: 0.72rem; color: var(--secondary-text-color); }
  @media (min-width: 700px) {
    .hc-plot { height: 90px; }
    .hc-plot.sessions { height: 44px; }
    .hc-line { height: 160px; }
  }
`;
