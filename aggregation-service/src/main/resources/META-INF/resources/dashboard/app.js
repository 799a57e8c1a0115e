// The dashboard: signs the reader in, reads the unit, year and view from the address (#/unit/640402/2023/children),
// loads what that view needs, and keeps it current by asking every few seconds, with If-None-Match, whether the
// unit's totals changed (a 304 costs the service no database read).

import { getJson, paths } from './api.js';
import {
    beginProviderSignIn, completeProviderSignIn, holder, onSignedOut, signOut, token, useToken,
} from './auth.js';
import { echartsReady, followWindowSize } from './charts.js';
import { beijingTime } from './numbers.js';
import * as views from './views.js';

const $ = (id) => document.getElementById(id);
const ROUTE = /^#\/unit\/([A-Za-z0-9-]{1,40})\/(\d{4})(?:\/(overview|reporting|children|table))?(?:\?(.*))?$/;
const LAST_VIEW = 'gongkai.dashboard.last';
/** Children are read 100 a page (the API's largest page); a unit with more than this many shows the first ones. */
const CHILDREN_PAGE = 100;
const CHILDREN_PAGES = 20;

let settings;
let route;
let cache = { key: '', answers: new Map() };
let generation = 0;
let pollTimer;
let lastChecked;
let chartFigure = '';
const forms = new Map();

function parseRoute(hash) {
    const match = ROUTE.exec(hash);
    if (!match) {
        return null;
    }
    const year = Number(match[2]);
    if (year < settings.firstYear || year > settings.lastYear) {
        return null;
    }
    const sort = new URLSearchParams(match[4] || '').get('sort') || '';
    return { code: match[1], year, view: match[3] || 'overview', sort: /^[A-Za-z]+-(asc|desc)$/.test(sort) ? sort : '' };
}

function defaultHash() {
    const last = localStorage.getItem(LAST_VIEW);
    return last && parseRoute(last) ? last : views.link('CN', settings.defaultYear);
}

/** The answers a view may ask for, each read once per unit and year (and again when the totals change). */
const LOADERS = {
    unit: () => getJson(paths.unit(route.code)).then((a) => a.data),
    aggregate: () => getJson(paths.aggregate(route.code, route.year)),
    trend: () => {
        const from = Math.max(settings.firstYear, Math.min(route.year - 1, route.year - settings.trendYears + 1));
        return getJson(paths.trend(route.code, from, route.year)).then((a) => a.data);
    },
    checks: () => getJson(paths.checks(route.code, route.year)).then((a) => a.data),
    children: async () => {
        const first = (await getJson(paths.children(route.code, route.year, 0, CHILDREN_PAGE))).data;
        const pages = Math.min(CHILDREN_PAGES, Math.ceil(first.total / CHILDREN_PAGE));
        const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) },
            (_, i) => getJson(paths.children(route.code, route.year, i + 1, CHILDREN_PAGE)).then((a) => a.data)));
        return { ...first, children: first.children.concat(...rest.map((p) => p.children)) };
    },
};

/** The answers each view reads besides the unit and its totals. */
const NEEDS = { overview: ['trend'], reporting: ['checks'], children: ['children'], table: [] };

function load(name) {
    if (!cache.answers.has(name)) {
        const answer = LOADERS[name]();
        answer.catch(() => cache.answers.delete(name));
        cache.answers.set(name, answer);
    }
    return cache.answers.get(name);
}

/** The form a report year uses: the latest whose first year is not after it (config.json lists them). */
function formVersionOf(year) {
    return settings.forms.filter((f) => f.firstYear <= year).sort((a, b) => b.firstYear - a.firstYear)[0].version;
}

async function formFor(version) {
    if (!forms.has(version)) {
        const answer = fetch(`/dashboard/forms/${encodeURIComponent(version)}.json`, { credentials: 'omit' })
            .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`表式 ${version} 读取失败（${r.status}）`))));
        answer.catch(() => forms.delete(version));
        forms.set(version, answer);
    }
    return forms.get(version);
}

function showFreshness(aggregate) {
    const asOf = aggregate.asOf;
    const checked = lastChecked ? `，${beijingTime(lastChecked)} 检查过更新` : '';
    $('freshness').replaceChildren('数据截至 ',
        views.h('time', { id: 'as-of', datetime: asOf.time, 'data-cursor': asOf.cursor }, beijingTime(asOf.time)),
        `（北京时间${checked}；每 ${settings.pollSeconds} 秒自动检查）`);
    document.body.dataset.cursor = asOf.cursor;
}

