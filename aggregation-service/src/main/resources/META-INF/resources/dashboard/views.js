// The four views of a unit and year: overview, reporting, children and the official table. Each builds its DOM from
// the answers it is given (text only: never markup from data) and swaps it in at once, so a refresh does not flicker.

import { download, getText, paths } from './api.js';
import { drawChildren, drawResults, drawTrend, echartsReady } from './charts.js';
import { count, figure, share } from './numbers.js';

export const KIND = {
    NATION: '全国', PROVINCE: '省级', CITY: '市级', COUNTY: '县级', TOWNSHIP: '乡镇（街道）', DEPARTMENT: '部门',
};
const CATEGORY = { REPORT_WARNING: '报告时的提示', CROSS_YEAR: '跨年度核对', MISSING: '未报送' };
const MISSING_PREVIEW = 10;

/** An element with attributes and children; strings become text nodes, never markup. */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
        if (value === undefined || value === null || value === false) {
            return;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    });
    children.flat().forEach((child) => {
        if (child !== undefined && child !== null && child !== false) {
            element.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    });
    return element;
}

/** The deep link of a view: #/unit/{code}/{year}[/{view}][?sort=...]. */
export function link(code, year, view = 'overview', sort = '') {
    return `#/unit/${code}/${year}${view === 'overview' ? '' : `/${view}`}${sort ? `?sort=${sort}` : ''}`;
}

function reportsItself(unit) {
    return unit.kind === 'TOWNSHIP' || unit.kind === 'DEPARTMENT';
}

/** Where a row of the children table leads: units with children open on their children, the others on an overview. */
function drillDown(unit, year) {
    return link(unit.code, year, reportsItself(unit) ? 'overview' : 'children');
}

function tally(key, label, value) {
    return h('div', { 'data-tally': key }, h('dt', {}, label), h('dd', {}, value));
}

function season(ctx, findingsSummary = null) {
    const r = ctx.aggregate.reporting;
    const lines = reportsItself(ctx.unit.unit)
        ? [tally('status', '本单位', r.received ? `已报送（${r.onTime ? '按时' : '逾期'}）` : '未报送'),
            tally('deadline', '截止日期', r.deadline)]
        : [tally('received', '已报', count(r.received)), tally('expected', '应报', count(r.expected)),
            tally('rate', '报送率', share(r.received, r.expected)), tally('on-time', '按时', count(r.onTime)),
            tally('late', '逾期', count(r.late)), tally('missing', '未报', count(r.missingCount)),
            tally('deadline', '截止日期', r.deadline)];
    const progress = r.expected ? (r.received * 100) / r.expected : 0;
    return h('section', { class: 'season', 'data-section': 'season' },
        h('h3', {}, `${ctx.year} 年度报告报送情况`),
        h('dl', { class: 'tally' }, lines),
        h('div', { class: 'progress', role: 'img', 'aria-label': `报送率 ${share(r.received, r.expected)}` },
            h('span', { class: 'done', 'data-width': progress.toFixed(1) })),
        findingsSummary);
}

/** Findings by kind, missing reports left out (they are listed by name). */
function findingCounts(checks) {
    const counts = new Map();
    checks.findings.filter((f) => f.category !== 'MISSING')
        .forEach((f) => counts.set(f.category, (counts.get(f.category) || 0) + 1));
    return counts;
}

/**
  * The overview's line about findings: the checks of a whole country take longer than the totals, so the line is
  * filled in when they arrive and never holds the page back.
  */
function findingsLine(ctx) {
    const line = h('p', { class: 'findings-summary', 'data-section': 'findings-summary' }, '核查发现：正在读取…');
    ctx.load('checks').then((checks) => {
        const counts = findingCounts(checks);
        const parts = [...counts].map(([category, n]) => `${CATEGORY[category] || category} ${count(n)} 条`);
        line.replaceChildren(`核查发现：${parts.length ? parts.join('，') : '无'}  `,
            ...(parts.length ? [h('a', { href: link(ctx.code, ctx.year, 'reporting') }, '查看 →')] : []));
    }, (error) => { line.textContent = `核查发现：${error.message}`; });
    return line;
}

