import { ProblemError } from '@briefwatch/service-kit';

/** A brief that cannot be read at all. Nothing of it is imported. */
export class BriefFormatError extends ProblemError {
  constructor(code: string, message: string, readonly line?: number) {
    super(code, line === undefined ? message : `line ${line}: ${message}`, line === undefined ? undefined : { line });
    this.name = 'BriefFormatError';
  }
}
