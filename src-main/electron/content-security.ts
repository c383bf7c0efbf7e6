// The Content-Security-Policy the shell adds to every response the window loads. The API server
// is the first line of defence, and this header still applies to a response that lacks its own.
// Browsers enforce every CSP header of a response, so adding this one never loosens a stricter
// policy the server already sent.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline styles stay allowed, as in the renderer's own meta policy, because they cannot run script.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const HEADER = 'content-security-policy';

/** Copy the response headers with the shell's policy added to any the server already sent. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const existingKey = Object.keys(result).find((key) => key.toLowerCase() === HEADER);
  const key = existingKey ?? 'Content-Security-Policy';
  result[key] = [...(result[key] ?? []), policy];
  return result;
}
