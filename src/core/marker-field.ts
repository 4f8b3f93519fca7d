// The field every value the broker writes carries (marker.ts): a module of its own, importing nothing,
// so that redaction (errors.ts) can leave the marker's claim names out of what it redacts.
export const MARKER_FIELD = 'oauth_broker';
