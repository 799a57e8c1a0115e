// Figures as the dashboard shows them: counts with grouping, shares to one decimal, money exactly as the API gives
// it. Counts are whole numbers well inside what a JavaScript number holds exactly (the national sum of a cell stays
// below 2^53); shares and money are worked out with BigInt so that nothing is lost to binary fractions.

const GROUPED = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const SHANGHAI_TIME = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** A JSON number that may not fit a double (a fraction, an exponent, or more than 15 digits) stays text. */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const SAFE_INTEGER = /^-?\d{1,15}$/;

/**
  * JSON.parse, except that every number that is not a safe integer arrives as its exact text: the fee (万元, up to
  * six places) keeps every digit. Strings are matched whole before any digits inside them could be.
  */
export function parseJson(text) {
    return JSON.parse(text.replace(JSON_TOKEN, (token) =>
        token[0] === '"' || SAFE_INTEGER.test(token) ? token : `"${token}"`));
}

/** An exact decimal: digits as a BigInt and how many of them are after the point. */
export class Decimal {
    constructor(units, scale) {
        this.units = units;
        this.scale = scale;
    }

    static of(value) {
        const text = String(value).trim();
        const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
        if (!match) {
            throw new Error(`not a number: ${text}`);
        }
        const fraction = match[3] || '';
        let units = BigInt(match[2] + fraction);
        let scale = fraction.length - Number(match[4] || 0);
        if (scale < 0) {
            units *= 10n ** BigInt(-scale);
            scale = 0;
        }
        return new Decimal(match[1] ? -units : units, scale);
    }

    rescale(scale) {
        return new Decimal(this.units * 10n ** BigInt(scale - this.scale), scale);
    }

    plus(other) {
        const scale = Math.max(this.scale, other.scale);
        return new Decimal(this.rescale(scale).units + other.rescale(scale).units, scale);
    }

    minus(other) {
        return this.plus(new Decimal(-other.units, other.scale));
    }

    signum() {
        return this.units > 0n ? 1 : this.units < 0n ? -1 : 0;
    }

    /** Plain notation without trailing zeros, as the API writes amounts. */
    toString() {
        const negative = this.units < 0n;
        let digits = (negative ? -this.units : this.units).toString();
        let scale = this.scale;
        while (scale > 0 && digits.endsWith('0')) {
            digits = digits.slice(0, -1);
            scale -= 1;
        }
        if (scale > 0) {
            digits = digits.padStart(scale + 1, '0');
            digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
        }
        return (negative ? '-' : '') + digits;
    }

    toNumber() {
        return Number(this.toString());
    }
}

/** n / d rounded half away from zero, for BigInts with d > 0. */
function roundedDivision(n, d) {
    const negative = n < 0n;
    const magnitude = ((negative ? -n : n) * 2n + d) / (2n * d);
    return negative ? -magnitude : magnitude;
}

/** Tenths as text: 1234 -> "123.4", -5 -> "-0.5". */
function tenths(value) {
    const negative = value < 0n;
    const magnitude = negative ? -value : value;
    return `${negative ? '-' : ''}${magnitude / 10n}.${magnitude % 10n}`;
}

export function count(value) {
    return GROUPED.format(value);
}

/** A part of a whole as a percentage with one decimal, "—" when the whole is zero. */
export function share(part, whole) {
    if (!whole) {
        return '—';
    }
    return `${tenths(roundedDivision(BigInt(part) * 1000n, BigInt(whole)))}%`;
}

function signed(text, isPositive) {
    return isPositive ? `+${text}` : text;
}

/** The change of a count from last year, with the relative change when last year was not zero. */
export function countChange(now, before) {
    const difference = now - before;
    if (difference === 0) {
        return '持平';
    }
    const absolute = signed(GROUPED.format(difference), difference > 0);
    if (!before) {
        return absolute;
    }
    const relative = roundedDivision(BigInt(difference) * 1000n, BigInt(before));
    return `${absolute}（${signed(tenths(relative), relative > 0n)}%）`;
}

/** The change of a share from last year in percentage points, exact to one decimal. */
export function shareChange(part, whole, partBefore, wholeBefore) {
    if (!whole || !wholeBefore) {
        return '—';
    }
    const n = BigInt(part) * BigInt(wholeBefore) - BigInt(partBefore) * BigInt(whole);
    const points = roundedDivision(n * 1000n, BigInt(whole) * BigInt(wholeBefore));
    return points === 0n ? '持平' : `${signed(tenths(points), points > 0n)} 个百分点`;
}

export function amountChange(now, before) {
    const difference = now.minus(before);
    return difference.signum() === 0 ? '持平' : signed(difference.toString(), difference.signum() > 0);
}

/** An instant as Beijing time, "2024-02-01 10:00:03". */
export function beijingTime(instant) {
    const parts = Object.fromEntries(SHANGHAI_TIME.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The value at a dotted key of a form's nested totals. */
export function cell(totals, key) {
    return key.split('.').reduce((node, name) => (node == null ? undefined : node[name]), totals);
}

function sumCounts(totals, keys) {
    return keys.reduce((sum, key) => sum + Number(cell(totals, key)), 0);
}

/** What a year shows for a figure its form does not have (2019's fee amount): a dash, never a zero. */
const ABSENT = Object.freeze({
    absent: true, sort: -Infinity, chart: null, text: '—', change: () => '—',
});

/**
  * A headline figure of one year's totals: {sort, text, change(before)} where sort orders rows and change describes
  * the difference from an earlier year's value of the same figure. A figure the year's form lacks, or one whose cells
  * the totals leave out (a trend's year in an older form), is absent: "—".
  */
export function figure(definition, totals) {
    const keys = definition.cells.concat(definition.of);
    if (definition.absent || keys.length === 0 || keys.some((key) => cell(totals, key) == null)) {
        return ABSENT;
    }
    if (definition.of.length > 0) {
        const part = sumCounts(totals, definition.cells);
        const whole = sumCounts(totals, definition.of);
        return {
            part, whole, sort: whole ? part / whole : -1, chart: whole ? (part * 100) / whole : null,
            text: share(part, whole),
            change: (before) => (before.absent ? '—' : shareChange(part, whole, before.part, before.whole)),
        };
    }
    if (definition.amount) {
        const value = definition.cells.reduce((sum, key) => sum.plus(Decimal.of(cell(totals, key))), Decimal.of(0));
        return {
            value, sort: value.toNumber(), chart: value.toNumber(), text: value.toString(),
            change: (before) => (before.absent ? '—' : amountChange(value, before.value)),
        };
    }
    const value = sumCounts(totals, definition.cells);
    return {
        value, sort: value, chart: value, text: count(value),
        change: (before) => (before.absent ? '—' : countChange(value, before.value)),
    };
}