function showHeading(detail, aggregate) {
    const year = route.year;
    $('breadcrumb').replaceChildren(...detail.ancestors.flatMap((a) => [
        views.h('a', { href: views.link(a.code, year, route.view === 'children' ? 'children' : 'overview') }, a.name),
        views.h('span', { class: 'separator', 'aria-hidden': 'true' }, '›')]),
    views.h('span', { 'aria-current': 'page' }, detail.unit.name));
    $('unit-title').replaceChildren(detail.unit.name, ' ',
        views.h('span', { class: 'code' }, `${detail.unit.code} · ${views.KIND[detail.unit.kind] || ''} · ${year} 年度`));
    document.querySelectorAll('#views a').forEach((a) => {
        a.href = views.link(route.code, year, a.dataset.view, a.dataset.view === 'children' ? route.sort : '');
        a.toggleAttribute('aria-current', a.dataset.view === route.view);
    });
    $('year').value = String(year);
    document.title = `${detail.unit.name} ${year} 年度 · 政府信息公开工作年度报告统计`;
    showFreshness(aggregate);
}

function showError(error) {
    $('error').textContent = error ? error.message : '';
    $('error').hidden = !error;
}

async function render() {
    if (!token()) {
        showSignIn();
        return;
    }
    const next = parseRoute(window.location.hash);
    if (!next) {
        window.location.replace(defaultHash());
        return;
    }
    const key = `${next.code}/${next.year}`;
    if (cache.key !== key) {
        cache = { key, answers: new Map() };
    }
    route = next;
    localStorage.setItem(LAST_VIEW, window.location.hash);
    const mine = ++generation;
    document.body.dataset.state = 'loading';
    // What the view needs is asked for at once, alongside the unit and its totals, not after them.
    (NEEDS[route.view] || []).forEach((name) => load(name).catch(() => {}));
    if (route.view === 'overview' || route.view === 'children') {
        echartsReady().catch(() => {});
    }
    try {
        const [detail, aggregate, form] = await Promise.all([load('unit'), load('aggregate'),
            formFor(formVersionOf(route.year))]);
        if (mine !== generation) {
            return;
        }
        showError(null);
        showHeading(detail, aggregate.data);
        await views[route.view]({
            ...route, unit: detail, aggregate: aggregate.data, form, load,
            isCurrent: () => mine === generation,
            chartFigure, rememberChartFigure: (id) => { chartFigure = id; },
        });
        if (mine === generation) {
            document.body.dataset.shown = views.link(route.code, route.year, route.view, route.sort);
            document.body.dataset.state = 'ready';
            if (performance.getEntriesByName('dashboard-ready').length === 0) {
                performance.mark('dashboard-ready');
            }
        }
    } catch (error) {
        if (mine === generation && token()) {
            showError(error);
            $('view').replaceChildren();
            document.body.dataset.state = 'failed';
        }
    }
}

/** Same figures and reporting: only the feed moved on (another unit reported), so nothing on screen changes. */
function sameFigures(a, b) {
    const key = (v) => JSON.stringify([v.reports, v.totals, v.reporting]);
    return key(a) === key(b);
}

function schedulePoll() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, settings.pollSeconds * 1000);
}

async function poll() {
    if (document.hidden || !route || !token() || !cache.answers.has('aggregate')) {
        schedulePoll();
        return;
    }
    const key = cache.key;
    try {
        const shown = await cache.answers.get('aggregate');
        const answer = await getJson(paths.aggregate(route.code, route.year), { etag: shown.etag });
        lastChecked = new Date();
        if (cache.key === key) {
            if (answer.notModified) {
                showFreshness(shown.data);
            } else if (sameFigures(answer.data, shown.data)) {
                cache.answers.set('aggregate', Promise.resolve(answer));
                showFreshness(answer.data);
            } else {
                const unit = cache.answers.get('unit');
                cache = { key, answers: new Map([['unit', unit], ['aggregate', Promise.resolve(answer)]]) };
                await render();
            }
        }
    } catch (error) {
        if (token()) {
            $('freshness').textContent = `检查更新失败：${error.message}`;
        }
    }
    schedulePoll();
}

function showSignIn(message) {
    clearTimeout(pollTimer);
    generation += 1;
    $('dashboard').hidden = true;
    $('picker').hidden = true;
    $('account').hidden = true;
    $('sign-in').hidden = false;
    $('provider-sign-in').hidden = !settings.signIn.oidc;
    $('token-form').hidden = !settings.signIn.local;
    $('sign-in-message').textContent = message || '';
    document.body.dataset.state = 'signed-out';
}

