/**
 * The platform's cryptography (docs/architecture.md): Argon2id, HPKE, AES-GCM key boxes, HMAC and HKDF, random
 * bytes.
 */
package io.knag.kernel.crypto;
