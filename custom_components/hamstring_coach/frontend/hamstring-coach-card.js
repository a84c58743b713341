/**
 * Hamstring Coach card: status, next session, weekly progress, streak, the
 * next workout and one-tap logging for one Hamstring Coach entry.
 *
 * Plain modern JavaScript, one ES module, no build step: this file is the
 * source and what Home Assistant serves (custom_components/hamstring_coach/card.py).
 *
 *   type: custom:hamstring-coach-card
 *   entity: sensor.hamstring_coach_training_status   # required
 *   title: Hamstring Coach                            # optional
 *   config_entry_id: 0123abcd...                      # optional, looked up otherwise
 *   weeks: 12                                         # optional, weeks of history (1-52)
 *   exercise: romanian_deadlift                       # optional, pin this exercise's trend
 *
 * The progress charts live in hamstring-coach-progress.js, the card's texts in
 * five languages in hamstring-coach-i18n.js (both served next to this file).
 */

import { PROGRESS_STYLE, withProgress } from "./hamstring-coach-progress.js";
import { esc, formatNumber, localeOf, pluralKey, t, th } from "./hamstring-coach-i18n.js";

const DOMAIN = "hamstring_coach";
const CARD_TAG = "hamstring-coach-card";
const EDITOR_TAG = "hamstring-coach-card-editor";
const VERSION = "0.1.0";
const SIBLINGS = [
  "next_session",
  "weekly_sessions",
  "weekly_sets",
  "streak",
  "next_workout",
];

// Status -> colour variable and icon; the label is the sensor's translated
// state, else the card's own text (status.<state>).
const STATUS = {
  ready: { color: "var(--success-color, #43a047)", icon: "mdi:check-circle" },
  due: { color: "var(--primary-color, #03a9f4)", icon: "mdi:dumbbell" },
  resting: { color: "var(--info-color, #039be5)", icon: "mdi:sleep" },
  behind: { color: "var(--warning-color, #ffa600)", icon: "mdi:alert" },
  recovering: { color: "var(--error-color, #db4437)", icon: "mdi:bandage" },
  paused: { color: "var(--disabled-text-color, #9e9e9e)", icon: "mdi:pause-circle" },
};

const CHANGE = {
  increase: { icon: "mdi:arrow-up-bold", color: "var(--success-color, #43a047)" },
  step_back: { icon: "mdi:arrow-down-bold", color: "var(--warning-color, #ffa600)" },
  hold: { icon: "mdi:equal", color: "var(--secondary-text-color, #727272)" },
  start: { icon: "mdi:flag-variant", color: "var(--primary-color, #03a9f4)" },
};

const num = (value) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** The time zone the user asked the frontend to use (server's or browser's). */
function timeZone(hass) {
  if (hass?.locale?.time_zone === "server" && hass.config?.time_zone) {
    return hass.config.time_zone;
  }
  return undefined;
}

