export { ENGINE_URL_FORM, connectEngine, parseEngineUrl } from './engine-url.js';
export { type EngineOptions, RESULT_STREAM, WORKER_CONSUMER, WORK_STREAM, engineDefaults, ensureEngineStreams, resultSubject, workSubject } from './engine-streams.js';
export { publishPatiently } from './publish-patiently.js';
export { MAX_REPLICAS, checkReplicas } from './replicas.js';
export { TRANSIENT, retryTransient } from './transient.js';
export { HEADERS, type WorkItem, checkRunId, parseWorkItem } from './work-item.js';
export { type ServeWorkOptions, type WorkEvent, type WorkHandler, serveWork } from './serve-work.js';
export { type DistributeOptions, type DistributeStats, type KeyedResult, WorkFailedError, distribute, distributeStats } from './distribute.js';