function start() {
    const who = holder();
    $('holder').textContent = `${who.name}（${who.roles.join('、')}）${who.expires ? `，${beijingTime(who.expires)} 到期` : ''}`;
    $('sign-in').hidden = true;
    $('token-input').value = '';
    $('dashboard').hidden = false;
    $('picker').hidden = false;
    $('account').hidden = false;
    render();
    schedulePoll();
}

function setUpSignIn() {
    $('provider-sign-in').addEventListener('click', () => {
        beginProviderSignIn(settings.signIn.oidc, window.location.hash).catch((e) => showSignIn(e.message));
    });
    $('token-form').addEventListener('submit', (event) => {
        event.preventDefault();
        try {
            useToken($('token-input').value);
            start();
        } catch (error) {
            $('sign-in-message').textContent = error.message;
        }
    });
    $('sign-out').addEventListener('click', () => signOut('已退出。'));
    onSignedOut(showSignIn);
}

/** Where a unit found by the search is: its province, city and county, so that namesakes can be told apart. */
function where(match) {
    return match.ancestors.filter((a) => a.kind !== 'NATION').map((a) => a.name).join(' › ');
}

function setUpPicker() {
    const select = $('year');
    for (let year = settings.lastYear; year >= settings.firstYear; year -= 1) {
        select.append(views.h('option', { value: year }, `${year} 年度`));
    }
    select.addEventListener('change', () => {
        const sort = route.view === 'children' ? route.sort : '';
        window.location.hash = views.link(route.code, select.value, route.view, sort);
    });

    const input = $('unit-search');
    const list = $('unit-matches');
    let asked = 0;
    let timer;
    const close = () => { list.hidden = true; list.replaceChildren(); };
    /** Opens the unit in the view being looked at, except a township's children: it has none. */
    const go = (unit) => {
        close();
        input.value = '';
        const leaf = unit.kind === 'TOWNSHIP' || unit.kind === 'DEPARTMENT';
        const view = route && !(route.view === 'children' && leaf) ? route.view : 'overview';
        window.location.hash = views.link(unit.code, route ? route.year : settings.defaultYear, view);
    };
    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const q = input.value.trim();
            const mine = ++asked;
            if (!q) {
                close();
                return;
            }
            try {
                const found = (await getJson(paths.search(q))).data;
                if (mine !== asked) {
                    return;
                }
                list.replaceChildren(...found.units.map((match, i) => views.h('li', {
                    role: 'option', 'data-code': match.unit.code, 'aria-selected': i === 0 ? 'true' : 'false',
                    onmousedown: (event) => { event.preventDefault(); go(match.unit); },
                }, views.h('strong', {}, match.unit.name), ' ',
                views.h('span', { class: 'code' }, [where(match), match.unit.code].filter(Boolean).join(' · ')))));
                if (found.units.length === 0) {
                    list.append(views.h('li', { class: 'none' }, '没有找到这个单位'));
                } else if (found.more) {
                    list.append(views.h('li', { class: 'none' }, '只列出前 20 个，请输入更多字'));
                }
                list.hidden = false;
            } catch (error) {
                list.replaceChildren(views.h('li', { class: 'none' }, error.message));
                list.hidden = false;
            }
        }, 200);
    });
    input.addEventListener('keydown', (event) => {
        const options = [...list.querySelectorAll('[role=option]')];
        const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const next = (current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % Math.max(options.length, 1);
            options.forEach((o, i) => o.setAttribute('aria-selected', i === next ? 'true' : 'false'));
        } else if (event.key === 'Enter') {
            event.preventDefault();
            options[Math.max(current, 0)]?.dispatchEvent(new MouseEvent('mousedown'));
        } else if (event.key === 'Escape') {
            close();
        }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
    $('picker').addEventListener('submit', (event) => event.preventDefault());
}

async function main() {
    // As index.html preloads it (same mode and credentials, so the preloaded answer is used).
    settings = await (await fetch('/dashboard/config.json')).json();
    setUpSignIn();
    setUpPicker();
    followWindowSize();
    window.addEventListener('hashchange', render);
    document.addEventListener('visibilitychange', () => { if (!document.hidden) { poll(); } });
    try {
        await completeProviderSignIn(settings.signIn.oidc);
    } catch (error) {
        showSignIn(error.message);
        return;
    }
    if (token()) {
        start();
    } else {
        showSignIn();
    }
}

main();