function dayKey(date, tz) {
  // en-CA formats as YYYY-MM-DD; Date.UTC of it counts whole calendar days.
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", {
    timeZone: tz,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(date)
    .split("-")
    .map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

/**
 * "in 25 min", "today 18:00", "tomorrow 18:00", "Thu 18:00 (in 3 days)",
 * "yesterday 18:00", "2 days ago" in English; the words come from the text
 * table of `lang` ("morgen um 18:00"), weekdays and times from Intl.
 * Exported for tests.
 */
export function relativeTime(when, now = new Date(), lang = "en", tz = undefined, hour12 = undefined) {
  const date = when instanceof Date ? when : new Date(when);
  if (Number.isNaN(date.getTime())) return "";
  const time = new Intl.DateTimeFormat(lang, {
    timeZone: tz,
    hour: "numeric",
    minute: "2-digit",
    hour12,
  }).format(date);
  const minutes = Math.round((date - now) / 60000);
  if (Math.abs(minutes) < 1) return t(lang, "rel.now");
  if (minutes > 0 && minutes < 60) return t(lang, "rel.in_minutes", { count: minutes });
  if (minutes < 0 && minutes > -60) return t(lang, "rel.minutes_ago", { count: -minutes });
  const days = dayKey(date, tz) - dayKey(now, tz);
  if (days === 0) return t(lang, "rel.today", { time });
  if (days === 1) return t(lang, "rel.tomorrow", { time });
  if (days === -1) return t(lang, "rel.yesterday", { time });
  if (days < 0) return t(lang, "rel.days_ago", { count: -days });
  const weekday = new Intl.DateTimeFormat(lang, { timeZone: tz, weekday: "short" }).format(date);
  if (days < 7) return t(lang, "rel.this_week", { weekday, time, count: days });
  const day = new Intl.DateTimeFormat(lang, {
    timeZone: tz,
    weekday: "short",
    day: "numeric",
    month: "short",
  }).format(date);
  return t(lang, "rel.later", { date: day, time });
}

/** "<b>3</b> weeks streak": the count's markup inside the translated text. */
function streakHtml(hass, streak, countHtml) {
  return th(hass, pluralKey(hass, "streak", streak), { count: countHtml });
}

/** 12/24-hour clock as chosen in the user's profile (undefined: the language's). */
function hour12(hass) {
  const format = hass?.locale?.time_format;
  return format === "12" ? true : format === "24" ? false : undefined;
}

function isToday(when, tz) {
  const date = new Date(when);
  return !Number.isNaN(date.getTime()) && dayKey(date, tz) === dayKey(new Date(), tz);
}

/** Every training_status sensor of this integration, as [entity_id, label]. */
function statusEntities(hass) {
  if (!hass?.states) return [];
  return Object.keys(hass.states)
    .filter((id) => {
      const reg = hass.entities?.[id];
      if (reg?.platform) {
        return reg.platform === DOMAIN && (reg.translation_key ?? "training_status") === "training_status" && id.startsWith("sensor.");
      }
      return id.startsWith("sensor.") && id.endsWith("_training_status");
    })
    .sort()
    .map((id) => [id, entryTitle(hass, id)]);
}

function entryTitle(hass, entityId) {
  const reg = hass?.entities?.[entityId];
  const device = reg?.device_id ? hass.devices?.[reg.device_id] : undefined;
  if (device) return device.name_by_user || device.name || entityId;
  const name = hass?.states?.[entityId]?.attributes?.friendly_name;
  return name ? name.replace(/\s*Training status$/i, "") || name : entityId;
}

/** The sibling entity ids of a training_status sensor: same device, else same prefix. */
function siblingIds(hass, entityId) {
  const out = {};
  const reg = hass.entities?.[entityId];
  if (reg?.device_id) {
    for (const [id, other] of Object.entries(hass.entities)) {
      if (other.device_id === reg.device_id && other.platform === DOMAIN && SIBLINGS.includes(other.translation_key)) {
        out[other.translation_key] = id;
      }
    }
  }
  const prefix = entityId.replace(/_training_status$/, "");
  for (const key of SIBLINGS) out[key] ??= `${prefix}_${key}`;
  return out;
}

/** A selector that finds an element again after a redraw (its id or action). */
function focusKey(el) {
  if (!el || el === el.getRootNode?.()?.host) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  return el.dataset?.action ? `[data-action="${CSS.escape(el.dataset.action)}"]` : null;
}

/** Holds in seconds; whole-minute blocks (warm-ups, activation) in minutes. */
function secondsText(lang, seconds) {
  return seconds >= 120 && seconds % 60 === 0
    ? t(lang, "dose.minutes", { count: seconds / 60 })
    : t(lang, "dose.seconds", { count: seconds });
}

/** "3 × 8 / leg @ 52.5 kg": sets, reps or a hold, per leg, load; numbers in `lang`'s format. */
function doseText(item, lang) {
  const n = (value) => formatNumber(lang, num(value) ?? value);
  let dose = "";
  if (item.reps != null) dose = n(item.reps);
  else if (item.seconds != null) dose = secondsText(lang, item.seconds);
  let text = `${n(item.sets)} × ${dose}`;
  if (item.per_leg) text = t(lang, "dose.per_leg", { dose: text });
  if (item.load != null) text += ` @ ${n(item.load)} ${item.unit ?? ""}`.trimEnd();
  return text;
}

// --- the workout logger: what was actually done --------------------------------

/** One logger row per exercise of the workout, prefilled with today's dose. */
export function loggerItems(exercises) {
  return (exercises ?? []).map((e) => {
    const held = e.reps == null && e.seconds != null;
    const plan = { sets: e.sets, amount: held ? e.seconds : e.reps, load: e.load ?? null };
    return {
      exercise: e.exercise,
      name: e.name ?? e.exercise,
      held,
      perLeg: Boolean(e.per_leg),
      loadable: Boolean(e.loadable) || e.load != null,
      unit: e.unit ?? null,
      plan,
      sets: plan.sets,
      amount: plan.amount,
      load: plan.load,
      skipped: false,
    };
  });
}

/** The step of the amount: one rep, or five seconds of a hold. */
const amountStep = (item) => (item.held ? 5 : 1);
const loadStep = (item) => (item.unit === "lb" ? 5 : 2.5);

/** "planned", "missed" (one step short on every set), "skipped" or "custom". */
export function outcome(item) {
  if (item.skipped) return "skipped";
  const same = (a, b) => (a === "" || a == null ? null : Number(a)) === (b == null ? null : Number(b));
  if (!same(item.sets, item.plan.sets) || !same(item.load, item.plan.load)) return "custom";
  if (same(item.amount, item.plan.amount)) return "planned";
  const short = Math.max(1, Number(item.plan.amount) - amountStep(item));
  return same(item.amount, short) ? "missed" : "custom";
}

/** One of the shortcuts applied to a row. */
export function applyOutcome(item, which) {
  const plan = item.plan;
  if (which === "skipped") return { ...item, skipped: true };
  const amount = which === "missed" ? Math.max(1, Number(plan.amount) - amountStep(item)) : plan.amount;
  return { ...item, skipped: false, sets: plan.sets, amount, load: plan.load };
}

const asNumber = (value) => (value === "" || value == null ? 0 : Number(value));

/**
 * The `log_session` data for what the rows say: the day shown (so a workout
 * logged elsewhere meanwhile cannot swap it), and unless everything went as
 * planned (today's doses, as the action fills them in) every exercise that
 * was done, with the numbers as entered (the action checks them and answers
 * with a translated error).
 */
export function logPayload(items, day, extras = {}) {
  const data = {};
  for (const [key, value] of Object.entries(extras)) if (value != null) data[key] = value;
  if (day) data.program_day = day;
  if (items.every((item) => outcome(item) === "planned")) return data;
  data.exercises = items
    .filter((item) => !item.skipped)
    .map((item) => {
      const out = { exercise: item.exercise, sets: asNumber(item.sets) };
      out[item.held ? "seconds" : "reps"] = asNumber(item.amount);
      if (item.loadable && item.load !== "" && item.load != null) {
        out.load = Number(item.load);
        if (item.unit) out.unit = item.unit;
      }
      return out;
    });
  return data;
}

/** "Sam's Day 1 Strength", or just the day for an unnamed coach. */
function whose(lang, person, dayName) {
  if (!person || person === "Hamstring Coach") return dayName;
  return t(lang, "whose", { person, workout: dayName });
}

const OUTCOMES = [
  ["planned", (lang) => t(lang, "outcome.planned")],
  ["missed", (lang, item) =>
    item.held ? t(lang, "outcome.missed_seconds", { count: amountStep(item) }) : t(lang, "outcome.missed_rep")],
  ["skipped", (lang) => t(lang, "outcome.skipped")],
];

const STYLE = `
  :host { display: block; }
  ha-card { padding: 16px; display: flex; flex-direction: column; gap: 14px; overflow: hidden; }
  .header { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
  .title { font-size: 1.25rem; font-weight: 500; color: var(--primary-text-color); line-height: 1.3; }
  .chip { display: inline-flex; align-items: center; gap: 6px; padding: 4px 12px 4px 8px; border-radius: 16px;
    font-weight: 500; font-size: 0.95rem; color: var(--hc-status); white-space: nowrap;
    background: color-mix(in srgb, var(--hc-status) 16%, transparent); }
  .chip ha-icon { --mdc-icon-size: 18px; }
  .reason { margin-top: -6px; color: var(--secondary-text-color); font-size: 0.95rem; line-height: 1.4;
    border-left: 3px solid var(--hc-status); padding-left: 10px; }
  .section { border-top: 1px solid var(--divider-color, rgba(127,127,127,.25)); padding-top: 12px; }
  .label { color: var(--secondary-text-color); font-size: 0.8rem; text-transform: uppercase; letter-spacing: .06em; margin-bottom: 6px; }
  .next { display: flex; align-items: center; gap: 12px; }
  .today-rest { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; color: var(--secondary-text-color); }
  .today-rest ha-icon { --mdc-icon-size: 20px; }
  .next ha-icon { color: var(--primary-color); }
  .next .when { font-size: 1.1rem; font-weight: 500; color: var(--primary-text-color); }
  .next .what { color: var(--secondary-text-color); font-size: 0.9rem; }
  .tag { display: inline-block; font-size: 0.75rem; padding: 1px 8px; border-radius: 10px; margin-left: 6px;
    background: color-mix(in srgb, var(--warning-color, #ffa600) 20%, transparent); color: var(--primary-text-color); }
  .week { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px 20px; align-items: end; }
  .bar-head { display: flex; justify-content: space-between; font-size: 0.9rem; color: var(--primary-text-color); margin-bottom: 4px; }
  .bar-head .count { font-weight: 600; font-variant-numeric: tabular-nums; }
  .bar { height: 8px; border-radius: 4px; background: color-mix(in srgb, var(--primary-color, #03a9f4) 18%, transparent); overflow: hidden; }
  .bar > div { height: 100%; border-radius: 4px; background: var(--primary-color, #03a9f4); transition: width .4s; }
  .bar.met > div { background: var(--success-color, #43a047); }
  .streak { display: flex; align-items: center; gap: 8px; color: var(--primary-text-color); font-size: 0.95rem; }
  .streak ha-icon { color: var(--warning-color, #ffa600); }
  .streak b { font-size: 1.2rem; font-variant-numeric: tabular-nums; }
  .workout-name { font-weight: 500; color: var(--primary-text-color); }
  ul { list-style: none; margin: 8px 0 0; padding: 0; }
  li { display: grid; grid-template-columns: 1fr auto; gap: 2px 12px; padding: 8px 0; border-bottom: 1px solid var(--divider-color, rgba(127,127,127,.2)); }
  li:last-child { border-bottom: none; }
  li .ex { color: var(--primary-text-color); font-weight: 500; min-width: 0; overflow-wrap: anywhere; }
  li .dose { color: var(--primary-text-color); font-variant-numeric: tabular-nums; text-align: right; white-space: nowrap; }
  li .note { grid-column: 1 / -1; display: flex; align-items: flex-start; gap: 4px; color: var(--secondary-text-color); font-size: 0.85rem; }
  li .note ha-icon { --mdc-icon-size: 16px; flex: none; }
  li.warmup .ex, li.warmup .dose { color: var(--secondary-text-color); font-weight: 400; }
  .small { font-size: 0.75rem; color: var(--secondary-text-color); font-weight: 400; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  button { font: inherit; font-weight: 500; font-size: 0.95rem; border-radius: 20px; padding: 8px 16px; cursor: pointer; min-height: 44px; min-width: 44px;
    border: 1px solid var(--divider-color, rgba(127,127,127,.4)); background: transparent; color: var(--primary-color, #03a9f4); }
  button.primary { background: var(--primary-color, #03a9f4); color: var(--text-primary-color, #fff); border-color: transparent; }
  button:disabled { opacity: .5; cursor: default; }
  button:focus-visible { outline: 2px solid var(--primary-color); outline-offset: 2px; }
  .actions button { flex: 1 1 auto; }
  .panel { background: color-mix(in srgb, var(--primary-color, #03a9f4) 8%, transparent); border-radius: 12px; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
  .panel .question { color: var(--primary-text-color); }
  .levels { display: grid; grid-template-columns: repeat(auto-fill, minmax(44px, 1fr)); gap: 4px; }
  .levels button { padding: 6px 0; min-height: 44px; min-width: 0; border-radius: 8px; font-variant-numeric: tabular-nums; }
  .levels button.on { background: var(--primary-color); color: var(--text-primary-color, #fff); border-color: transparent; }
  .panel .row { display: flex; justify-content: flex-end; flex-wrap: wrap; gap: 8px; align-items: center; }
  .panel label { margin-right: auto; color: var(--primary-text-color); display: flex; align-items: center; gap: 6px; }
  .message { font-size: 0.9rem; color: var(--success-color, #43a047); }
  .message.error { color: var(--error-color, #db4437); }
  .warning { color: var(--error-color, #db4437); }
  .logger { gap: 12px; }
  .logger h3, .result h3 { margin: 0; font-size: 1.1rem; font-weight: 500; color: var(--primary-text-color); outline: none; }
  .logger .hint { color: var(--secondary-text-color); font-size: 0.9rem; }
  fieldset { border: 1px solid var(--divider-color, rgba(127,127,127,.3)); border-radius: 12px; margin: 0; padding: 8px 12px 12px;
    background: var(--card-background-color, #fff); display: flex; flex-direction: column; gap: 8px; min-width: 0; }
  fieldset.skipped { opacity: .7; }
  legend { padding: 0 4px; color: var(--primary-text-color); font-weight: 500; }
  legend .plan { font-weight: 400; color: var(--secondary-text-color); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
  .shortcuts { display: flex; flex-wrap: wrap; gap: 6px; }
  .shortcuts button { flex: 1 1 0; min-width: 80px; padding: 8px 10px; border-radius: 10px; font-size: 0.9rem; }
  .shortcuts button[aria-pressed="true"] { background: var(--primary-color, #03a9f4); color: var(--text-primary-color, #fff); border-color: transparent; }
  .shortcuts button.skip[aria-pressed="true"] { background: var(--secondary-text-color, #727272); }
  .steppers { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px 12px; }
  .steppers[hidden] { display: none; }
  .stepper label { display: block; color: var(--secondary-text-color); font-size: 0.8rem; margin: 0 0 2px 2px; }
  .spin { display: flex; align-items: stretch; gap: 4px; }
  .spin button { border-radius: 10px; padding: 0; width: 44px; font-size: 1.3rem; line-height: 1; flex: none; }
  .spin input { flex: 1 1 auto; min-width: 0; width: 100%; min-height: 44px; box-sizing: border-box; text-align: center; font: inherit; font-size: 1.1rem;
    font-variant-numeric: tabular-nums; border-radius: 10px; border: 1px solid var(--divider-color, rgba(127,127,127,.4));
    background: var(--card-background-color, #fff); color: var(--primary-text-color); -moz-appearance: textfield; }
  .spin input::-webkit-outer-spin-button, .spin input::-webkit-inner-spin-button { -webkit-appearance: none; margin: 0; }
  .spin input:focus-visible { outline: 2px solid var(--primary-color); outline-offset: 1px; }
  .feel { display: flex; flex-direction: column; gap: 6px; }
  .result ul { margin: 0; }
  @media (max-width: 420px) {
    ha-card { padding: 12px; }
    .panel { padding: 10px; }
    fieldset { padding: 6px 8px 10px; }
  }
`;

class HamstringCoachCard extends withProgress(HTMLElement) {
  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this._ui = { panel: null, level: null, pain: false, busy: false, message: "", error: false };
    this._entryIds = {};
    this._renderKey = "";
    this._progress = { data: null, key: "", week: null, exercise: null, error: "" };
    this.shadowRoot.addEventListener("click", (ev) => this._onClick(ev));
    this.shadowRoot.addEventListener("keydown", (ev) => this._onProgressKey(ev));
    this.shadowRoot.addEventListener("change", (ev) => {
      if (ev.target?.id === "pain") this._ui.pain = ev.target.checked;
      else if (ev.target?.dataset?.field) this._onInput(ev.target, true);
    });
    this.shadowRoot.addEventListener("input", (ev) => {
      if (ev.target?.dataset?.field) this._onInput(ev.target, false);
    });
    // The dashboard may move the card (masonry re-layout when it grows), which
    // drops the focus: remember where it was to put it back on reconnect.
    this.shadowRoot.addEventListener("focusin", (ev) => {
      this._focused = focusKey(ev.composedPath()[0]);
    });
    this.shadowRoot.addEventListener("focusout", (ev) => {
      if (!ev.relatedTarget) return; // focus lost with the element: keep the key
      this._focused = null;
    });
    this.shadowRoot.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && this._ui.panel && !this._ui.busy) {
        ev.stopPropagation();
        this._close();
      }
    });
  }

  connectedCallback() {
    // Relative times ("in 20 min") move on even when no state changes.
    this._timer ??= setInterval(() => this._render(), 60000);
    if (this._focused && this._ui.panel) this.shadowRoot.querySelector(this._focused)?.focus();
  }

  disconnectedCallback() {
    clearInterval(this._timer);
    this._timer = undefined;
  }

  static getConfigElement() {
    return document.createElement(EDITOR_TAG);
  }

  static getStubConfig(hass) {
    const first = statusEntities(hass)[0];
    return { entity: first ? first[0] : "sensor.hamstring_coach_training_status" };
  }

  setConfig(config) {
    // Before the first `hass`: the page's language (the frontend sets <html lang>).
    const lang = this._hass ?? undefined;
    if (!config || typeof config.entity !== "string" || !config.entity.startsWith("sensor.")) {
      throw new Error(t(lang, "error.config_entity"));
    }
    const weeks = config.weeks ?? 12;
    if (!Number.isInteger(Number(weeks)) || Number(weeks) < 1 || Number(weeks) > 52) {
      throw new Error(t(lang, "error.config_weeks"));
    }
    this._config = { ...config };
    this._renderKey = "";
    this._progress = { ...this._progress, key: "" };
    this._render();
  }

  set hass(hass) {
    this._hass = hass;
    this._render();
  }

  get hass() {
    return this._hass;
  }

  getCardSize() {
    return 9;
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }

  // --- data -----------------------------------------------------------------

  _model() {
    const hass = this._hass;
    const entityId = this._config.entity;
    const status = hass.states[entityId];
    if (!status) return { missing: entityId };
    const ids = siblingIds(hass, entityId);
    const st = (key) => hass.states[ids[key]];
    const value = (key) => num(st(key)?.state);
    const target = (key) => num(st(key)?.attributes?.target);
    const next = st("next_session");
    const workout = st("next_workout");
    return {
      entityId,
      ids,
      title: this._config.title || entryTitle(hass, entityId),
      status,
      next,
      workout,
      sessions: { value: value("weekly_sessions"), target: target("weekly_sessions") },
      sets: { value: value("weekly_sets"), target: target("weekly_sets") },
      streak: value("streak"),
    };
  }

  async _entryId() {
    if (this._config.config_entry_id) return this._config.config_entry_id;
    const id = this._config.entity;
    if (!(id in this._entryIds)) {
      try {
        const entry = await this._hass.callWS({ type: "config/entity_registry/get", entity_id: id });
        this._entryIds[id] = entry?.config_entry_id ?? null;
      } catch (_err) {
        this._entryIds[id] = null; // the action picks the only entry
      }
    }
    return this._entryIds[id];
  }

  async _call(service, data, done) {
    this._ui = { ...this._ui, busy: true, message: "", error: false };
    this._render(true);
    try {
      const entryId = await this._entryId();
      const payload = entryId ? { config_entry_id: entryId, ...data } : { ...data };
      await this._hass.callService(DOMAIN, service, payload);
      this._ui = { panel: null, level: null, pain: false, busy: false, message: done, error: false };
    } catch (err) {
      this._ui = { ...this._ui, busy: false, message: err?.message || String(err), error: true };
    }
    this._render(true);
  }

  /** Close any panel and give the focus back to the button that opened it. */
  _close(focus = "log") {
    this._ui = { ...this._ui, panel: null, message: "", error: false, focus: `[data-action=${focus}]` };
    this._render(true);
  }

  _openLogger(m) {
    const attrs = m.workout?.attributes ?? {};
    this._ui = {
      ...this._ui,
      panel: "logger",
      message: "",
      error: false,
      focus: "#log-title",
      log: {
        day: attrs.program_day ?? m.workout?.state,
        dayName: attrs.name ?? m.workout?.state ?? t(this._hass, "workout.fallback"),
        person: m.title,
        items: loggerItems(attrs.exercises),
        rpe: null,
        soreness: null,
      },
    };
  }

  _setItem(index, item) {
    const log = this._ui.log;
    const items = log.items.map((old, i) => (i === index ? item : old));
    this._ui = { ...this._ui, log: { ...log, items }, message: "", error: false };
  }

  /** A typed number: kept as typed; a re-render only once the field is left. */
  _onInput(input, done) {
    const log = this._ui.log;
    const index = Number(input.dataset.index);
    if (!log?.items[index]) return;
    this._setItem(index, { ...log.items[index], [input.dataset.field]: input.value });
    if (done) this._render(true);
  }

  _step(index, field, dir) {
    const item = this._ui.log.items[index];
    const step = field === "load" ? loadStep(item) : field === "amount" ? amountStep(item) : 1;
    const low = field === "load" ? 0 : 1;
    const value = Math.max(low, asNumber(item[field]) + dir * step);
    this._setItem(index, { ...item, [field]: value });
  }

  async _submitLog() {
    const log = this._ui.log;
    const data = logPayload(log.items, log.day, { rpe: log.rpe, soreness: log.soreness });
    if (data.exercises && data.exercises.length === 0) {
      this._ui = { ...this._ui, message: t(this._hass, "error.nothing_to_log"), error: true };
      this._render(true);
      return;
    }
    this._ui = { ...this._ui, busy: true, message: "", error: false };
    this._render(true);
    try {
      const entryId = await this._entryId();
      const result = await this._hass.callWS({
        type: "call_service",
        domain: DOMAIN,
        service: "log_session",
        service_data: entryId ? { config_entry_id: entryId, ...data } : data,
        return_response: true,
      });
      this._ui = { ...this._ui, panel: "result", busy: false, focus: "#result-title", result: result?.response ?? {} };
    } catch (err) {
      const text = String(err?.message || err).replace(/^Validation error: /, "");
      this._ui = { ...this._ui, busy: false, message: text, error: true, focus: ".logger .message" };
    }
    this._render(true);
  }

  _onClick(ev) {
    const button = ev.composedPath().find((el) => el instanceof HTMLElement && el.dataset?.action);
    if (!button || button.disabled) return;
    const action = button.dataset.action;
    if (action.startsWith("hc-")) {
      this._onProgressAction(action, button);
      return;
    }
    const ui = this._ui;
    const index = Number(button.dataset.index);
    if (action === "log") this._openLogger(this._model());
    else if (action === "outcome") this._setItem(index, applyOutcome(ui.log.items[index], button.dataset.outcome));
    else if (action === "step") this._step(index, button.dataset.field, Number(button.dataset.dir));
    else if (action === "rpe" || action === "sore") {
      const key = action === "rpe" ? "rpe" : "soreness";
      const value = Number(button.dataset.level);
      this._ui = { ...ui, log: { ...ui.log, [key]: ui.log[key] === value ? null : value } };
    } else if (action === "confirm-log") {
      this._submitLog();
      return;
    } else if (action === "cancel" || action === "close-result") {
      this._close(ui.panel === "skip" ? "skip" : ui.panel === "soreness" ? "soreness" : "log");
      return;
    } else if (action === "soreness") this._ui = { ...ui, panel: "soreness", level: null, pain: false, message: "" };
    else if (action === "level") this._ui = { ...ui, level: Number(button.dataset.level) };
    else if (action === "confirm-soreness") {
      if (ui.level == null) return;
      this._call("report_soreness", { level: ui.level, pain: ui.pain }, t(this._hass, "done.soreness", { level: ui.level }));
      return;
    } else if (action === "skip") this._ui = { ...ui, panel: "skip", message: "" };
    else if (action === "confirm-skip") {
      this._call("skip_session", {}, t(this._hass, "done.skipped"));
      return;
    }
    this._render(true);
  }

  // --- view -----------------------------------------------------------------

  _render(force = false) {
    if (!this._config || !this._hass) return;
    // While numbers are being entered, state updates must not redraw the form.
    if (!force && this._ui.panel === "logger") return;
    const model = this._model();
    const key = model.missing
      ? `missing:${model.missing}`
      : JSON.stringify([
          model.status.last_updated,
          ...Object.values(model.ids).map((id) => this._hass.states[id]?.last_updated),
          this._hass.services?.[DOMAIN] ? Object.keys(this._hass.services[DOMAIN]).length : 0,
          Math.floor(Date.now() / 60000), // relative times move on every minute
        ]);
    if (!model.missing) this._maybeLoadProgress(model);
    if (!force && key === this._renderKey) return;
    this._renderKey = key;
    const keep = this._ui.focus ?? focusKey(this.shadowRoot.activeElement);
    this._ui.focus = null;
    this.shadowRoot.innerHTML = `<style>${STYLE}${PROGRESS_STYLE}</style><ha-card>${
      model.missing ? this._missing(model.missing) : this._body(model)
    }</ha-card>`;
    if (keep) {
      // After this frame: focus moved inside a click handler can be undone by
      // the browser's own handling of the element that just went away.
      this._focused = keep;
      requestAnimationFrame(() => this.shadowRoot.querySelector(keep)?.focus());
    }
  }

  _missing(entityId) {
    return `<div class="warning">${esc(t(this._hass, "error.entity_missing", { entity: entityId }))}</div>`;
  }

  _body(m) {
    const hass = this._hass;
    const state = m.status.state;
    const look = STATUS[state] ?? { color: "var(--secondary-text-color)", icon: "mdi:help-circle" };
    const label = typeof hass.formatEntityState === "function" && state in STATUS
      ? hass.formatEntityState(m.status)
      : state in STATUS ? t(hass, `status.${state}`) : state;
    return `
      <div class="header" style="--hc-status: ${look.color}">
        <div class="title">${esc(m.title)}</div>
        <div class="chip status" data-state="${esc(state)}"><ha-icon icon="${look.icon}"></ha-icon><span>${esc(label)}</span></div>
      </div>
      <div class="reason" style="--hc-status: ${look.color}">${esc(this._reason(m))}</div>
      ${this._next(m)}
      ${this._week(m)}
      ${this._history()}
      ${this._pinnedTrend()}
      ${["logger", "result"].includes(this._ui.panel) ? "" : this._workout(m) + this._selectedTrend()}
      ${this._actions(m)}`;
  }

  _fmt(when) {
    const hass = this._hass;
    return relativeTime(when, new Date(), localeOf(hass), timeZone(hass), hour12(hass));
  }

  _reason(m) {
    const hass = this._hass;
    const attrs = m.status.attributes ?? {};
    if (attrs.guidance) return attrs.guidance;
    const workout = m.workout?.attributes?.name || t(hass, "workout.fallback");
    switch (m.status.state) {
      case "resting":
        return attrs.rest_until
          ? t(hass, "reason.resting_until", { when: this._fmt(attrs.rest_until) })
          : t(hass, "reason.resting");
      case "due":
        return t(hass, "reason.due", { workout });
      case "behind": {
        const { value, target } = m.sessions;
        return t(hass, "reason.behind", { done: value ?? 0, target: target ?? "?" });
      }
      case "recovering":
        return attrs.soreness != null
          ? t(hass, "reason.recovering_level", { level: num(attrs.soreness) ?? attrs.soreness })
          : t(hass, "reason.recovering");
      case "paused":
        return t(hass, "reason.paused");
      default:
        return t(hass, "reason.ready", { workout });
    }
  }

  /** The name of a program day: the workout's own, else the sensor's translated state. */
  _dayName(m, dayId) {
    if (!dayId) return "";
    if (m.workout?.state === dayId && m.workout.attributes?.name) return m.workout.attributes.name;
    if (m.workout && typeof this._hass.formatEntityState === "function") {
      const named = this._hass.formatEntityState(m.workout, dayId);
      if (named && named !== dayId) return named;
    }
    return dayId.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  }

  /** While resting or recovering: today on its own line, then the next hard session. */
  _restToday(m) {
    const attrs = m.status.attributes ?? {};
    const hard = attrs.next_hard_session;
    const when = hard ? this._fmt(hard) : "—";
    const what = hard ? this._dayName(m, attrs.next_hard_program_day) : t(this._hass, "next.none_in_pain");
    return `
      <div class="section">
        <div class="today-rest"><ha-icon icon="mdi:sofa-outline"></ha-icon><span>${th(this._hass, "next.rest_today")}</span></div>
        <div class="label">${th(this._hass, "next.hard_session")}</div>
        <div class="next">
          <ha-icon icon="mdi:calendar-clock"></ha-icon>
          <div><div class="when next-when">${esc(when)}</div><div class="what">${esc(what)}</div></div>
        </div>
      </div>`;
  }

  _next(m) {
    if (!m.next) return "";
    if (m.status.attributes?.today === "rest") return this._restToday(m);
    const at = m.next.state;
    const when = at && !["unknown", "unavailable"].includes(at) ? this._fmt(at) : "—";
    const catchUp = m.next.attributes?.reason === "catch_up" ? `<span class="tag">${th(this._hass, "next.catch_up")}</span>` : "";
    const dayName = m.workout?.attributes?.name ?? m.next.attributes?.program_day ?? "";
    return `
      <div class="section">
        <div class="label">${th(this._hass, "next.session")}</div>
        <div class="next">
          <ha-icon icon="mdi:calendar-clock"></ha-icon>
          <div><div class="when next-when">${esc(when)}${catchUp}</div><div class="what">${esc(dayName)}</div></div>
        </div>
      </div>`;
  }

  _bar(cls, title, { value, target }) {
    const v = value ?? 0;
    const pct = target ? Math.min(100, Math.round((v / target) * 100)) : v > 0 ? 100 : 0;
    const met = target != null && v >= target;
    return `
      <div class="progress ${cls}">
        <div class="bar-head"><span>${esc(title)}</span><span class="count">${esc(formatNumber(this._hass, v))} / ${esc(target == null ? "–" : formatNumber(this._hass, target))}</span></div>
        <div class="bar ${met ? "met" : ""}" role="progressbar" aria-label="${esc(title)}" aria-valuenow="${v}" aria-valuemax="${target ?? 0}"><div style="width:${pct}%"></div></div>
      </div>`;
  }

  _week(m) {
    const hass = this._hass;
    const streak = m.streak ?? 0;
    const count = `<b class="streak-count">${esc(formatNumber(hass, streak))}</b>`;
    return `
      <div class="section">
        <div class="label">${th(hass, "week.title")}</div>
        <div class="week">
          ${this._bar("sessions", t(hass, "week.sessions"), m.sessions)}
          ${this._bar("sets", t(hass, "week.sets"), m.sets)}
          <div class="streak"><ha-icon icon="mdi:fire"></ha-icon><span>${streakHtml(hass, streak, count)}</span></div>
        </div>
      </div>`;
  }

  _workout(m) {
    const hass = this._hass;
    const attrs = m.workout?.attributes;
    if (!attrs) return "";
    const items = (attrs.exercises ?? []).map((item) => {
      const change = CHANGE[item.change] ?? CHANGE.hold;
      const note = item.progression || item.note;
      const sub = [item.prescription ? t(hass, "workout.plan", { dose: item.prescription }) : "", note].filter(Boolean).join(" · ");
      return `
        <li class="exercise ${item.working === false ? "warmup" : ""}${this._trendClass(item)}" ${this._trendAttrs(item)}>
          <span class="ex">${esc(item.name ?? item.exercise)}${item.working === false ? ` <span class="small">${th(hass, "workout.mobility")}</span>` : ""}</span>
          <span class="dose">${esc(doseText(item, hass))}</span>
          ${sub ? `<span class="note"><ha-icon icon="${change.icon}" style="color:${change.color}"></ha-icon><span>${esc(sub)}</span></span>` : ""}
        </li>`;
    });
    const kind = attrs.recovery ? `<span class="tag">${th(hass, "workout.recovery")}</span>` : "";
    const heading = attrs.recovery ? "workout.light_today" : isToday(m.next?.state, timeZone(hass)) ? "workout.today" : "workout.next";
    return `
      <div class="section">
        <div class="label">${th(hass, heading)}</div>
        <div class="workout-name">${esc(attrs.name ?? m.workout.state)}${kind}</div>
        <ul>${items.join("")}</ul>
      </div>`;
  }

  _actions(m) {
    const hass = this._hass;
    const ui = this._ui;
    const dis = ui.busy ? "disabled" : "";
    const message = ui.message
      ? `<div class="message ${ui.error ? "error" : ""}" role="status">${esc(ui.message)}</div>`
      : "";
    if (ui.panel === "logger") return this._logger(ui.log, dis, message);
    if (ui.panel === "result") return this._result(ui.log, ui.result);
    if (ui.panel === "skip") {
      const dayName = esc(m.workout?.attributes?.name ?? t(hass, "workout.fallback"));
      return `
        <div class="section panel confirm ${ui.panel}">
          <div class="question">${th(hass, "skip.question", { workout: `<b>${dayName}</b>` })}</div>
          <div class="row">
            <button data-action="cancel" ${dis}>${th(hass, "actions.cancel")}</button>
            <button class="primary" data-action="confirm-skip" ${dis}>${th(hass, "actions.skip")}</button>
          </div>
        </div>${message}`;
    }
    if (ui.panel === "soreness") {
      const levels = Array.from({ length: 11 }, (_, i) =>
        `<button data-action="level" data-level="${i}" class="${ui.level === i ? "on" : ""}" aria-pressed="${ui.level === i}" ${dis}>${i}</button>`
      ).join("");
      return `
        <div class="section panel soreness">
          <div class="question">${th(hass, "soreness.question")}</div>
          <div class="levels">${levels}</div>
          <div class="row">
            <label><input type="checkbox" id="pain" ${ui.pain ? "checked" : ""} ${dis}> ${th(hass, "soreness.pain")}</label>
            <button data-action="cancel" ${dis}>${th(hass, "actions.cancel")}</button>
            <button class="primary" data-action="confirm-soreness" ${ui.level == null || ui.busy ? "disabled" : ""}>${th(hass, "soreness.report")}</button>
          </div>
        </div>${message}`;
    }
    const canSkip = Boolean(this._hass.services?.[DOMAIN]?.skip_session);
    return `
      <div class="section actions">
        <button class="primary" data-action="log" ${dis}>${th(hass, "actions.log")}</button>
        <button data-action="soreness" ${dis}>${th(hass, "actions.soreness")}</button>
        ${canSkip ? `<button data-action="skip" ${dis}>${th(hass, "actions.skip")}</button>` : ""}
      </div>${message}`;
  }
}

