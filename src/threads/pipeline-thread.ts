/**
 * Worker-thread entry of `extractAnnexLimited` (limited-pipeline.ts): serves the jobs it is sent
 * (pipeline-jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ThreadJob, servePipeline } from './pipeline-jobs.js';

servePipeline(parentPort!, (workerData as ThreadJob | null) ?? undefined);
