export { type RevisionStore, WEIGHTS_BUCKET, revisionStore } from './revision-store.js';
