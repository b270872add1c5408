export { type RevisionStore, RevisionDigestError, WEIGHTS_BUCKET, revisionStore } from './revision-store.js';