// --- logger views (functions of the state; every text goes through esc) -------

function stepper(lang, item, index, field, label, dis) {
  const id = `f-${index}-${field}`;
  const inSentence = t(lang, `stepper.${field === "amount" ? amountField(item) : field}`);
  const less = t(lang, "stepper.less", { field: inSentence, exercise: item.name });
  const more = t(lang, "stepper.more", { field: inSentence, exercise: item.name });
  const value = item[field] ?? "";
  const low = field === "load" ? 0 : 1;
  const step = field === "load" ? loadStep(item) : field === "amount" ? amountStep(item) : 1;
  return `
    <div class="stepper">
      <label for="${id}">${esc(label)}</label>
      <div class="spin">
        <button type="button" id="${id}-less" data-action="step" data-index="${index}" data-field="${field}" data-dir="-1" aria-label="${esc(less)}" ${dis}>−</button>
        <input id="${id}" type="number" inputmode="decimal" min="${low}" step="${step}" value="${esc(value)}" data-index="${index}" data-field="${field}" ${dis}>
        <button type="button" id="${id}-more" data-action="step" data-index="${index}" data-field="${field}" data-dir="1" aria-label="${esc(more)}" ${dis}>+</button>
      </div>
    </div>`;
}

/** The amount's kind: seconds of a hold, reps per leg or reps. */
function amountField(item) {
  return item.held ? "seconds" : item.perLeg ? "reps_per_leg" : "reps";
}

