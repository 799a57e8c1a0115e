// Requests to the aggregation API with the reader's bearer token. No cookie is sent (credentials: 'omit'), the
// browser's HTTP cache is bypassed so that a 304 reaches the page as a 304, and numbers that a double cannot hold
// exactly arrive as text (numbers.js).

import { signOut, token } from './auth.js';
import { parseJson } from './numbers.js';

export class ApiError extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

const BY_STATUS = {
    401: '登录已过期或令牌无效，请重新登录',
    403: '当前令牌无权查看这些数据（需要 reader 角色）',
};
const BY_PROBLEM = {
    'unknown-unit': '没有这个单位',
    'database-unavailable': '数据库暂时不可用，稍后自动重试',
    'invalid-parameter': '请求参数不正确',
};

/** A Chinese sentence for a failed answer: by status, else by the problem's type, else the status itself. */
async function explain(response) {
    if (BY_STATUS[response.status]) {
        return BY_STATUS[response.status];
    }
    const problem = (response.headers.get('Content-Type') || '').includes('json')
        ? await response.json().catch(() => ({})) : {};
    const type = String(problem.type || '').split('/').pop();
    return BY_PROBLEM[type] || `服务返回 ${response.status}${problem.title ? `（${problem.title}）` : ''}`;
}

async function send(path, { etag, accept = 'application/json' } = {}) {
    const headers = { Accept: accept };
    const bearer = token();
    if (bearer) {
        headers.Authorization = `Bearer ${bearer}`;
    }
    if (etag) {
        headers['If-None-Match'] = etag;
    }
    let response;
    try {
        response = await fetch(path, { headers, cache: 'no-store', credentials: 'omit' });
    } catch {
        throw new ApiError(0, '无法连接服务，稍后自动重试');
    }
    if (response.status === 401) {
        signOut(BY_STATUS[401]);
    }
    if (!response.ok && response.status !== 304) {
        throw new ApiError(response.status, await explain(response));
    }
    return response;
}

/**
  * GET a JSON answer. With an ETag, a 304 answers {notModified: true}; otherwise {data, etag, text} where text is
  * the body as received (to tell a changed answer from one that only moved on in the feed).
  */
export async function getJson(path, options = {}) {
    const response = await send(path, options);
    if (response.status === 304) {
        return { notModified: true, etag: options.etag };
    }
    const text = await response.text();
    return { data: parseJson(text), etag: response.headers.get('ETag'), text };
}

export async function getText(path, accept) {
    return (await send(path, { accept })).text();
}

/** Fetches a file with the token and hands it to the browser as a download; the token never enters a URL. */
export async function download(path, accept, fallbackName) {
    const response = await send(path, { accept });
    const disposition = response.headers.get('Content-Disposition') || '';
    const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = named ? decodeURIComponent(named[1]) : fallbackName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const paths = {
    unit: (code) => `/api/v1/units/${encodeURIComponent(code)}`,
    search: (q) => `/api/v1/units/search?q=${encodeURIComponent(q)}`,
    aggregate: (code, year) => `/api/v1/aggregates/${encodeURIComponent(code)}/${year}`,
    children: (code, year, page, size) =>
        `/api/v1/aggregates/${encodeURIComponent(code)}/${year}/children?page=${page}&size=${size}`,
    trend: (code, from, to) => `/api/v1/aggregates/${encodeURIComponent(code)}/trend?from=${from}&to=${to}`,
    checks: (code, year) => `/api/v1/checks/${encodeURIComponent(code)}/${year}`,
    officialTable: (code, year, format, formVersion) => `/api/v1/aggregates/${encodeURIComponent(code)}/${year}`
        + `?format=${format}${formVersion ? `&formVersion=${encodeURIComponent(formVersion)}` : ''}`,
    childrenExport: (code, year, formVersion) => `/api/v1/aggregates/${encodeURIComponent(code)}/${year}/children`
        + `?format=csv${formVersion ? `&formVersion=${encodeURIComponent(formVersion)}` : ''}`,
    unitsExport: (code, year, format) => `/api/v1/aggregates/${encodeURIComponent(code)}/${year}/units?format=${format}`,
};
