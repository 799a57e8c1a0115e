// The dashboard's three charts, drawn with Apache ECharts (loaded by index.html from its mvnpm jar as a classic
// script, so `echarts` is a global). Charts are drawn on canvas; tooltips are built here from escaped text, because
// unit names come from submissions.

import { figure } from './numbers.js';

const LIBRARY = '/_static/echarts/dist/echarts.common.min.js';
let library;

/**
  * ECharts, once its script has run. index.html only preloads it: the script is added here, after the page has asked
  * for its data, so that compiling the library overlaps waiting for the answers instead of delaying the questions.
  */
export function echartsReady() {
    if (!library) {
        library = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = LIBRARY;
            script.addEventListener('load', () => resolve(), { once: true });
            script.addEventListener('error', () => {
                library = undefined;
                reject(new Error('图表组件未能加载'));
            }, { once: true });
            document.head.append(script);
        });
    }
    return library;
}

/** Figures first shown on the trend chart; the others are a click on the legend away. */
const TREND_SHOWN = new Set(['received', 'grantedShare', 'carriedForward', 'review', 'litigation']);

function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function chartOn(element, height) {
    if (height) {
        element.style.height = `${height}px`;
    }
    const { echarts } = globalThis;
    const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
    chart.resize();
    return chart;
}

/** Redraws every chart on the page when the window changes size. */
export function followWindowSize() {
    window.addEventListener('resize', () => {
        document.querySelectorAll('.chart').forEach((element) => globalThis.echarts?.getInstanceByDom(element)?.resize());
    });
}

const BASE = { animationDuration: 300, textStyle: { fontFamily: 'inherit' } };

/** The headline figures year by year: counts on the left axis, shares and money on axes of their own. */
export function drawTrend(element, years, figures) {
    const axisOf = (definition) => (definition.of.length ? 1 : definition.amount ? 2 : 0);
    const series = figures.map((definition) => ({
        name: definition.label,
        type: 'line',
        yAxisIndex: axisOf(definition),
        lineStyle: definition.of.length ? { type: 'dashed' } : undefined,
        data: years.map((y) => figure(definition, y.totals)),
    }));
    chartOn(element).setOption({
        ...BASE,
        legend: {
            type: 'scroll', top: 0,
            selected: Object.fromEntries(figures.map((d) => [d.label, TREND_SHOWN.has(d.id)])),
        },
        grid: { top: 48, left: 64, right: 110, bottom: 28 },
        tooltip: {
            trigger: 'axis',
            formatter: (points) => [escape(points[0].axisValue)].concat(points.map((p) =>
                `${p.marker}${escape(p.seriesName)}：${escape(p.data.text)}`)).join('<br>'),
        },
        xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
        yAxis: [
            { type: 'value', name: '件' },
            { type: 'value', name: '%', min: 0, max: 100, position: 'right' },
            { type: 'value', name: '万元', position: 'right', offset: 50 },
        ],
        series: series.map((s) => ({ ...s, data: s.data.map((f) => ({ value: f.chart, text: f.text })) })),
    }, true);
}

/** How applications were handled: one bar per result row of table 三 (the total column). */
export function drawResults(element, totals, resultRows) {
    const rows = resultRows.slice().reverse();
    chartOn(element, rows.length * 24 + 40).setOption({
        ...BASE,
        grid: { top: 8, left: 8, right: 56, bottom: 24, containLabel: true },
        tooltip: {
            trigger: 'item',
            formatter: (p) => `${escape(rows[p.dataIndex].official)}<br>${escape(p.data.text)} 件`,
        },
        xAxis: { type: 'value', name: '件' },
        yAxis: {
            type: 'category',
            data: rows.map((r) => r.label),
            axisLabel: { width: 220, overflow: 'truncate' },
        },
        series: [{
            type: 'bar',
            data: rows.map((r) => {
                const value = figure({ cells: [r.cell], of: [], amount: false }, totals);
                return { value: value.chart, text: value.text };
            }),
            label: { show: true, position: 'right', formatter: (p) => p.data.text },
        }],
    }, true);
}

/** The children side by side on one headline figure. */
export function drawChildren(element, rows, definition) {
    const shown = rows.slice().reverse();
    chartOn(element, Math.max(160, shown.length * 24 + 40)).setOption({
        ...BASE,
        grid: { top: 8, left: 8, right: 72, bottom: 24, containLabel: true },
        tooltip: {
            trigger: 'item',
            formatter: (p) => `${escape(shown[p.dataIndex].unit.name)}（${escape(shown[p.dataIndex].unit.code)}）<br>`
                + `${escape(definition.label)}：${escape(p.data.text)}`,
        },
        xAxis: { type: 'value', name: definition.unit, max: definition.of.length ? 100 : undefined },
        yAxis: { type: 'category', data: shown.map((r) => r.unit.name), axisLabel: { width: 160, overflow: 'truncate' } },
        series: [{
            type: 'bar',
            data: shown.map((r) => {
                const value = figure(definition, r.totals);
                return { value: value.chart, text: value.text };
            }),
            label: { show: true, position: 'right', formatter: (p) => p.data.text },
        }],
    }, true);
}