function planText(item, lang) {
  const plan = item.plan;
  return doseText({
    sets: plan.sets,
    reps: item.held ? null : plan.amount,
    seconds: item.held ? plan.amount : null,
    per_leg: item.perLeg,
    load: plan.load,
    unit: item.unit,
  }, lang);
}

function loggerRow(lang, item, index, dis) {
  const state = outcome(item);
  const buttons = OUTCOMES.map(([key, label]) => `
    <button type="button" id="o-${index}-${key}" class="${key === "skipped" ? "skip" : ""}" data-action="outcome" data-index="${index}" data-outcome="${key}" aria-pressed="${state === key}" ${dis}>${esc(label(lang, item))}</button>`).join("");
  const amount = t(lang, `field.${amountField(item)}`);
  const loadLabel = item.unit ? t(lang, "field.load_unit", { unit: item.unit }) : t(lang, "field.load");
  const load = item.loadable ? stepper(lang, item, index, "load", loadLabel, dis) : "";
  return `
    <fieldset class="ex-log ${state}" data-exercise="${esc(item.exercise)}">
      <legend><span class="ex-name">${esc(item.name)}</span> <span class="plan">${esc(t(lang, "workout.plan", { dose: planText(item, lang) }))}</span></legend>
      <div class="shortcuts" role="group" aria-label="${esc(t(lang, "logger.how", { exercise: item.name }))}">${buttons}</div>
      <div class="steppers" ${item.skipped ? "hidden" : ""}>
        ${stepper(lang, item, index, "sets", t(lang, "field.sets"), dis)}
        ${stepper(lang, item, index, "amount", amount, dis)}
        ${load}
      </div>
    </fieldset>`;
}

