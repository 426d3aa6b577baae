// Everything that can wait in the moderation queue. Motions and meetings add their sources here.
import { flagQueueSources } from '../flags/service.js';
import { motionQueueSource, reportQueueSource } from '../reports/moderation.js';
import type { QueueSource } from './queue.js';

export const QUEUE_SOURCES: QueueSource[] = [reportQueueSource, motionQueueSource, ...flagQueueSources];