function missingList(ctx, limit) {
    const r = ctx.aggregate.reporting;
    if (r.missingCount === 0) {
        return h('p', { class: 'all-in', 'data-section': 'missing' }, r.expected ? '应报单位已全部报送。' : '');
    }
    const listed = r.missing.slice(0, limit ?? r.missing.length);
    return h('section', { class: 'missing', 'data-section': 'missing' },
        h('h3', {}, `未报送单位（${count(r.missingCount)} 个）`),
        h('ol', { class: 'missing-units' }, listed.map((m) => h('li', { 'data-code': m.code },
            h('a', { href: link(m.code, ctx.year) }, m.name), h('span', { class: 'code' }, m.code)))),
        listed.length < r.missingCount
            ? h('p', { class: 'note' }, limit !== undefined && listed.length < r.missing.length
                ? h('a', { href: link(ctx.code, ctx.year, 'reporting') }, `查看全部未报送单位 →`)
                : `只列出前 ${count(r.missing.length)} 个；完整名单请导出下属单位表。`)
            : null);
}

/** The year before, from the trend, when it is in the trend and had reports. */
function previousYear(ctx, trend) {
    return trend.years.find((y) => y.year === ctx.year - 1);
}

/**
 * A year whose units used another form too: those reports have a total of their own, not added in here; it can be
 * downloaded as that form's official tables and children table.
 */