function levelButtons(lang, action, from, to, chosen, key, dis) {
  const out = [];
  for (let i = from; i <= to; i += 1) {
    out.push(`<button type="button" id="${action}-${i}" data-action="${action}" data-level="${i}" class="${chosen === i ? "on" : ""}" aria-pressed="${chosen === i}" aria-label="${esc(t(lang, key, { level: i }))}" ${dis}>${i}</button>`);
  }
  return out.join("");
}

Object.assign(HamstringCoachCard.prototype, {
  _logger(log, dis, message) {
    const hass = this._hass;
    const title = t(hass, "logger.title", { what: whose(hass, log.person, log.dayName) });
    const asPlanned = log.items.every((item) => outcome(item) === "planned");
    return `
      <section class="section panel logger" aria-labelledby="log-title">
        <h3 id="log-title" tabindex="-1">${esc(title)}</h3>
        <div class="hint">${th(hass, "logger.hint")}</div>
        ${log.items.map((item, i) => loggerRow(hass, item, i, dis)).join("")}
        <div class="feel" role="group" aria-labelledby="rpe-label">
          <div class="label" id="rpe-label">${th(hass, "logger.rpe")}</div>
          <div class="levels rpe">${levelButtons(hass, "rpe", 1, 10, log.rpe, "logger.rpe_level", dis)}</div>
        </div>
        <div class="feel" role="group" aria-labelledby="sore-label">
          <div class="label" id="sore-label">${th(hass, "logger.soreness")}</div>
          <div class="levels">${levelButtons(hass, "sore", 0, 10, log.soreness, "logger.soreness_level", dis)}</div>
        </div>
        ${message.replace('role="status"', 'role="alert" tabindex="-1"')}
        <div class="row">
          <button type="button" data-action="cancel" ${dis}>${th(hass, "actions.cancel")}</button>
          <button type="button" class="primary" id="log-submit" data-action="confirm-log" ${dis}>${th(hass, asPlanned ? "logger.as_planned" : "logger.as_done")}</button>
        </div>
      </section>`;
  },

  _result(log, result) {
    const hass = this._hass;
    const sets = num(result.working_sets);
    const what = whose(hass, log.person, log.dayName);
    const head = sets != null
      ? t(hass, pluralKey(hass, "result.logged_sets", sets), { what, count: sets })
      : t(hass, "result.logged", { what });
    const items = (result.progression ?? []).map((item) => {
      const change = CHANGE[item.change] ?? CHANGE.hold;
      const changeText = item.change in CHANGE ? t(hass, `change.${item.change}`) : String(item.change).replace("_", " ");
      return `
        <li class="exercise after change-${esc(item.change)}" data-exercise="${esc(item.exercise)}">
          <span class="ex">${esc(item.name ?? item.exercise)}</span>
          <span class="dose">${esc(doseText(item, hass))}</span>
          <span class="note"><ha-icon icon="${change.icon}" style="color:${change.color}"></ha-icon><span><b class="change">${esc(changeText)}</b>: ${esc(item.progression)}</span></span>
        </li>`;
    });
    const next = items.length
      ? `<div class="label">${th(hass, "result.next_time", { workout: esc(log.dayName) })}</div><ul>${items.join("")}</ul>`
      : "";
    return `
      <section class="section panel result" aria-labelledby="result-title">
        <h3 id="result-title" tabindex="-1" role="status">${esc(head)}</h3>
        ${next}
        ${result.guidance ? `<div class="hint">${esc(result.guidance)}</div>` : ""}
        <div class="row"><button type="button" class="primary" data-action="close-result">${th(hass, "result.done")}</button></div>
      </section>`;
  },
});

