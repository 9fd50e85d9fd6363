/* Linked into the array export test's driver with -Wl,--wrap=aligned_alloc -Wl,--wrap=free: counts the blocks the
   carried runtime allocates for arrays and reports, at exit, how many were never freed. */
#include <stddef.h>
#include <stdio.h>

void *__real_aligned_alloc(size_t, size_t);
void __real_free(void *);

static void *blocks[4096];
static long live;

void *__wrap_aligned_alloc(size_t alignment, size_t size)
{
    void *p = __real_aligned_alloc(alignment, size);
    for (int k = 0; p && k < 4096; k++)
        if (!blocks[k]) { blocks[k] = p; live++; break; }
    return p;
}

void __wrap_free(void *p)
{
    for (int k = 0; p && k < 4096; k++)
        if (blocks[k] == p) { blocks[k] = 0; live--; break; }
    __real_free(p);
}

__attribute__((destructor)) static void report(void) { fprintf(stderr, "live arrays: %ld\n", live); }
