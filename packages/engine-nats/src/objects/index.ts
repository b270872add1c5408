export { type BucketOptions, openBucket } from './open-bucket.js';
export { ObjectDigestError, getVerified, putVerified } from './verified-object.js';