class HamstringCoachCardEditor extends HTMLElement {
  setConfig(config) {
    this._config = { ...config };
    this._render();
  }

  set hass(hass) {
    const first = !this._hass;
    this._hass = hass;
    if (first) this._render();
  }

  _render() {
    if (!this._hass || !this._config) return;
    if (!this.shadowRoot) {
      this.attachShadow({ mode: "open" });
      this.shadowRoot.addEventListener("change", (ev) => this._changed(ev));
    }
    const hass = this._hass;
    const options = statusEntities(hass);
    const current = this._config.entity;
    if (current && !options.some(([id]) => id === current)) options.unshift([current, current]);
    this.shadowRoot.innerHTML = `
      <style>
        .form { display: flex; flex-direction: column; gap: 12px; }
        label { display: flex; flex-direction: column; gap: 4px; color: var(--secondary-text-color); font-size: 0.9rem; }
        select, input { font: inherit; padding: 8px; border-radius: 4px; color: var(--primary-text-color);
          background: var(--card-background-color, #fff); border: 1px solid var(--divider-color, #ccc); }
      </style>
      <div class="form">
        <label>${th(hass, "editor.entry")}
          <select id="entity">
            ${options.length ? "" : `<option value="">${th(hass, "editor.no_entry")}</option>`}
            ${options.map(([id, name]) => `<option value="${esc(id)}" ${id === current ? "selected" : ""}>${esc(name)} (${esc(id)})</option>`).join("")}
          </select>
        </label>
        <label>${th(hass, "editor.title")}
          <input id="title" type="text" value="${esc(this._config.title ?? "")}" placeholder="${esc(current ? entryTitle(this._hass, current) : "")}">
        </label>
        <label>${th(hass, "editor.weeks")}
          <input id="weeks" type="number" min="1" max="52" step="1" value="${esc(this._config.weeks ?? 12)}">
        </label>
        <label>${th(hass, "editor.exercise")}
          <input id="exercise" type="text" value="${esc(this._config.exercise ?? "")}" placeholder="romanian_deadlift">
        </label>
      </div>`;
  }

