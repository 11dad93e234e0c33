import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** Where the API-key guard notes, on a request, that it presented a valid key. */
const KEY_HOLDER = Symbol('briefwatch.keyHolder');

/** Marks a request as made by the holder of a valid API key: what it may read goes beyond what anyone may. */
export function markKeyHolder(request: object): void {
  (request as Record<symbol, boolean>)[KEY_HOLDER] = true;
}

/** Whether the request presented a valid API key: a handler's parameter, for answers that show more to key holders. */
export const KeyHolder = createParamDecorator((_data: unknown, context: ExecutionContext): boolean => Boolean((context.switchToHttp().getRequest<Record<symbol, boolean>>())[KEY_HOLDER]));
