/* tablemem.h — memory for hash-table arrays: malloc for small ones, huge-page mappings from
 * TABLE_HUGE bytes up (vm/tablemem.c). Every call takes the array's current size in bytes. */
#ifndef ASPEN_TABLEMEM_H
#define ASPEN_TABLEMEM_H

#include <stdbool.h>
#include <stddef.h>

#define TABLE_HUGE ((size_t)2 << 20)

void *table_alloc(size_t bytes, bool zeroed);              /* NULL when out of memory */
void *table_realloc(void *p, size_t old, size_t bytes);    /* NULL (p untouched) when out of memory */
void table_free(void *p, size_t bytes);

#endif
