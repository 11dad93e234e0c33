import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { RequestValidationError } from './problem.js';

/**
 * Validates and normalises one request input (body, query, params) at the edge with a zod
 * schema; unknown fields are refused by the schemas themselves (`z.strictObject`).
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new RequestValidationError(result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
}