  _changed(ev) {
    const id = ev.target?.id;
    if (!id) return;
    const config = { ...this._config };
    const value = id === "weeks" && ev.target.value ? Number(ev.target.value) : ev.target.value;
    if (value) config[id] = value;
    else delete config[id];
    this._config = config;
    this.dispatchEvent(new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }));
  }
}

/**
 * Define the elements once Home Assistant's app has started: it swaps
 * `window.customElements` for a scoped-registry polyfill, and an element
 * defined in the native registry before that is invisible to it (the
 * dashboard then shows "Custom element doesn't exist" until a reload). This
 * module is an extra module and may well run first, so wait for the app's
 * root element (or the cast receiver's) when the page has one.
 */
async function defineElements() {
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }
  const root = document.querySelector("home-assistant, hc-main");
  if (root) await customElements.whenDefined(root.localName);
  const registry = window.customElements;
  if (registry.get(CARD_TAG)) return;
  registry.define("hamstring-coach-card", HamstringCoachCard);
  registry.define(EDITOR_TAG, HamstringCoachCardEditor);
  window.customCards = window.customCards || [];
  window.customCards.push({
    type: CARD_TAG,
    name: "Hamstring Coach",
    description: t(undefined, "picker.description"), // the page's language
    preview: true,
    documentationURL: "https://github.com/hamstring-coach/hamstring_coach",
  });
  console.info(`%c HAMSTRING-COACH-CARD %c ${VERSION} `, "color:#fff;background:#03a9f4", "");
}

defineElements();
