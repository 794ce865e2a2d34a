// Maps the service error catalog to HTTP, and turns schema validation failures into Swedish
// messages that name the field. Nothing else in the API decides a status code for an error.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError, type ErrorCode } from '../services/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  version_adopted: 409,
  database_not_empty: 409,
  database_unavailable: 503,
  too_many_attempts: 429,
  pdf_unavailable: 503,
};

type AjvError = { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string };

function fieldOf(e: AjvError): string {
  const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (e.keyword === 'required' && typeof e.params['missingProperty'] === 'string') {
    return path ? `${path}.${e.params['missingProperty']}` : e.params['missingProperty'];
  }
  if (e.keyword === 'additionalProperties' && typeof e.params['additionalProperty'] === 'string') {
    return e.params['additionalProperty'];
  }
  return path;
}

function swedish(e: AjvError, field: string): string {
  const f = field ? `Fältet "${field}"` : 'Värdet';
  switch (e.keyword) {
    case 'required': return `${f} saknas.`;
    case 'type': return `${f} har fel typ: ${e.params['type'] === 'integer' ? 'ett heltal' : `typen ${String(e.params['type'])}`} krävs.`;
    case 'minimum': return `${f} får inte vara mindre än ${String(e.params['limit'])}.`;
    case 'maximum': return `${f} får inte vara större än ${String(e.params['limit'])}.`;
    case 'minLength': return `${f} får inte vara tomt.`;
    case 'maxLength': return `${f} är för långt (högst ${String(e.params['limit'])} tecken).`;
    case 'pattern': case 'format': return `${f} har ogiltigt format.`;
    case 'additionalProperties': return `${f} är okänt och får inte skickas med.`;
    case 'anyOf': case 'oneOf': case 'const': case 'enum': return `${f} har ett otillåtet värde.`;
    default: return `${f} är ogiltigt.`;
  }
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ServiceError) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.field !== undefined) body['field'] = error.field;
    if (error.current !== undefined) body['current'] = error.current;
    if (error.problems !== undefined) body['problems'] = error.problems;
    void reply.status(STATUS[error.code]).send(body);
    return;
  }
  const validation = (error as { validation?: AjvError[] }).validation;
  if (validation && validation.length > 0) {
    // Of several alternatives (anyOf), the most specific error is the first that names a keyword other than anyOf.
    const first = validation.find((v) => v.keyword !== 'anyOf') ?? validation[0];
    if (first) {
      const field = fieldOf(first);
      void reply.status(400).send({ error: 'validation', message: swedish(first, field), field });
      return;
    }
  }
  if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    void reply.status(415).send({ error: 'unsupported_media_type', message: 'Skicka data som JSON (Content-Type: application/json).' });
    return;
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && error instanceof SyntaxError)) {
    void reply.status(400).send({ error: 'validation', message: 'Begäran innehåller ogiltig JSON.' });
    return;
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    void reply.status(error.statusCode).send({ error: 'bad_request', message: 'Begäran kunde inte tolkas.' });
    return;
  }
  if (isDatabaseDown(error)) {
    void reply.status(503).send({ error: 'database_unavailable', message: 'Databasen går inte att nå just nu. Försök igen om en stund.' });
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.status(500).send({ error: 'internal', message: 'Ett oväntat fel inträffade. Inget har sparats.' });
}

const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DOWN_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/.test(message);
}