function otherForms(ctx) {
    const others = ctx.aggregate.otherForms || [];
    if (others.length === 0) {
        return null;
    }
    const base = `${ctx.code}-${ctx.year}`;
    return h('div', { class: 'note', 'data-section': 'other-forms' },
        h('p', {}, `以上为 ${ctx.aggregate.formVersion} 年表式的 ${count(ctx.aggregate.reports)} 份报告；另有`
            + `${others.map((o) => ` ${count(o.reports)} 份报告使用 ${o.formVersion} 年表式`).join('、')}，单独汇总，不计入以上数字。`),
        exportButtons(ctx, others.flatMap((o) => [
            [`下载 ${o.formVersion} 年表式统计表（XLSX）`, paths.officialTable(ctx.code, ctx.year, 'xlsx', o.formVersion),
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${base}-${o.formVersion}年表式统计表.xlsx`],
            [`导出 ${o.formVersion} 年表式下级单位表（CSV）`, paths.childrenExport(ctx.code, ctx.year, o.formVersion), 'text/csv',
                `${base}-${o.formVersion}年表式下级单位.csv`],
        ])));
}

function headline(ctx, trend) {
    const before = previousYear(ctx, trend);
    return h('section', { class: 'headline', 'data-section': 'headline' },
        h('h3', {}, '主要指标'),
        otherForms(ctx),
        h('div', { class: 'cards' }, ctx.form.figures.map((definition) => {
            const now = figure(definition, ctx.aggregate.totals);
            let change = '无上年数据';
            if (now.absent) {
                change = definition.hint;
            } else if (before && before.reports > 0) {
                change = `较上年 ${now.change(figure(definition, before.totals))}`;
            } else if (before) {
                change = '上年无报告';
            }
            // A long figure (the national fee to six places) takes two cards' width rather than breaking.
            return h('article', { class: now.text.length > 11 ? 'card wide' : 'card', 'data-figure': definition.id,
                title: definition.hint },
                h('h4', {}, definition.label),
                h('p', { class: 'value' }, h('span', { class: 'number' }, now.text),
                    definition.unit === '%' || now.absent ? null : h('span', { class: 'unit' }, definition.unit)),
                h('p', { class: 'change' }, change));
        })));
}

function chartBox(id, title, note) {
    return h('section', { class: 'chart-box' }, h('h3', {}, title), note ? h('p', { class: 'note' }, note) : null,
        h('div', { class: 'chart', id, 'data-chart': id }));
}

/** Whether charts may be drawn: once ECharts has loaded, if the view is still the one asked for. */
async function charts(ctx) {
    await echartsReady();
    return ctx.isCurrent();
}

/**
 * Swaps the new content in, then sizes the progress bar through the CSSOM (data never becomes a style attribute).
 * The first time, marks when the figures reached the screen; the charts follow when ECharts is ready.
 */
function show(ctx, ...sections) {
    if (!ctx.isCurrent()) {
        return false;
    }
    const target = document.getElementById('view');
    target.replaceChildren(...sections);
    target.querySelectorAll('[data-width]').forEach((bar) => { bar.style.width = `${bar.dataset.width}%`; });
    if (performance.getEntriesByName('dashboard-figures').length === 0) {
        performance.mark('dashboard-figures');
    }
    return true;
}

export async function overview(ctx) {
    const trend = await ctx.load('trend');
    const sections = [season(ctx, findingsLine(ctx)), missingList(ctx, MISSING_PREVIEW), headline(ctx, trend),
        h('div', { class: 'charts' },
            chartBox('trend-chart', '历年趋势', '点击图例可显示或隐藏指标；虚线为比率（右轴）'),
            chartBox('results-chart', `${ctx.year} 年申请办理结果`, '三、本年度办理结果，总计列'))];
    if (show(ctx, ...sections) && await charts(ctx)) {
        drawTrend(document.getElementById('trend-chart'), trend.years, ctx.form.figures);
        drawResults(document.getElementById('results-chart'), ctx.aggregate.totals, ctx.form.resultRows);
    }
}

function findingsTable(ctx, checks) {
    const findings = checks.findings.filter((f) => f.category !== 'MISSING');
    const counts = findingCounts(checks);
    if (findings.length === 0) {
        return h('p', { class: 'all-in', 'data-section': 'findings' }, '没有核查发现。');
    }
    const labels = ctx.form.cellLabels;
    return h('section', { 'data-section': 'findings' },
        h('h3', {}, `核查发现（${count(findings.length)} 条）`),
        h('p', { class: 'note' }, [...counts].map(([category, n]) => `${CATEGORY[category] || category} ${count(n)} 条`)
            .join('，'), '。未报送单位见上方名单。'),
        h('div', { class: 'scroll' }, h('table', { class: 'findings' },
            h('thead', {}, h('tr', {}, ['单位', '类别', '规则', '说明', '涉及栏目', '应为', '实为'].map((t) => h('th', {}, t)))),
            h('tbody', {}, findings.map((f) => h('tr', { 'data-code': f.unitCode, 'data-rule': f.rule || '' },
                h('td', {}, h('a', { href: link(f.unitCode, ctx.year) }, f.unitName),
                    h('span', { class: 'code' }, f.unitCode)),
                h('td', {}, CATEGORY[f.category] || f.category),
                h('td', {}, f.rule || ''),
                h('td', {}, f.message),
                h('td', { class: 'cells' }, (f.pointers || []).map((p) => h('div', {}, labels[p] || p))),
                h('td', { class: 'number' }, f.expected ?? ''),
                h('td', { class: 'number' }, f.actual ?? '')))))));
}

export async function reporting(ctx) {
    const checks = await ctx.load('checks');
    show(ctx, season(ctx), missingList(ctx), findingsTable(ctx, checks));
}

/** Sort keys of the children table: the unit, its reporting, then every headline figure. */
function sortValue(key, row, form) {
    if (key === 'name') {
        return row.unit.name;
    }
    if (key === 'code') {
        return row.unit.code;
    }
    if (key === 'reporting') {
        return row.reporting.expected ? row.reporting.received / row.reporting.expected : -1;
    }
    if (key === 'late') {
        return row.reporting.late;
    }
    const definition = form.figures.find((f) => f.id === key);
    return definition ? figure(definition, row.totals).sort : 0;
}

function sorted(rows, sort, form) {
    const [key, direction] = sort.split('-');
    if (!key) {
        return rows;
    }
    const sign = direction === 'desc' ? -1 : 1;
    const collator = new Intl.Collator('zh-CN');
    return rows.slice().sort((a, b) => {
        const x = sortValue(key, a, form);
        const y = sortValue(key, b, form);
        const order = typeof x === 'string' ? collator.compare(x, y) : x - y;
        return sign * order || a.unit.code.localeCompare(b.unit.code);
    });
}

function reportingCell(row) {
    const r = row.reporting;
    if (reportsItself(row.unit)) {
        return r.received ? (r.late ? '已报（逾期）' : '已报') : '未报';
    }
    return `${count(r.received)}/${count(r.expected)}`;
}

function childrenTable(ctx, rows) {
    const [sortKey, direction] = (ctx.sort || '').split('-');
    const columns = [['name', '单位'], ['reporting', '已报/应报'], ['late', '逾期']]
        .concat(ctx.form.figures.map((f) => [f.id, f.unit === '%' ? f.label : `${f.label}（${f.unit}）`]));
    const header = columns.map(([key, title]) => {
        const next = key === sortKey && direction !== 'desc' ? 'desc' : 'asc';
        const state = key === sortKey ? (direction === 'desc' ? 'descending' : 'ascending') : 'none';
        return h('th', { 'aria-sort': state, 'data-sort': key },
            h('a', { href: link(ctx.code, ctx.year, 'children', `${key}-${next}`) }, title));
    });
    return h('div', { class: 'scroll' }, h('table', { class: 'children', 'data-section': 'children' },
        h('thead', {}, h('tr', {}, header)),
        h('tbody', {}, sorted(rows, ctx.sort || '', ctx.form).map((row) => {
            const target = drillDown(row.unit, ctx.year);
            return h('tr', {
                'data-code': row.unit.code, class: row.reporting.missingCount ? 'has-missing' : null,
                onclick: (event) => { if (!event.target.closest('a')) { window.location.hash = target; } },
            },
            h('td', {}, h('a', { href: target }, row.unit.name), h('span', { class: 'code' }, row.unit.code)),
            h('td', { class: 'number', 'data-column': 'reporting' }, reportingCell(row)),
            h('td', { class: 'number', 'data-column': 'late' }, count(row.reporting.late)),
            ctx.form.figures.map((definition) => h('td', { class: 'number', 'data-column': definition.id },
                figure(definition, row.totals).text)));
        }))));
}

function exportButtons(ctx, buttons) {
    const message = h('span', { class: 'message', role: 'status' });
    return h('div', { class: 'exports' }, buttons.map(([label, path, accept, name]) => h('button', {
        type: 'button',
        onclick: async () => {
            message.textContent = '';
            try {
                await download(path, accept, name);
            } catch (error) {
                message.textContent = `导出失败：${error.message}`;
            }
        },
    }, label)), message);
}

export async function children(ctx) {
    const page = await ctx.load('children');
    const rows = page.children;
    const chosen = ctx.form.figures.find((f) => f.id === ctx.chartFigure) || ctx.form.figures[0];
    const picker = h('select', {
        id: 'children-figure',
        onchange: (event) => {
            ctx.rememberChartFigure(event.target.value);
            drawChildren(document.getElementById('children-chart'),
                rows, ctx.form.figures.find((f) => f.id === event.target.value));
        },
    }, ctx.form.figures.map((f) => h('option', { value: f.id, selected: f.id === chosen.id }, f.label)));
    const base = `${ctx.code}-${ctx.year}`;
    const sections = [
        h('section', {},
            h('h3', {}, `下级单位（${count(page.total)} 个）`),
            page.total > rows.length ? h('p', { class: 'note' }, `只显示前 ${count(rows.length)} 个`) : null,
            rows.length ? childrenTable(ctx, rows) : h('p', {}, '没有下级单位。'),
            exportButtons(ctx, [
                ['导出下级单位表（CSV）', paths.childrenExport(ctx.code, ctx.year), 'text/csv', `${base}-下级单位.csv`],
                ['导出全部下属单位（CSV）', paths.unitsExport(ctx.code, ctx.year, 'csv'), 'text/csv', `${base}-全部单位.csv`],
                ['导出全部下属单位（XLSX）', paths.unitsExport(ctx.code, ctx.year, 'xlsx'),
                    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${base}-全部单位.xlsx`],
            ])),
        rows.length ? h('section', { class: 'chart-box' },
            h('h3', {}, '下级单位对比 ', picker),
            h('div', { class: 'chart', id: 'children-chart', 'data-chart': 'children-chart' }))
            : null,
    ];
    if (show(ctx, ...sections) && rows.length && await charts(ctx)) {
        drawChildren(document.getElementById('children-chart'), rows, chosen);
    }
}

/** The official tables as the service renders them, in a frame that may not run scripts. */
export async function table(ctx) {
    const base = `${ctx.code}-${ctx.year}`;
    const frame = h('iframe', { class: 'official', title: '统计表', sandbox: 'allow-same-origin', 'data-section': 'official' });
    const buttons = exportButtons(ctx, [['下载统计表（XLSX）', paths.officialTable(ctx.code, ctx.year, 'xlsx'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${base}-统计表.xlsx`]]);
    let html;
    try {
        html = await getText(paths.officialTable(ctx.code, ctx.year, 'html'), 'text/html');
    } catch (error) {
        show(ctx, buttons, h('p', { class: 'message', 'data-section': 'official-missing' }, `统计表暂不可用：${error.message}`));
        return;
    }
    frame.addEventListener('load', () => {
        frame.style.height = `${frame.contentDocument.documentElement.scrollHeight + 24}px`;
    });
    frame.srcdoc = html;
    show(ctx, buttons, frame);
}
