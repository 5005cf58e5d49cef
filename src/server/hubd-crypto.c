/* hubd-crypto.c: password hashes (argon2id) and bearer tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hubd-crypto.h"

#include <sodium.h>
#include <string.h>

#include "hubd-error.h"

/* libsodium's "interactive" limits keep a sign-in well under 100 ms on a
 * small machine while still costing an attacker 64 MiB per guess. */
#define HASH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define HASH_MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE

#define TOKEN_BYTES 32

/* A hash of a password nobody has, verified when an email is unknown or
 * has no password yet, so that the answer takes as long as for a real
 * account. */
static char dummy_hash[crypto_pwhash_STRBYTES];

gboolean
hubd_crypto_init (GError **error)
{
  static const char dummy_password[] = "hubd-timing-equalizer";

  if (dummy_hash[0] != '\0')
    return TRUE;

  if (sodium_init () < 0) {
    g_set_error_literal (error, HUBD_ERROR, HUBD_ERROR_INTERNAL,
                         "libsodium could not start: the system random "
                         "number generator is unavailable");
    return FALSE;
  }

  if (crypto_pwhash_str (dummy_hash, dummy_password, strlen (dummy_password),
                         HASH_OPSLIMIT, HASH_MEMLIMIT) != 0) {
    g_set_error_literal (error, HUBD_ERROR, HUBD_ERROR_INTERNAL,
                         "Hashing a password ran out of memory");
    return FALSE;
  }

  return TRUE;
}

char *
hubd_password_hash (const char  *password,
                    GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (crypto_pwhash_str (hash, password, strlen (password),
                         HASH_OPSLIMIT, HASH_MEMLIMIT) != 0) {
    g_set_error_literal (error, HUBD_ERROR, HUBD_ERROR_INTERNAL,
                         "Hashing a password ran out of memory");
    return NULL;
  }

  return g_strdup (hash);
}

gboolean
hubd_password_verify (const char *hash,
                      const char *password)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (hash == NULL || *hash == '\0') {
    hubd_password_verify_nothing (password);
    return FALSE;
  }

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

void
hubd_password_verify_nothing (const char *password)
{
  G_GNUC_UNUSED int rc;

  g_return_if_fail (password != NULL);
  g_return_if_fail (dummy_hash[0] != '\0');

  rc = crypto_pwhash_str_verify (dummy_hash, password, strlen (password));
}

char *
hubd_token_new (void)
{
  guchar bytes[TOKEN_BYTES];
  char token[sodium_base64_ENCODED_LEN (TOKEN_BYTES,
                                        sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2base64 (token, sizeof token, bytes, sizeof bytes,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (bytes, sizeof bytes);

  return g_strdup (token);
}

/* Tokens are stored only as this hash, so that a copy of the database does
 * not hold working tokens. */
char *
hubd_token_hash (const char *token)
{
  guchar digest[crypto_generichash_BYTES];
  char hex[crypto_generichash_BYTES * 2 + 1];

  g_return_val_if_fail (token != NULL, NULL);

  crypto_generichash (digest, sizeof digest, (const guchar *) token,
                      strlen (token), NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}
