/** One structured JSON line per request: {time, method, route, status, ms}. */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/** Questions noted by the routes, per request; written only when questions may be logged. */
const questions = new WeakMap<Context, string>();

/** Lets the request log show `question` when LOG_QUESTIONS is on (it is dropped otherwise). */
export function noteQuestion(c: Context, question: string): void {
  questions.set(c, question);
}

export interface RequestLogOptions {
  log: (line: string) => void;
  logQuestions: boolean;
}

/** The matched route pattern (never the raw URL, whose query may hold a question). */
function routeOf(c: Context): string {
  try {
    return routePath(c) || '*';
  } catch {
    return '*';
  }
}

/**
 * Logs after the response is ready. The route is the pattern, e.g. `/api/sections/:sectionId`,
 * so ids and query strings stay out of the log unless `logQuestions` is on.
 */
export function requestLog(options: RequestLogOptions): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    const question = questions.get(c);
    if (options.logQuestions && question !== undefined) entry.question = question;
    options.log(JSON.stringify(entry));
  };
}
