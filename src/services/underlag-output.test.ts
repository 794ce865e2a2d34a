// A PDF asked for without Chromium is the catalog's pdf_unavailable (the API answers 503, the CLI
// prints the message), and the message says how to get Chromium.
import { describe, expect, it } from 'vitest';
import { ServiceError } from './errors.ts';
import { renderReport } from './underlag-output.ts';
import { buildUnderlagModel } from '../reports/index.ts';
import { demoUnderlagInput } from '../reports/fixtures/demo-input.ts';

describe('renderReport', () => {
  it('turns a missing Chromium into pdf_unavailable with the Swedish message', async () => {
    const report = buildUnderlagModel(demoUnderlagInput());
    const error: unknown = await renderReport(report, 'pdf', { chromiumPath: '/finns/inte/chromium' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'pdf_unavailable' });
    expect((error as ServiceError).message).toMatch(/Installera chromium/);
  });
});
