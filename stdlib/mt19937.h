/* mt19937.h — the Mersenne Twister exactly as CPython's _random module drives it, plus
 * the pure-Python algorithms of Lib/random.py (3.11) for values that fit in 64 bits.
 * All state is in the MT struct: one per Random instance, no globals.
 *
 * How random.seed(a) builds its key (CPython random_seed, for an int a):
 *   key = the 32-bit words of abs(a), least significant first (no sign: seed(-5) is
 *   seed(5)); seed(0) uses the one-word key [0]. Then mt_init_by_array(key).
 *   Strings/bytes are first turned into an int (a + sha512(a) for version 2) by
 *   Lib/random.py; seed(None) uses OS entropy. Those are the caller's business.
 * Other Lib/random.py algorithms, in terms of this API:
 *   randrange(start, stop) = start + randbelow(stop - start)   (ValueError if empty)
 *   randint(a, b)          = a + randbelow(b - a + 1)
 *   choice(seq)            = seq[randbelow(len(seq))]           (IndexError if empty)
 *   shuffle(x)             = for i in n-1 down to 1: j = randbelow(i + 1); swap x[i], x[j]
 *   uniform(a, b)          = a + (b - a) * random()
 * For a range wider than 64 bits the caller runs randbelow's loop itself with
 * mt_getrandbits on a big int: k = n.bit_length(); r = getrandbits(k) until r < n. */
#ifndef ASPEN_MT19937_H
#define ASPEN_MT19937_H

#include <stddef.h>
#include <stdint.h>

#define MT_N 624

typedef struct MT {
    uint32_t state[MT_N];
    int index;
} MT;

/* init_genrand(s): the reference seeding from one 32-bit value. */
void mt_init_genrand(MT *mt, uint32_t s);

/* init_by_array(key): what random.seed(int) uses (key as described above; n >= 1). */
void mt_init_by_array(MT *mt, const uint32_t *key, size_t n);

/* random.seed(a) for a non-negative 64-bit magnitude (pass abs(a)). */
void mt_seed_u64(MT *mt, uint64_t a);

/* The next 32 random bits. */
uint32_t mt_genrand_uint32(MT *mt);

/* random.random(): 53-bit float in [0, 1) (CPython's genrand_res53). */
double mt_random(MT *mt);

/* random.getrandbits(k) for k >= 0: fills (k + 31) / 32 words, least significant first;
 * the last word holds only its top k % 32 bits, shifted down (CPython drops the least
 * significant bits of the final draw). Returns the word count (0 for k == 0; the value
 * is then 0). The caller checks k < 0 ("number of bits must be non-negative"). */
size_t mt_getrandbits(MT *mt, int64_t k, uint32_t *words_out);

/* getrandbits(k) for 0 <= k <= 64 as one integer. */
uint64_t mt_getrandbits64(MT *mt, int k);

/* Lib/random.py's _randbelow_with_getrandbits(n) for 1 <= n < 2**64: uniform in [0, n).
 * n == 0 returns 0 (CPython's callers raise before getting here). */
uint64_t mt_randbelow(MT *mt, uint64_t n);

/* random.getstate()/setstate() expose (state words, index): both are public fields. */

#endif
