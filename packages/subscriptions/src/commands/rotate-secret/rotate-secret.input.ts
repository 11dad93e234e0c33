import { z } from 'zod';
import { MAX_SECRET_OVERLAP_HOURS } from '../../subscription.js';

/** How long the replaced secret goes on signing beside the new one (default a day). */
export const rotateSecretInputSchema = z.strictObject({ overlapHours: z.number().min(0).max(MAX_SECRET_OVERLAP_HOURS).default(24) });
export type RotateSecretInput = z.infer<typeof rotateSecretInputSchema>;
